"""Resolve berth's variables into Django settings, and apply them to a settings module.

Precedence, per setting: a variable set in the environment wins; else the project's own
value in settings.py (when ``configure`` is called after it); else berth's embedded default.
"""

from __future__ import annotations

import contextlib
import re
import sys
import zoneinfo
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from berth.config.dsn.cache import parse_cache_url
from berth.config.dsn.database import parse_database_url
from berth.config.dsn.email import parse_email_url
from berth.config.dsn.storage import StorageConfig, parse_divio_storage_dsn, parse_storage_url
from berth.config.masking import MASK, mask_url
from berth.config.server import (
    explicit_debug,
    is_build,
    log_settings,
    server_port,
    serving_process,
    web_concurrency,
)
from berth.config.variables import (
    VARIABLES,
    Environment,
    Source,
    read_environment,
)
from berth.errors import ConfigurationError

__all__ = [
    "DEVELOPMENT_SECRET_KEY",
    "Capture",
    "Configuration",
    "ReportLine",
    "capturing",
    "configure",
    "resolve",
]

# Starts with django-insecure- so that Django's own deploy check (security.W009) flags it too.
DEVELOPMENT_SECRET_KEY = "django-insecure-berth-development-only-never-in-production"
BERTH_APP = "berth.runtime"
REQUEST_ID_MIDDLEWARE = "berth.runtime.request_id.RequestIdMiddleware"
HEALTH_PROBE_MIDDLEWARE = "berth.runtime.health.HealthProbeMiddleware"
WHITENOISE_MIDDLEWARE = "whitenoise.middleware.WhiteNoiseMiddleware"
WHITENOISE_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
_LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"]


@dataclass(frozen=True)
class ReportLine:
    """One variable in ``berth env``: where its value came from and what it resolved to."""

    variable: str
    source: Source
    value: str
    """As set, or the default; secrets masked."""
    resolved: str = ""


@dataclass
class Configuration:
    settings: dict[str, Any] = field(default_factory=dict)
    report: list[ReportLine] = field(default_factory=list)
    sentry: dict[str, Any] = field(default_factory=dict)
    embedded: set[str] = field(default_factory=set)
    """Which of "database" and "storage" run on berth's local defaults."""
    errors: list[ConfigurationError] = field(default_factory=list)
    """Every variable that failed, each once: the report holds a line for all the others."""

    def checked(self) -> Configuration:
        """This configuration, or its first error raised: what loading settings can show."""
        if self.errors:
            raise self.errors[0]
        return self


@dataclass
class Capture:
    """What ``configure()`` resolved while :func:`capturing`, instead of acting on it."""

    server: str | None
    configurations: list[Configuration] = field(default_factory=list)


_capture: Capture | None = None


@contextlib.contextmanager
def capturing(server: str | None = None) -> Iterator[Capture]:
    """Make ``configure()`` record each Configuration as if served by ``server``, and change
    nothing but the settings: no error raised, no folder made, no Sentry started.

    berth env loads a project's settings this way, so that it shows what the project's own
    ``berth.configure(globals())`` resolves, every error included.
    """
    global _capture
    previous, _capture = _capture, Capture(server)
    try:
        yield _capture
    finally:
        _capture = previous


def resolve(
    env: Environment,
    project: Mapping[str, Any] | None = None,
    base_dir: Path | None = None,
    *,
    server: str | None = None,
) -> Configuration:
    """The Django settings berth's variables resolve to, given the project's own settings.

    ``server`` names the HTTP server the process runs under (``gunicorn``, ``uvicorn``…):
    such a process is never in DEBUG, nor signs with a public key, unless DEBUG is set.
    Every variable is resolved even when another fails: ``errors`` holds each failure, and
    the report a line for every other variable (:meth:`Configuration.checked` raises).
    """
    project = project or {}
    base = Path(base_dir or project.get("BASE_DIR") or Path.cwd()).resolve()
    config = Configuration()
    _collect(config, _database, env, project, base, config)
    _collect(config, _storage, env, project, base, config)
    _collect(config, _cache, env, project, config)
    _collect(config, _email, env, project, config)
    debug = bool(_collect(config, _debug, env, project, server, config))
    _collect(config, _secret_key, env, project, debug, server, config)
    domain = _collect(config, _domain, env, config)
    _collect(config, _hosts, env, project, domain, config)
    _collect(config, _proxy_header, env, config)
    for name, default in (
        ("TIME_ZONE", "UTC"),
        ("STATIC_URL", "/static/"),
        ("STATIC_ROOT", str(base / "staticfiles")),
    ):
        _collect(config, _simple, env, project, name, default, config)
    config.settings["USE_TZ"] = project.get("USE_TZ", True)
    _collect(config, _logging, env, project, debug, config)
    _collect(config, _sentry, env, debug, config)
    _collect(config, _port, env, config)
    _collect(config, _workers, env, config)
    return config


