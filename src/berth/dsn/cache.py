"""``CACHE_URL`` → ``CACHES["default"]``, through django-environ's cache URL parser."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import environ

from berth.errors import ConfigurationError
from berth.masking import redact, url_secrets

__all__ = ["parse_cache_url"]

# Short names people expect; django-environ spells them locmemcache://, dummycache://.
_ALIASES = {"locmem": "locmemcache", "dummy": "dummycache"}
_SUPPORTED = "locmem://, redis://, rediss://, dummy://, or another scheme django-environ knows"


def parse_cache_url(url: str, variable: str = "CACHE_URL") -> dict[str, Any]:
    scheme, separator, rest = url.strip().partition("://")
    if not separator or not scheme:
        raise ConfigurationError(variable, f"is not a URL; use {_SUPPORTED}")
    scheme = _ALIASES.get(scheme.lower(), scheme.lower())
    if scheme not in environ.Env.CACHE_SCHEMES:
        raise ConfigurationError(variable, f"has an unsupported scheme; use {_SUPPORTED}")
    try:
        urlsplit(url.strip()).port  # noqa: B018 - checks the port, which django-environ does not
    except ValueError:
        raise ConfigurationError(variable, "has an invalid port") from None
    try:
        return dict(environ.Env.cache_url_config(f"{scheme}://{rest}"))
    except Exception as error:  # django-environ raises several types; keep their text out
        problem = redact(f"could not be parsed ({type(error).__name__})", url_secrets(url))
        raise ConfigurationError(variable, problem) from None
