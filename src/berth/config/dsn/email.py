"""``EMAIL_URL`` → ``EMAIL_BACKEND``, ``EMAIL_HOST`` … through django-environ's email URL parser."""

from __future__ import annotations

from typing import Any

import environ

from berth.config.dsn.environ_urls import parse_with_environ

__all__ = ["parse_email_url"]

_ALIASES = {"console": "consolemail", "memory": "memorymail", "dummy": "dummymail"}
_SUPPORTED = "smtp://, smtp+tls://, smtp+ssl://, console://, memory://, dummy://"


def parse_email_url(url: str, variable: str = "EMAIL_URL") -> dict[str, Any]:
    config = parse_with_environ(
        url,
        variable,
        aliases=_ALIASES,
        schemes=environ.Env.EMAIL_SCHEMES,
        parse=environ.Env.email_url_config,
        supported=_SUPPORTED,
    )
    # django-environ fills unused keys with None/""; Django wants its own defaults there.
    return {key: value for key, value in config.items() if value not in (None, "")}