_T = TypeVar("_T")


def _collect(config: Configuration, section: Callable[..., _T], *args: Any) -> _T | None:
    """``section(*args)``, or None with its error kept in ``config.errors``."""
    try:
        return section(*args)
    except ConfigurationError as error:
        config.errors.append(error)
        return None


def configure(
    namespace: MutableMapping[str, Any],
    environ: Mapping[str, str] | None = None,
    *,
    server: str | None = None,
) -> Configuration:
    """Set Django settings in a settings module's ``globals()`` from the environment.

    Call it at the end of settings.py: the project's own values then count as defaults that
    the environment overrides, and berth can add its middleware and app to the lists.
    ``server`` defaults to the HTTP server this process runs under, if any (see
    :func:`serving_process`).
    """
    env = read_environment(environ)
    capture = _capture
    if capture is not None:
        server = capture.server
    else:
        server = server or (None if is_build(env) else serving_process())
    config = resolve(env, namespace, server=server)
    if capture is None and config.errors:
        if server is None:
            config.checked()
        # Under a server the settings load in a worker, whose traceback would bury the
        # lines that matter. gunicorn halts on a worker exiting with its "App failed to
        # load" code (4) instead of booting another; uvicorn and the others just exit.
        sys.stderr.write("".join(f"berth: {error}\n" for error in config.errors))
        sys.stderr.flush()
        raise SystemExit(_APP_LOAD_ERROR)
    namespace.update(config.settings)
    namespace["MIDDLEWARE"] = _with_middleware(list(namespace.get("MIDDLEWARE", [])))
    namespace["INSTALLED_APPS"] = _with_apps(list(namespace.get("INSTALLED_APPS", [])))
    if capture is not None:
        capture.configurations.append(config)
        return config
    if is_build(env):
        return config
    for service in config.embedded:
        folder = (
            Path(config.settings["DATABASES"]["default"]["NAME"]).parent
            if service == "database"
            else Path(config.settings["MEDIA_ROOT"])
        )
        # A read-only image (collectstatic at build time) must still load its settings;
        # the berth.W001/W002 checks already say the embedded defaults are no place for data.
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
    if config.sentry:
        from berth.runtime.sentry import init_sentry

        init_sentry(**config.sentry)
    return config


def _line(config: Configuration, name: str, source: Source, value: str, resolved: str = "") -> None:
    variable = next(v for v in VARIABLES if v.name == name)
    if variable.secret and source is not Source.DEFAULT:
        value = MASK
    elif variable.url:
        value = mask_url(value)
    config.report.append(ReportLine(name, source, value, resolved))


def _database(
    env: Environment, project: Mapping[str, Any], base: Path, config: Configuration
) -> None:
    databases = dict(project.get("DATABASES") or {})
    url = env.get("DATABASE_URL")
    if url is not None:
        databases["default"] = parse_database_url(url)
        source = Source.ENVIRONMENT
    elif "default" in databases:
        source, url = Source.PROJECT, "(DATABASES in settings)"
    else:
        path = base / "data" / "db.sqlite3"
        url = f"sqlite:///{path}"
        databases["default"] = parse_database_url(url)
        config.embedded.add("database")
        source = Source.DEFAULT
    default = databases["default"]
    where = default.get("HOST") or ""
    if default.get("PORT"):
        where += f":{default['PORT']}"
    _line(
        config,
        "DATABASE_URL",
        source,
        url,
        f"{default.get('ENGINE', '?')} {where}/{default.get('NAME', '')}".replace(" /", " "),
    )
    config.settings["DATABASES"] = databases


