from __future__ import annotations

import pytest

from berth.config.masking import mask_positions, mask_text, mask_url, redact, url_secrets


@pytest.mark.parametrize(
    ("url", "masked"),
    [
        ("postgres://app:s3cret@db:5432/shop", "postgres://app:***@db:5432/shop"),
        ("postgres://app:p%40ss@db/shop", "postgres://app:***@db/shop"),
        ("postgres://app@db/shop", "postgres://app@db/shop"),
        (
            "s3://KEY:abc%2Fdef@bucket?endpoint_url=http://h:9000",
            "s3://KEY:***@bucket?endpoint_url=http://h:9000",
        ),
        ("redis://:pw@cache:6379/0", "redis://:***@cache:6379/0"),
        ("smtp://u@mail?password=hunter2&x=1", "smtp://u@mail?password=***&x=1"),
        ("postgres://app:we:ird@pass@db/shop", "postgres://app:***@db/shop"),
        ("postgres://app:p@ss/word@db:5432/app", "postgres://app:***@db:5432/app"),
        # Where it is the password only: the user and database spelt alike stay readable.
        (
            "postgres://postgres:postgres@db:5432/postgres",
            "postgres://postgres:***@db:5432/postgres",
        ),
        ("smtp://token@mail?token=token", "smtp://token@mail?token=***"),
    ],
)
def test_mask_url(url: str, masked: str) -> None:
    assert mask_url(url) == masked


def test_secrets_include_decoded_forms() -> None:
    assert set(url_secrets("s3://K:a%2Fb@bucket")) == {"a%2Fb", "a/b"}


def test_redact_longest_first() -> None:
    assert redact("secret and secretive", ["secret", "secretive"]) == "*** and ***"


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        (
            "could not reach mysql://root:p@ss/word@db/x now",
            "could not reach mysql://root:***@db/x now",
        ),
        (
            "host=db user=app password='a b' dbname=app",
            "host=db user=app password=*** dbname=app",
        ),
        ("{'USER': 'app', 'PASSWORD': 'it\\'s'}", "{'USER': 'app', 'PASSWORD': ***}"),
        ("DB_PASSWORD=hunter2 ./manage.py", "DB_PASSWORD=*** ./manage.py"),
        ("SECRET_KEY: is required when DEBUG is off", "SECRET_KEY: is required when DEBUG is off"),
    ],
)
def test_mask_positions(text: str, masked: str) -> None:
    assert mask_positions(text) == masked


@pytest.mark.parametrize(
    ("text", "secret", "masked"),
    [
        ("user=app password=password dbname=app", "password", "user=app password=*** dbname=app"),
        ("postgres://app:postgres@db/x", "postgres", "postgres://app:***@db/x"),
    ],
)
def test_mask_text_spares_the_word_that_says_a_secret_follows(
    text: str, secret: str, masked: str
) -> None:
    assert mask_text(text, [secret]) == masked


def test_mask_text_spares_a_secret_shown_anyway_as_other_words() -> None:
    public = ["postgres://postgres:***@db:5432/postgres"]
    text = 'FATAL: password authentication failed for user "postgres"'
    assert mask_text(text, ["postgres"], public) == text
    assert mask_text(text, ["postgres"]) == 'FATAL: password authentication failed for user "***"'
