from __future__ import annotations

import pytest

from berth.config.masking import mask_url, redact, url_secrets


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
    ],
)
def test_mask_url(url: str, masked: str) -> None:
    assert mask_url(url) == masked


def test_secrets_include_decoded_forms() -> None:
    assert set(url_secrets("s3://K:a%2Fb@bucket")) == {"a%2Fb", "a/b"}


def test_redact_longest_first() -> None:
    assert redact("secret and secretive", ["secret", "secretive"]) == "*** and ***"