def _storage(
    env: Environment, project: Mapping[str, Any], base: Path, config: Configuration
) -> None:
    storages = dict(project.get("STORAGES") or {})
    storage: StorageConfig | None = None
    url = env.get("STORAGE_URL")
    alias = env.get("DEFAULT_STORAGE_DSN")
    if url is not None:
        storage, source = parse_storage_url(url), Source.ENVIRONMENT
    elif alias is not None:
        storage, source, url = parse_divio_storage_dsn(alias), Source.ALIAS, alias
    elif "default" in storages:
        source, url = Source.PROJECT, "(STORAGES in settings)"
    else:
        url = f"file://{base / 'data' / 'media'}?url=/media/"
        storage, source = parse_storage_url(url), Source.DEFAULT
        config.embedded.add("storage")
    if storage is not None:
        storages["default"] = storage.storages_entry
        config.settings["MEDIA_URL"] = storage.media_url
        if storage.is_local:
            config.settings["MEDIA_ROOT"] = storage.options["location"]
    storages.setdefault("staticfiles", {"BACKEND": WHITENOISE_STORAGE})
    config.settings["STORAGES"] = storages
    resolved = storages["default"].get("BACKEND", "?")
    if storage is not None and not storage.is_local:
        resolved += f" bucket={storage.options['bucket_name']}"
        if storage.options.get("endpoint_url"):
            resolved += f" endpoint={storage.options['endpoint_url']}"
    _line(config, "STORAGE_URL", source, url, resolved)
    if alias is not None and source is not Source.ALIAS:
        _line(
            config, "DEFAULT_STORAGE_DSN", Source.ENVIRONMENT, alias, "ignored: STORAGE_URL is set"
        )


def _cache(env: Environment, project: Mapping[str, Any], config: Configuration) -> None:
    caches = dict(project.get("CACHES") or {})
    url = env.get("CACHE_URL")
    if url is not None:
        caches["default"], source = parse_cache_url(url), Source.ENVIRONMENT
    elif "default" in caches:
        source, url = Source.PROJECT, "(CACHES in settings)"
    else:
        url = "locmem://"
        caches["default"], source = parse_cache_url(url), Source.DEFAULT
    config.settings["CACHES"] = caches
    _line(config, "CACHE_URL", source, url, caches["default"].get("BACKEND", "?"))


def _email(env: Environment, project: Mapping[str, Any], config: Configuration) -> None:
    url = env.get("EMAIL_URL")
    if url is not None:
        source = Source.ENVIRONMENT
    elif "EMAIL_BACKEND" in project:
        _line(
            config,
            "EMAIL_URL",
            Source.PROJECT,
            "(EMAIL_BACKEND in settings)",
            str(project["EMAIL_BACKEND"]),
        )
        return
    else:
        url, source = "console://", Source.DEFAULT
    email = parse_email_url(url)
    config.settings.update(email)
    _line(config, "EMAIL_URL", source, url, email["EMAIL_BACKEND"])


def _debug(
    env: Environment, project: Mapping[str, Any], server: str | None, config: Configuration
) -> bool:
    debug = explicit_debug(env)
    note = ""
    if debug is not None:
        source = Source.ENVIRONMENT
    elif server is not None:
        # A deployment that forgot a variable must not serve tracebacks to the internet: a
        # served process is in DEBUG only when DEBUG says so, whatever settings.py holds.
        debug, source = False, Source.DEFAULT
        note = f"served by {server}: on only when DEBUG is set"
        if project.get("DEBUG"):
            note += "; DEBUG = True in settings ignored"
    elif "DEBUG" in project:
        debug, source = bool(project["DEBUG"]), Source.PROJECT
    else:
        # The embedded database only exists on a developer's machine: runserver and
        # manage.py on a fresh checkout get DEBUG with nothing set.
        debug, source = "database" in config.embedded, Source.DEFAULT
    config.settings["DEBUG"] = debug
    _line(config, "DEBUG", source, "on" if debug else "off", note)
    return debug


