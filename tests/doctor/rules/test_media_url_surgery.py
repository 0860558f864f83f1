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
