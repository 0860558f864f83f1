"""``CACHE_URL`` → ``CACHES["default"]``, through django-environ's cache URL parser."""

from __future__ import annotations

from typing import Any

import environ

from berth.config.dsn.environ_urls import parse_with_environ

__all__ = ["parse_cache_url"]

# Short names people expect; django-environ spells them locmemcache://, dummycache://.
_ALIASES = {"locmem": "locmemcache", "dummy": "dummycache"}
_SUPPORTED = "locmem://, redis://, rediss://, dummy://, or another scheme django-environ knows"


def parse_cache_url(url: str, variable: str = "CACHE_URL") -> dict[str, Any]:
    return parse_with_environ(
        url,
        variable,
        aliases=_ALIASES,
        schemes=environ.Env.CACHE_SCHEMES,
        parse=environ.Env.cache_url_config,
        supported=_SUPPORTED,
    )
