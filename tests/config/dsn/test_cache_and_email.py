from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from berth.config.dsn.cache import parse_cache_url
from berth.config.dsn.email import parse_email_url
from berth.errors import ConfigurationError


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("locmem://", "django.core.cache.backends.locmem.LocMemCache"),
        ("dummy://", "django.core.cache.backends.dummy.DummyCache"),
        ("redis://:pw@cache:6379/1", "django.core.cache.backends.redis.RedisCache"),
        ("rediss://cache:6380/0", "django.core.cache.backends.redis.RedisCache"),
    ],
)
def test_cache_urls(url: str, backend: str) -> None:
    assert parse_cache_url(url)["BACKEND"] == backend


@pytest.mark.parametrize("url", ["", "redis", "memcachex://x", "redis://:hunter22@cache:port/0"])
def test_cache_rejects(url: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        parse_cache_url(url)
    assert caught.value.variable == "CACHE_URL" and "hunter22" not in str(caught.value)


def test_email_urls() -> None:
    assert parse_email_url("console://") == {
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"
    }
    smtp = parse_email_url("smtp+tls://user:p%40ss@mail.example.com:587")
    assert smtp["EMAIL_HOST"] == "mail.example.com" and smtp["EMAIL_PORT"] == 587
    assert smtp["EMAIL_HOST_PASSWORD"] == "p@ss" and smtp["EMAIL_USE_TLS"] is True


@pytest.mark.parametrize("url", ["", "pigeon://x", "smtp://u:hunter22@mail:port"])
def test_email_rejects(url: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        parse_email_url(url)
    assert caught.value.variable == "EMAIL_URL" and "hunter22" not in str(caught.value)


@given(st.text(max_size=120))
def test_any_string_parses_or_raises_configuration_error(url: str) -> None:
    for parse in (parse_cache_url, parse_email_url):
        with contextlib.suppress(ConfigurationError):
            parse(url)
