"""``EMAIL_URL`` → ``EMAIL_BACKEND``, ``EMAIL_HOST`` … through django-environ's email URL parser."""

from __future__ import annotations

from typing import Any

import environ

from berth.errors import ConfigurationError
from berth.masking import redact, url_secrets

__all__ = ["parse_email_url"]

_ALIASES = {"console": "consolemail", "memory": "memorymail", "dummy": "dummymail"}
_SUPPORTED = "smtp://, smtp+tls://, smtp+ssl://, console://, memory://, dummy://"


def parse_email_url(url: str, variable: str = "EMAIL_URL") -> dict[str, Any]:
    scheme, separator, rest = url.strip().partition("://")
    if not separator or not scheme:
        raise ConfigurationError(variable, f"is not a URL; use {_SUPPORTED}")
    scheme = _ALIASES.get(scheme.lower(), scheme.lower())
    if scheme not in environ.Env.EMAIL_SCHEMES:
        raise ConfigurationError(variable, f"has an unsupported scheme; use {_SUPPORTED}")
    try:
        config = dict(environ.Env.email_url_config(f"{scheme}://{rest}"))
    except Exception as error:
        problem = redact(f"could not be parsed ({type(error).__name__})", url_secrets(url))
        raise ConfigurationError(variable, problem) from None
    # django-environ fills unused keys with None/""; Django wants its own defaults there.
    return {key: value for key, value in config.items() if value not in (None, "")}
