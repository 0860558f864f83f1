from __future__ import annotations

import contextlib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.own_words import is_berths_own

from berth.config.dsn.database import (
    DEFAULT_CONN_MAX_AGE,
    DEFAULT_CONNECT_TIMEOUT,
    parse_database_url,
)
from berth.errors import ConfigurationError

PG = "django.db.backends.postgresql"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "postgres://app:s3cret@db.internal:5433/shop",
            {
                "ENGINE": PG,
                "USER": "app",
                "PASSWORD": "s3cret",
                "HOST": "db.internal",
                "PORT": 5433,
                "NAME": "shop",
            },
        ),
        (
            "postgresql://app@db/shop",
            {"ENGINE": PG, "USER": "app", "PASSWORD": "", "HOST": "db", "NAME": "shop"},
        ),
        ("postgres://app:@db/shop", {"USER": "app", "PASSWORD": ""}),
        ("postgres://app:p%40ss%2Fw%3Ard@db/shop", {"PASSWORD": "p@ss/w:rd"}),
        (
            "postgres://app@/shop?host=/var/run/postgresql",
            {"HOST": "/var/run/postgresql", "NAME": "shop"},
        ),
        (
            "postgres://%2Fvar%2Frun%2Fpostgresql/shop",
            {"HOST": "/var/run/postgresql", "NAME": "shop"},
        ),
        (
            "postgresql:///shop?host=/tmp&port=5499&user=me",
            {"HOST": "/tmp", "PORT": 5499, "USER": "me"},
        ),
        ("postgres://u@db/shop?conn_max_age=0", {"CONN_MAX_AGE": 0}),
        (
            "postgres://u@db/shop",
            {"CONN_MAX_AGE": DEFAULT_CONN_MAX_AGE, "CONN_HEALTH_CHECKS": True},
        ),
        (
            "postgres://u@db/shop?sslmode=verify-full",
            {"OPTIONS": {"sslmode": "verify-full", "connect_timeout": DEFAULT_CONNECT_TIMEOUT}},
        ),
        ("postgres://u@db/shop?connect_timeout=5", {"OPTIONS": {"connect_timeout": 5}}),
        ("postgres://u@[::1]:5432/shop", {"HOST": "::1", "PORT": 5432}),
        (
            "sqlite:////srv/data/db.sqlite3",
            {"ENGINE": "django.db.backends.sqlite3", "NAME": "/srv/data/db.sqlite3"},
        ),
        ("sqlite://:memory:", {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}),
    ],
)
def test_parses(url: str, expected: dict[str, Any]) -> None:
    config = parse_database_url(url)
    assert {key: config.get(key) for key in expected} == expected


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("", "is empty"),
        ("db.internal/shop", "is not a URL"),
        ("postgres://u:hunter2@db:notaport/shop", "is not a valid URL"),
        ("postgres://u:hunter2@db:99999/shop", "is not a valid URL"),
        ("mongodb://u:hunter2@db/shop", "unsupported scheme"),
        ("postgres://u:hunter2@db1:5432,db2:5432/shop", "several hosts"),
        ("postgres://u:hunter2@db/shop?sslmode=maybe", "sslmode must be one of"),
        (
            "postgres://u:hunter2@db/shop?connect_timeout=soon",
            "connect_timeout must be a whole number",
        ),
        ("postgres://u:hunter2@db/shop?conn_max_age=-1", "conn_max_age must be between"),
        # A reserved character in the password ends the authority early: the URL would parse,
        # to host 'ter2' and a database named after the rest of the password.
        ("postgres://u:hun@ter2/x@db:5432/shop", "percent-encode them"),
        ("postgres://u:hunter2/x@db:5432/shop", "percent-encode them"),
        ("postgres://u:hunter2?x@db:5432/shop", "percent-encode them"),
        ("postgres://u:hunter2#x@db:5432/shop", "percent-encode them"),
        ("postgres://u:hun@ter2/x@db:54x2/shop", "percent-encode them"),
    ],
)
def test_rejects_with_a_clear_line_and_no_password(url: str, problem: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        parse_database_url(url)
    assert caught.value.variable == "DATABASE_URL"
    assert problem in str(caught.value)
    assert "hunter2" not in str(caught.value)


_secret = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=6, max_size=30
).filter(lambda s: s.strip() == s and len(set(s)) > 3 and not is_berths_own(s))


@given(st.text(max_size=200))
def test_any_string_parses_or_raises_configuration_error(url: str) -> None:
    with contextlib.suppress(ConfigurationError):
        parse_database_url(url)


@given(
    scheme=st.sampled_from(
        ["postgres", "postgresql", "pgsql", "sqlite", "mysql", "http", "post gres"]
    ),
    user=st.text(max_size=10),
    password=_secret,
    host=st.text(max_size=15),
    rest=st.text(max_size=30),
)
def test_errors_never_contain_the_password(
    scheme: str, user: str, password: str, host: str, rest: str
) -> None:
    url = f"{scheme}://{user}:{password}@{host}{rest}"
    try:
        parse_database_url(url)
    except ConfigurationError as error:
        assert password not in str(error)
