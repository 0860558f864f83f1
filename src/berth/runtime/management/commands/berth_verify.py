"""``manage.py berth_verify``: berth verify's way in to what has no URL.

``berth verify`` runs it inside a replica's environment (its tree, its variables) to make and
read back state a visitor cannot reach: an object in ``default_storage``, a cache entry, the
throwaway admin its login flow signs in as. Each call prints one JSON object on stdout. The
caller names what is made, so that it can delete it even after an interrupted call; only names
starting with ``berth-verify-`` are taken, so it cannot touch a real user, file or group.
"""

from __future__ import annotations

import json
import re
import secrets
import sys
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.urls import NoReverseMatch, reverse

__all__ = ["PREFIX", "STORAGE_FOLDER", "Command"]

PREFIX = "berth-verify-"
STORAGE_FOLDER = "berth-verify"
# A storage may add "_" and a suffix to a name that is taken; nothing else: no "/" nor "..".
_OURS = re.compile(rf"(?:{STORAGE_FOLDER}/)?{PREFIX}\w+(?:\.txt)?", re.ASCII)
_CACHE_SECONDS = 3600
_SESSION_MIDDLEWARE = "django.contrib.sessions.middleware.SessionMiddleware"
_APPS = ("admin", "auth", "sessions", "messages")
_URLS = {
    "admin_login": "admin:login",
    "admin_index": "admin:index",
    "group_add": "admin:auth_group_add",
}


class Command(BaseCommand):
    help = "berth verify's operator channel: probe the project, make and read back its state."
    # Its output is one JSON line for berth verify; the checks' warnings would only bury it.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "action",
            choices=[
                "probe",
                "user-create",
                "user-delete",
                "group-delete",
                "storage-write",
                "storage-read",
                "storage-delete",
                "cache-write",
                "cache-read",
                "cache-delete",
            ],
        )
        parser.add_argument(
            "name", nargs="?", help=f"What to write, read or delete: {PREFIX}… (not for probe)"
        )

    def handle(self, *args: Any, action: str, name: str | None, **options: Any) -> None:
        if action != "probe" and not _ours(name or ""):
            raise CommandError(f"{action}: the name must start with {PREFIX!r}")
        handler = getattr(self, "_" + action.replace("-", "_"))
        result = handler(name) if name is not None else handler()
        self.stdout.write(json.dumps(result))

    def _probe(self) -> dict[str, Any]:
        urls: dict[str, str | None] = {}
        for key, url_name in _URLS.items():
            try:
                urls[key] = reverse(url_name)
            except NoReverseMatch:
                urls[key] = None
        return {
            "apps": {label: apps.is_installed(f"django.contrib.{label}") for label in _APPS},
            "urls": urls,
            "session_middleware": _SESSION_MIDDLEWARE in settings.MIDDLEWARE,
            "session_engine": settings.SESSION_ENGINE,
            "message_storage": settings.MESSAGE_STORAGE,
            "cache_backend": settings.CACHES.get("default", {}).get("BACKEND", ""),
            "storage_backend": _dotted(type(storages["default"])),
        }

    def _user_create(self, name: str) -> dict[str, Any]:
        # The password comes on stdin: a command line is visible to every user of the machine.
        password = sys.stdin.readline().strip()
        if not password:
            raise CommandError("user-create: no password on stdin")
        # A custom user model's manager has create_superuser too (createsuperuser needs it).
        manager: Any = get_user_model()._default_manager
        manager.create_superuser(name, f"{name}@example.invalid", password)
        return {"created": name}

    def _user_delete(self, name: str) -> dict[str, Any]:
        user_model = get_user_model()
        field = str(user_model.USERNAME_FIELD)
        deleted, _ = user_model._default_manager.filter(**{field: name}).delete()
        return {"deleted": deleted}

    def _group_delete(self, name: str) -> dict[str, Any]:
        from django.contrib.auth.models import Group

        deleted, _ = Group.objects.filter(name=name).delete()
        return {"deleted": deleted}

    def _storage_write(self, name: str) -> dict[str, Any]:
        content = secrets.token_hex(16)
        saved = default_storage.save(name, ContentFile(content.encode()))
        return {"name": saved, "content": content}

    def _storage_read(self, name: str) -> dict[str, Any]:
        if not default_storage.exists(name):
            return {"content": None}
        with default_storage.open(name) as stored:
            return {"content": stored.read().decode(errors="replace")}

    def _storage_delete(self, name: str) -> dict[str, Any]:
        default_storage.delete(name)
        return {"deleted": name}

    def _cache_write(self, name: str) -> dict[str, Any]:
        value = secrets.token_hex(16)
        cache.set(name, value, _CACHE_SECONDS)
        # Read back in this same process: the one place a per-process cache can be seen.
        return {"value": value, "read_back": cache.get(name) == value}

    def _cache_read(self, name: str) -> dict[str, Any]:
        return {"value": cache.get(name)}

    def _cache_delete(self, name: str) -> dict[str, Any]:
        cache.delete(name)
        return {"deleted": name}


def _ours(name: str) -> bool:
    return _OURS.fullmatch(name) is not None


def _dotted(cls: type) -> str:
    return f"{cls.__module__}.{cls.__qualname__}"
