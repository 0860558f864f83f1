"""``CACHE_URL`` → ``CACHES["default"]``, through django-environ's cache URL parser."""

from __future__ import annotations

from typing import Any

import environ

from berth.config.dsn.environ_urls import parse_with_environ

__all__ = ["REDIS_TIMEOUT", "parse_cache_url"]

REDIS_TIMEOUT = 2.0
"""Seconds to connect to Redis, and to wait for each answer, unless the URL says otherwise:
redis-py waits forever by default, so a hung server would hold /readyz, ``berth wait`` and
every request until gunicorn kills the worker (30 s)."""
_REDIS_BACKEND = "django.core.cache.backends.redis.RedisCache"

# Short names people expect; django-environ spells them locmemcache://, dummycache://.
_ALIASES = {"locmem": "locmemcache", "dummy": "dummycache"}
_SUPPORTED = "locmem://, redis://, rediss://, dummy://, or another scheme django-environ knows"


def parse_cache_url(url: str, variable: str = "CACHE_URL") -> dict[str, Any]:
    config = parse_with_environ(
        url,
        variable,
        aliases=_ALIASES,
        schemes=environ.Env.CACHE_SCHEMES,
        parse=environ.Env.cache_url_config,
        supported=_SUPPORTED,
    )
    if config.get("BACKEND") == _REDIS_BACKEND:
        options = config.setdefault("OPTIONS", {})
        options.setdefault("socket_connect_timeout", REDIS_TIMEOUT)
        options.setdefault("socket_timeout", REDIS_TIMEOUT)
    return config