def _secret_key(
    env: Environment,
    project: Mapping[str, Any],
    debug: bool,
    server: str | None,
    config: Configuration,
) -> None:
    key = env.get("SECRET_KEY")
    # Under a server, a public key is allowed only where DEBUG on was asked for by name.
    guarded = server is not None and not (debug and env.is_set("DEBUG"))
    if key is not None:
        source = Source.ENVIRONMENT
    elif project.get("SECRET_KEY"):
        key, source = str(project["SECRET_KEY"]), Source.PROJECT
        if guarded and is_public_key(key):
            raise ConfigurationError(
                "SECRET_KEY",
                f"settings.py holds a public development key and this process is served by "
                f"{server}: set SECRET_KEY to a long random value",
            )
    elif (debug and not guarded) or is_build(env):
        # An image build runs collectstatic, which signs nothing: the real key must not
        # have to be baked into a layer just to get past settings.
        key, source = DEVELOPMENT_SECRET_KEY, Source.DEFAULT
    else:
        raise ConfigurationError(
            "SECRET_KEY",
            "is required when DEBUG is off; set it to a long random value, e.g. "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'",
        )
    config.settings["SECRET_KEY"] = key
    _line(
        config, "SECRET_KEY", source, MASK if source is not Source.DEFAULT else "(development key)"
    )


def is_public_key(key: str) -> bool:
    # startproject writes "django-insecure-…" into settings.py, and so into the repository.
    return key == DEVELOPMENT_SECRET_KEY or key.startswith("django-insecure-")


_APP_LOAD_ERROR = 4


def _domain(env: Environment, config: Configuration) -> str | None:
    domain = env.get("DOMAIN")
    if domain is None:
        return None
    domain = domain.strip().lower()
    if not re.fullmatch(r"[a-z0-9.\-]+(:\d{1,5})?", domain):
        raise ConfigurationError(
            "DOMAIN", "must be a host name such as www.example.com, without scheme or path"
        )
    _line(config, "DOMAIN", Source.ENVIRONMENT, domain)
    return domain


def _hosts(
    env: Environment, project: Mapping[str, Any], domain: str | None, config: Configuration
) -> None:
    hosts = env.get("ALLOWED_HOSTS")
    note = ""
    if hosts is not None:
        allowed, source = [h.strip() for h in hosts.split(",") if h.strip()], Source.ENVIRONMENT
    elif project.get("ALLOWED_HOSTS"):
        allowed, source = list(project["ALLOWED_HOSTS"]), Source.PROJECT
    else:
        # An empty list is startproject's placeholder, never a choice: with DEBUG off it
        # refuses every request (a 400 behind a healthy /readyz). It counts as unset.
        if "ALLOWED_HOSTS" in project:
            note = "ALLOWED_HOSTS = [] in settings read as unset"
        allowed, source = (
            ([domain.partition(":")[0]] if domain else list(_LOCAL_HOSTS)),
            Source.DEFAULT,
        )
    config.settings["ALLOWED_HOSTS"] = allowed
    _line(config, "ALLOWED_HOSTS", source, ",".join(allowed), note)
    if domain:
        origins = list(project.get("CSRF_TRUSTED_ORIGINS", []))
        if f"https://{domain}" not in origins:
            origins.append(f"https://{domain}")
        config.settings["CSRF_TRUSTED_ORIGINS"] = origins


def _proxy_header(env: Environment, config: Configuration) -> None:
    header = env.get("SECURE_PROXY_SSL_HEADER")
    if header is None:
        return
    name, _, value = header.partition(":")
    name, value = name.strip(), value.strip() or "https"
    if not re.fullmatch(r"[A-Za-z0-9\-_]+", name) or not re.fullmatch(r"[A-Za-z0-9\-_.]+", value):
        raise ConfigurationError(
            "SECURE_PROXY_SSL_HEADER", "must look like 'X-Forwarded-Proto: https'"
        )
    setting = ("HTTP_" + name.upper().replace("-", "_"), value)
    config.settings["SECURE_PROXY_SSL_HEADER"] = setting
    _line(
        config,
        "SECURE_PROXY_SSL_HEADER",
        Source.ENVIRONMENT,
        header,
        f"{setting[0]} = {setting[1]}",
    )


