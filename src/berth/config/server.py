"""How the server runs: port, workers, upload limit, served-process detection, log level.

What gunicorn reads before Django loads (its master never loads the project's settings) and
what berth up and berth init size nginx with, resolved by the same rules and errors as the
Django settings in ``berth.config.resolve``, which reads DEBUG and the log settings from here.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass

from berth.config.dsn.values import parse_bool, parse_int
from berth.config.variables import DEFAULT_MAX_UPLOAD_SIZE, Environment
from berth.errors import ConfigurationError

__all__ = [
    "ServerSettings",
    "explicit_debug",
    "is_build",
    "log_settings",
    "server_port",
    "server_settings",
    "serving_process",
    "upload_limit",
    "web_concurrency",
]

_LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


def explicit_debug(env: Environment) -> bool | None:
    """``DEBUG`` as the environment sets it; None when it is unset."""
    value = env.get("DEBUG")
    return None if value is None else parse_bool("DEBUG", "the value", value)


# Modules loaded before the settings only when the process runs as that HTTP server: what
# serving_process() looks for. runserver loads none of them, nor does merely importing a
# server's package for its settings (gunicorn.config).
_SERVER_MODULES = {
    "gunicorn.arbiter": "gunicorn",
    "uvicorn.server": "uvicorn",
    "daphne.server": "daphne",
    "hypercorn.run": "hypercorn",
    "granian.server": "granian",
    "waitress.server": "waitress",
    "uwsgi": "uWSGI",
    "mod_wsgi": "mod_wsgi",
}


def serving_process() -> str | None:
    """The HTTP server this process runs under, by the modules it has imported; None if none."""
    return next((name for module, name in _SERVER_MODULES.items() if module in sys.modules), None)


def log_settings(env: Environment, debug: bool) -> tuple[str, str]:
    """``LOG_LEVEL`` and ``LOG_FORMAT``, checked: a level name, and ``json`` or ``console``.

    The one reading of both, for Django's LOGGING and for gunicorn's own lines alike.
    """
    level = (env.get("LOG_LEVEL") or "INFO").strip().upper()
    if level not in _LOG_LEVELS:
        raise ConfigurationError("LOG_LEVEL", f"must be one of {', '.join(_LOG_LEVELS)}")
    fmt = (env.get("LOG_FORMAT") or ("console" if debug else "json")).strip().lower()
    if fmt not in ("json", "console"):
        raise ConfigurationError("LOG_FORMAT", "must be json or console")
    return level, fmt


@dataclass(frozen=True)
class ServerSettings:
    """What gunicorn reads before Django loads, resolved by the same rules as the settings."""

    port: int
    health_port: int
    workers: int
    log_level: str
    log_format: str


def server_settings(env: Environment) -> ServerSettings:
    """gunicorn's settings from ``env``; a malformed value raises the settings' own error."""
    # gunicorn's master never loads the project's settings, so DEBUG counts only as set.
    level, fmt = log_settings(env, explicit_debug(env) or False)
    port = server_port(env)
    health = env.get("HEALTH_PORT")
    health_port = (
        port % 65535 + 1
        if health is None
        else parse_int("HEALTH_PORT", "the port", health, minimum=1, maximum=65535)
    )
    if health_port == port:
        raise ConfigurationError("HEALTH_PORT", f"must differ from PORT ({port})")
    return ServerSettings(port, health_port, web_concurrency(env), level, fmt)


def upload_limit(env: Environment) -> str:
    """``MAX_UPLOAD_SIZE`` as nginx's ``client_max_body_size`` takes it: ``100m``, ``512k``, ``0``."""
    value = (env.get("MAX_UPLOAD_SIZE") or DEFAULT_MAX_UPLOAD_SIZE).strip().lower()
    if not re.fullmatch(r"\d{1,12}[kmg]?", value):
        raise ConfigurationError(
            "MAX_UPLOAD_SIZE", "must be a number of bytes, or one with k, m or g, such as 100m"
        )
    return value


def server_port(env: Environment) -> int:
    value = env.get("PORT")
    return 8000 if value is None else parse_int("PORT", "the port", value, minimum=1, maximum=65535)


def web_concurrency(env: Environment) -> int:
    value = env.get("WEB_CONCURRENCY")
    if value is None:
        return min(2 * (os.cpu_count() or 1) + 1, 8)
    return parse_int("WEB_CONCURRENCY", "the worker count", value, minimum=1, maximum=256)


def is_build(env: Environment) -> bool:
    """Whether settings load for an image build (``BERTH_BUILD``), not for serving."""
    value = env.get("BERTH_BUILD")
    return value is not None and parse_bool("BERTH_BUILD", "BERTH_BUILD", value)
