"""System checks for settings that do not survive containers (``manage.py check``).

The same finding is a warning on every ``check`` and an error under ``check --deploy``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.core.files.storage import FileSystemStorage
from django.utils.module_loading import import_string

__all__ = ["E001", "E002", "W001", "W002", "check_database", "check_media_storage"]

_DATABASE_MSG = "The default database is SQLite, a file inside the container: it is lost with the container and no two replicas share it."
_DATABASE_HINT = (
    "Set DATABASE_URL to a PostgreSQL server, e.g. postgres://user:password@db:5432/app."
)
_STORAGE_MSG = (
    "Media files are stored on the local disk, which is private to one container and lost with it."
)
_STORAGE_HINT = "Set STORAGE_URL to object storage, e.g. s3://KEY:SECRET@bucket?endpoint_url=https://s3.example.com."

W001 = Warning(_DATABASE_MSG, hint=_DATABASE_HINT, id="berth.W001")
W002 = Warning(_STORAGE_MSG, hint=_STORAGE_HINT, id="berth.W002")
E001 = Error(_DATABASE_MSG, hint=_DATABASE_HINT, id="berth.E001")
E002 = Error(_STORAGE_MSG, hint=_STORAGE_HINT, id="berth.E002")


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


@register(Tags.database)
def check_database(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    return [W001] if _database_is_local() else []


@register(Tags.database, deploy=True)
def check_database_deploy(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    return [E001] if _database_is_local() else []


@register()
def check_media_storage(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    return [W002] if _storage_is_local() else []


@register(deploy=True)
def check_media_storage_deploy(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    return [E002] if _storage_is_local() else []
