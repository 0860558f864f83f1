"""System checks for settings that do not survive containers (``manage.py check``).

Each problem is a warning on every ``check`` and an error under ``check --deploy``, reported
once: under ``--deploy`` the warning gives way to its error. They read the settings in
effect, whatever set them; ``berth doctor`` is their static twin for code and files.
"""

from __future__ import annotations

import sys
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.core.checks.registry import CheckRegistry
from django.core.files.storage import FileSystemStorage
from django.utils.module_loading import import_string

__all__ = [
    "E001",
    "E002",
    "E003",
    "W001",
    "W002",
    "W003",
    "check_database",
    "check_media_storage",
    "check_sessions",
]

_DATABASE_MSG = "The default database is SQLite, a file inside the container: it is lost with the container and no two replicas share it."
_DATABASE_HINT = (
    "Set DATABASE_URL to a PostgreSQL server, e.g. postgres://user:password@db:5432/app."
)
_STORAGE_MSG = (
    "Media files are stored on the local disk, which is private to one container and lost with it."
)
_STORAGE_HINT = "Set STORAGE_URL to object storage, e.g. s3://KEY:SECRET@bucket?endpoint_url=https://s3.example.com."
_SESSIONS_MSG = (
    "Sessions are kept where only one replica sees them (files, or a local-memory, file or "
    "dummy cache): visitors are signed out when another replica answers."
)
_SESSIONS_HINT = (
    "Keep sessions in the database (Django's default SESSION_ENGINE) or set CACHE_URL to Redis."
)

W001 = Warning(_DATABASE_MSG, hint=_DATABASE_HINT, id="berth.W001")
W002 = Warning(_STORAGE_MSG, hint=_STORAGE_HINT, id="berth.W002")
W003 = Warning(_SESSIONS_MSG, hint=_SESSIONS_HINT, id="berth.W003")
E001 = Error(_DATABASE_MSG, hint=_DATABASE_HINT, id="berth.E001")
E002 = Error(_STORAGE_MSG, hint=_STORAGE_HINT, id="berth.E002")
E003 = Error(_SESSIONS_MSG, hint=_SESSIONS_HINT, id="berth.E003")

_PRIVATE_CACHES = ("LocMemCache", "FileBasedCache", "DummyCache")


def _deployment_run() -> bool:
    """Whether the checks running now include the deployment checks.

    Django hands checks no such flag: ``CheckRegistry.run_checks`` keeps it in its local
    ``include_deployment_checks``, read here from the calling frame so that a warning can
    leave its problem to the error under ``--deploy``. Should Django rename it, both are
    reported, as they were before.
    """
    frame = sys._getframe(1)
    code = CheckRegistry.run_checks.__code__
    while frame is not None:
        if frame.f_code is code:
            return bool(frame.f_locals.get("include_deployment_checks"))
        frame = frame.f_back  # type: ignore[assignment]
    return False


def _database_is_local() -> bool:
    engine = str(settings.DATABASES.get("default", {}).get("ENGINE", ""))
    return engine.endswith("sqlite3") or "spatialite" in engine


def _storage_is_local() -> bool:
    backend = settings.STORAGES.get("default", {}).get("BACKEND", "")
    try:
        storage_class = import_string(backend)
    except ImportError:
        return False  # Django's own checks report an unimportable backend
    return isinstance(storage_class, type) and issubclass(storage_class, FileSystemStorage)


def _sessions_are_local() -> bool:
    engine = str(settings.SESSION_ENGINE)
    if engine == "django.contrib.sessions.backends.file":
        return True
    if engine in (
        "django.contrib.sessions.backends.cache",
        "django.contrib.sessions.backends.cached_db",
    ):
        alias = settings.SESSION_CACHE_ALIAS
        backend = str(settings.CACHES.get(alias, {}).get("BACKEND", ""))
        return backend.endswith(_PRIVATE_CACHES)
    return False


@register(Tags.database)
def check_database(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    return [W001] if _database_is_local() and not _deployment_run() else []


@register(Tags.database, deploy=True)
def check_database_deploy(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    return [E001] if _database_is_local() else []


@register()
def check_media_storage(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    return [W002] if _storage_is_local() and not _deployment_run() else []


@register(deploy=True)
def check_media_storage_deploy(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    return [E002] if _storage_is_local() else []


@register()
def check_sessions(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    return [W003] if _sessions_are_local() and not _deployment_run() else []


@register(deploy=True)
def check_sessions_deploy(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    return [E003] if _sessions_are_local() else []
