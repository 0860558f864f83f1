from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import lines

MODELS = """
from django.db import models

class Photo(models.Model):
    image = models.ImageField(upload_to="photos/")
    thumbnail = models.ImageField(upload_to="thumbs/", blank=True)
"""


def test_urls_made_by_string_operations(tmp_path: Path) -> None:
    files = {
        "gallery/models.py": MODELS,
        "gallery/views.py": """
            import os
            from django.conf import settings

            def links(photo, name):
                a = os.path.dirname(photo.image.url) + "/thumb.jpg"
                b = photo.image.url.replace("/photos/", "/thumbs/")
                c = settings.MEDIA_URL + name
                d = f"{settings.MEDIA_URL}{name}"
                e = photo.image.url[:-4]
                return a, b, c, d, e
        """,
        "gallery/templates/gallery/photo.html": """
            <img src="{{ MEDIA_URL }}{{ photo.image }}">
            <img src="{{ photo.image.url }}">
        """,
    }
    assert lines(tmp_path, files, "BD105") == [
        ("gallery/templates/gallery/photo.html", 1),
        ("gallery/views.py", 5),
        ("gallery/views.py", 6),
        ("gallery/views.py", 7),
        ("gallery/views.py", 8),
        ("gallery/views.py", 9),
    ]


def test_urls_from_the_storage_are_fine(tmp_path: Path) -> None:
    files = {
        "gallery/models.py": MODELS,
        "gallery/views.py": """
            from django.core.files.storage import default_storage

            def links(request, photo, response, link):
                thumb = default_storage.url(photo.thumbnail.name)
                absolute = request.build_absolute_uri(photo.image.url)
                return thumb, absolute, response.url.rstrip("/"), link.url + "?page=2"
        """,
    }
    assert lines(tmp_path, files, "BD105") == []


# Trimmed from django/djangoproject.com@68a439a5, blog/models.py: the URL is completed only
# when the storage gave none with a host (a local storage's /media/...).
FULL_URL = """
from urllib.parse import urlparse
from django.db import models

class Image(models.Model):
    image = models.ImageField(upload_to="blog/images/%Y/%m/")

    @property
    def full_url(self):
        p = urlparse(self.image.url)
        if p.netloc:
            return self.image.url
        host = get_host()
        return f"{host.scheme}{host.name}{host.port}{self.image.url}"
"""
# Trimmed from DefectDojo/django-DefectDojo@7cfa159a, dojo/urls.py: MEDIA_URL makes a route.
ROUTE = """
from django.conf import settings
from django.urls import re_path
from dojo import views

urlpatterns = [
    re_path(r"^{}/(?P<path>.*)$".format(settings.MEDIA_URL.strip("/")), views.protected_serve),
]
"""


def test_urls_completed_only_without_a_host_and_routes_are_not_reported(tmp_path: Path) -> None:
    files = {"blog/models.py": FULL_URL, "dojo/urls.py": ROUTE}
    assert lines(tmp_path, files, "BD105") == []


def test_the_same_url_completed_unguarded_is_reported(tmp_path: Path) -> None:
    unguarded = FULL_URL.replace("if p.netloc:", "if p.query:")
    assert lines(tmp_path, {"blog/models.py": unguarded}, "BD105") == [("blog/models.py", 13)]


# Trimmed from python/pythondotorg@0a7e8d1f, apps/pages/management/commands/
# import_pages_from_svn.py: MEDIA_URL glued to a name is wrong whatever was returned before.
FIX_IMAGE_PATH = """
from django.conf import settings

def fix_image_path(src):
    if src.startswith("http"):
        return src
    return f"{settings.MEDIA_URL}pages{src}"
"""


def test_media_url_after_a_host_guard_is_still_reported(tmp_path: Path) -> None:
    assert lines(tmp_path, {"apps/pages/importer.py": FIX_IMAGE_PATH}, "BD105") == [
        ("apps/pages/importer.py", 6)
    ]
