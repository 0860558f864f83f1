"""``DATABASE_URL`` → ``DATABASES["default"]``, on top of dj-database-url.

dj-database-url does the scheme → engine table and the percent-decoding. berth adds what
libpq URIs allow and dj-database-url leaves in ``OPTIONS``: ``?host=/socket/dir``, ``?port=``,
``?user=``, ``?password=``, ``?dbname=``; it turns ``conn_max_age`` into the Django setting,
checks ``sslmode`` and ``connect_timeout``, and reports every problem without the password.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import dj_database_url

from berth.config.dsn.values import check_credentials_encoded, parse_int
from berth.config.masking import redact, url_secrets
from berth.errors import ConfigurationError

__all__ = ["DEFAULT_CONNECT_TIMEOUT", "DEFAULT_CONN_MAX_AGE", "parse_database_url"]

# Persistent connections save a TCP + auth round trip per request; health checks (always on)
# make them safe when the database restarts under a running app.
DEFAULT_CONN_MAX_AGE = 60

DEFAULT_CONNECT_TIMEOUT = 3
"""Seconds libpq waits to connect: shorter than /readyz's deadline and the probes of the files
``berth init`` writes (5 s), so that an unreachable database is a 503, not a probe timeout."""

_SSLMODES = frozenset({"disable", "allow", "prefer", "require", "verify-ca", "verify-full"})
# libpq URI query parameters that name connection parts rather than options.
_CONNECTION_PARTS = {"host": "HOST", "port": "PORT", "user": "USER", "password": "PASSWORD"}


def parse_database_url(url: str, variable: str = "DATABASE_URL") -> dict[str, Any]:
    """Django's settings for one database, from a URL such as ``postgres://u:p@host:5432/name``."""
    try:
        return _parse(url, variable)
    except ConfigurationError as error:
        raise ConfigurationError(variable, redact(error.problem, url_secrets(url))) from None


def _parse(url: str, variable: str) -> dict[str, Any]:
    url = url.strip()
    if not url:
        raise ConfigurationError(
            variable, "is empty; expected a URL such as postgres://user:password@host:5432/name"
        )
    if url.startswith("sqlite:"):
        return _sqlite(url, variable)
    return _server(url, variable)


# Several threads and processes write at once (gunicorn workers, the visit counter): without
# WAL and immediate transactions SQLite answers "database is locked" under light load.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}


def _sqlite(url: str, variable: str) -> dict[str, Any]:
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(url))
    except Exception:
        raise ConfigurationError(variable, "could not be parsed as a sqlite:///path URL") from None
    config["OPTIONS"] = {**SQLITE_OPTIONS, **config.get("OPTIONS", {})}
    config["CONN_HEALTH_CHECKS"] = True
    return config


def _server(url: str, variable: str) -> dict[str, Any]:
    try:
        parts = urlsplit(url)
        check_credentials_encoded(parts, variable)
        if "," in parts.netloc.rpartition("@")[2]:
            raise ConfigurationError(
                variable,
                "names several hosts; Django connects to one host: give a single host or a load-balanced address",
            )
        parts.port  # noqa: B018 - urlsplit checks the port only when asked for it
    except ValueError:
        raise ConfigurationError(
            variable,
            "is not a valid URL (is the port a number, are special characters in the password percent-encoded?)",
        ) from None
    if not parts.scheme or "://" not in url:
        raise ConfigurationError(
            variable,
            "is not a URL: expected scheme://… such as postgres://user:password@host:5432/name",
        )
    if parts.scheme not in dj_database_url.ENGINE_SCHEMES:
        raise ConfigurationError(
            variable,
            "has an unsupported scheme; use one of postgres://, postgresql://, sqlite:///",
        )
    try:
        config: dict[str, Any] = dict(
            dj_database_url.parse(url, conn_max_age=DEFAULT_CONN_MAX_AGE, conn_health_checks=True)
        )
    except Exception:  # dj-database-url raises several types, some with the URL in the text
        raise ConfigurationError(
            variable,
            "could not be parsed as a database URL (are special characters percent-encoded?)",
        ) from None
    options: dict[str, Any] = dict(config.pop("OPTIONS", {}))
    for key, setting in _CONNECTION_PARTS.items():
        if key in options:
            config[setting] = str(options.pop(key))
    if "dbname" in options:
        config["NAME"] = str(options.pop("dbname"))
    if "conn_max_age" in options:
        config["CONN_MAX_AGE"] = parse_int(
            variable, "conn_max_age", str(options.pop("conn_max_age")), minimum=0, maximum=86400
        )
    if "sslmode" in options and options["sslmode"] not in _SSLMODES:
        raise ConfigurationError(variable, f"sslmode must be one of {', '.join(sorted(_SSLMODES))}")
    if "connect_timeout" in options:
        options["connect_timeout"] = parse_int(
            variable, "connect_timeout", str(options["connect_timeout"]), minimum=0, maximum=3600
        )
    if config.get("PORT") not in ("", None):
        config["PORT"] = parse_int(variable, "port", str(config["PORT"]), minimum=1, maximum=65535)
    if "postgresql" in str(config.get("ENGINE", "")):
        # libpq waits for the OS's TCP timeout (minutes) on an unreachable host; readiness
        # probes and start-up waits need an answer sooner.
        options.setdefault("connect_timeout", DEFAULT_CONNECT_TIMEOUT)
    if options:
        config["OPTIONS"] = options
    return config