def _simple(
    env: Environment, project: Mapping[str, Any], name: str, default: str, config: Configuration
) -> None:
    value = env.get(name)
    if value is not None:
        source = Source.ENVIRONMENT
    elif name in project:
        value, source = str(project[name]), Source.PROJECT
    else:
        value, source = default, Source.DEFAULT
    if name == "TIME_ZONE":
        _check_time_zone(value)
    if name == "STATIC_URL" and not value.endswith("/"):
        value += "/"
    config.settings[name] = value
    _line(config, name, source, value)


def _check_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ConfigurationError(
            "TIME_ZONE", "is not a known IANA time zone such as Europe/Zurich or UTC"
        ) from None


def _logging(
    env: Environment, project: Mapping[str, Any], debug: bool, config: Configuration
) -> None:
    if not env.is_set("LOG_LEVEL") and not env.is_set("LOG_FORMAT") and "LOGGING" in project:
        _line(config, "LOG_FORMAT", Source.PROJECT, "(LOGGING in settings)")
        return
    level, fmt = log_settings(env, debug)
    from berth.runtime.log_format import logging_config

    config.settings["LOGGING"] = logging_config(level, fmt)
    for name, value in (("LOG_LEVEL", level), ("LOG_FORMAT", fmt)):
        _line(config, name, Source.ENVIRONMENT if env.is_set(name) else Source.DEFAULT, value)


def _sentry(env: Environment, debug: bool, config: Configuration) -> None:
    rate_text = env.get("SENTRY_TRACES_SAMPLE_RATE") or "0"
    try:
        rate = float(rate_text)
    except ValueError:
        rate = -1.0
    if not 0.0 <= rate <= 1.0:
        # Kept, and the DSN still checked: berth env shows every failure at once.
        config.errors.append(
            ConfigurationError("SENTRY_TRACES_SAMPLE_RATE", "must be a number from 0 to 1")
        )
        rate = 0.0
    dsn = env.get("SENTRY_DSN")
    if dsn is None:
        _line(config, "SENTRY_DSN", Source.DEFAULT, "(unset)", "Sentry off")
        return
    if not re.fullmatch(r"https?://[^\s/@]+@[^\s/]+/.+", dsn.strip()):
        raise ConfigurationError(
            "SENTRY_DSN", "must look like https://KEY@o0.ingest.sentry.io/PROJECT"
        )
    environment = env.get("SENTRY_ENVIRONMENT") or ("development" if debug else "production")
    release = env.get("GIT_COMMIT")
    config.sentry = {
        "dsn": dsn.strip(),
        "environment": environment,
        "release": release,
        "traces_sample_rate": rate,
    }
    _line(
        config,
        "SENTRY_DSN",
        Source.ENVIRONMENT,
        dsn,
        f"environment={environment} release={release or '-'} traces={rate}",
    )


def _port(env: Environment, config: Configuration) -> None:
    source = Source.ENVIRONMENT if env.is_set("PORT") else Source.DEFAULT
    _line(config, "PORT", source, str(server_port(env)))


def _workers(env: Environment, config: Configuration) -> None:
    source = Source.ENVIRONMENT if env.is_set("WEB_CONCURRENCY") else Source.DEFAULT
    _line(config, "WEB_CONCURRENCY", source, str(web_concurrency(env)))


def _with_middleware(middleware: list[str]) -> list[str]:
    if WHITENOISE_MIDDLEWARE not in middleware:
        security = "django.middleware.security.SecurityMiddleware"
        # whitenoise's documented place: right after SecurityMiddleware, before all else.
        at = middleware.index(security) + 1 if security in middleware else 0
        middleware.insert(at, WHITENOISE_MIDDLEWARE)
    if REQUEST_ID_MIDDLEWARE not in middleware:
        middleware.insert(0, REQUEST_ID_MIDDLEWARE)
    if HEALTH_PROBE_MIDDLEWARE not in middleware:
        middleware.insert(0, HEALTH_PROBE_MIDDLEWARE)
    return middleware


def _with_apps(apps: list[str]) -> list[str]:
    if BERTH_APP not in apps and f"{BERTH_APP}.apps.BerthConfig" not in apps:
        apps.append(BERTH_APP)
    staticfiles = "django.contrib.staticfiles"
    if staticfiles in apps and "whitenoise.runserver_nostatic" not in apps:
        apps.insert(apps.index(staticfiles), "whitenoise.runserver_nostatic")
    return apps
