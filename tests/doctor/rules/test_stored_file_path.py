from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import lines, run

MODELS = """
from django.db import models

class Photo(models.Model):
    image = models.ImageField(upload_to="photos/")
"""


def test_field_file_path_and_storage_path(tmp_path: Path) -> None:
    files = {
        "gallery/models.py": MODELS,
        "gallery/views.py": """
            import os
            from django.conf import settings
            from django.core.files.storage import default_storage
            from PIL import Image

            def rotate(request, photo):
                image = Image.open(photo.image.path)
                local = default_storage.path(photo.image.name)
                joined = os.path.join(settings.MEDIA_ROOT, photo.image.name)
                return image, local, joined, request.path, os.path.join("a", "b")
        """,
    }
    assert lines(tmp_path, files, "BD104") == [
        ("gallery/views.py", 7),
        ("gallery/views.py", 8),
        ("gallery/views.py", 9),
    ]


def test_path_of_things_that_are_not_file_fields(tmp_path: Path) -> None:
    files = {
        "gallery/models.py": MODELS,
        "gallery/views.py": """
            from PIL import Image

            def rotate(request, photo, upload):
                with photo.image.open("rb") as handle:
                    image = Image.open(handle)
                return image, request.resolver_match.route, upload.meta.path, photo.folder.path
        """,
    }
    assert lines(tmp_path, files, "BD104") == []


def test_an_upload_joined_to_media_root_is_a_write_not_a_stored_file(tmp_path: Path) -> None:
    files = {
        "gallery/views.py": """
            import os
            from django.conf import settings

            def upload(request):
                target = os.path.join(settings.MEDIA_ROOT, "uploads", request.FILES["f"].name)
                with open(target, "wb") as out:
                    out.write(request.FILES["f"].read())
        """,
    }
    assert lines(tmp_path, files, "BD104") == []
    assert lines(tmp_path, files, "BD102") == [("gallery/views.py", 6)]


# Trimmed from taiga-back (github:kaleidos-ventures/taiga-back@b6eac2c5),
# taiga/users/services.py: one function that uses default_storage.path() five times.
EXPORT_PROFILE = """
import os
import zipfile
from django.core.files.storage import default_storage

def export_profile(user):
    zip_path = "exports/{}/{}.zip".format(user.pk, user.username)
    csv_path = "exports/{}/{}.csv".format(user.pk, user.username)
    zf = zipfile.ZipFile(default_storage.path(zip_path), "w", zipfile.ZIP_DEFLATED)
    zf.write(default_storage.path(csv_path), "profile.csv")
    os.remove(default_storage.path(csv_path))
    if user.photo:
        _, file_extension = os.path.splitext(default_storage.path(user.photo.name))
        zf.write(default_storage.path(user.photo.name), "photo" + file_extension)
    return default_storage.url(zip_path)

def other(name):
    return default_storage.path(name)
"""


def test_one_function_using_storage_path_five_times_is_one_finding(tmp_path: Path) -> None:
    report = run(tmp_path, {"taiga/users/services.py": EXPORT_PROFILE})
    found = [(f.line, f.message) for f in report.findings if f.rule == "BD104"]
    assert found == [
        (
            8,
            "storage.path() fails on remote storages (S3 has no local path) (4 more in this function)",
        ),
        (17, "storage.path() fails on remote storages (S3 has no local path)"),
    ]
