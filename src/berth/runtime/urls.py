"""berth's URLs: ``/healthz``, ``/readyz`` and, under DEBUG, local media files.

A project includes them at its root with ``path("", include("berth.urls"))``.
"""

from __future__ import annotations

from django.conf import settings
from django.conf.urls.static import static
from django.core.files.storage import FileSystemStorage, storages
from django.urls import URLPattern, URLResolver, path

from berth.runtime.health import healthz, readyz

__all__ = ["urlpatterns"]


def _media_patterns() -> list[URLPattern]:
    # With berth's embedded defaults uploads land on the local disk; runserver does not
    # serve them on its own, and without this they would 404 while developing.
    if not settings.DEBUG:
        return []
    storage = storages["default"]
    if not isinstance(storage, FileSystemStorage):
        return []
    base_url = storage.base_url
    if not base_url or not base_url.startswith("/") or base_url == "/":
        return []
    return static(base_url, document_root=storage.location)


urlpatterns: list[URLPattern | URLResolver] = [
    path("healthz", healthz, name="berth-healthz"),
    path("readyz", readyz, name="berth-readyz"),
    *_media_patterns(),
]
