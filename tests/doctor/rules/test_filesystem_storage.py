from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import lines, run

from berth.doctor.fixes import plan_fixes

MODELS = """
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import models

local = FileSystemStorage(location="/srv/uploads")


class Document(models.Model):
    scan = models.FileField(upload_to="scans/", storage=FileSystemStorage())
    other = models.FileField(storage=local)
    fine = models.FileField(upload_to="docs/")
    shared = models.FileField(storage=default_storage)
"""


def test_explicit_filesystem_storage_in_models(tmp_path: Path) -> None:
    assert lines(tmp_path, {"app/models.py": MODELS}, "BD101") == [
        ("app/models.py", 4),
        ("app/models.py", 8),
    ]


def test_subclass_and_settings(tmp_path: Path) -> None:
    files = {
        "app/storage.py": """
            from django.core.files.storage import FileSystemStorage
            class Overwriting(FileSystemStorage):
                pass
            MEDIA = Overwriting()
        """,
        "proj/settings.py": """
            INSTALLED_APPS = ["app"]
            STORAGES = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
        """,
        "proj/settings_dev.py": """
            INSTALLED_APPS = ["app"]
            STORAGES = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
        """,
    }
    assert lines(tmp_path, files, "BD101") == [("app/storage.py", 4), ("proj/settings.py", 2)]


def test_storage_chosen_in_a_function_or_in_tests_is_fine(tmp_path: Path) -> None:
    files = {
        "app/finders.py": """
            from django.core.files.storage import FileSystemStorage
            def storage_for(root):
                return FileSystemStorage(location=root)
        """,
        "app/tests/test_upload.py": """
            from django.core.files.storage import FileSystemStorage
            STORE = FileSystemStorage(location="/tmp/x")
        """,
        "proj/settings.py": """
            INSTALLED_APPS = ["app"]
            STORAGES = {"default": {"BACKEND": "storages.backends.s3.S3Storage"}}
        """,
    }
    assert lines(tmp_path, files, "BD101") == []


def test_fix_removes_a_bare_filesystem_storage(tmp_path: Path) -> None:
    report = run(tmp_path, {"app/models.py": MODELS})
    fixes = plan_fixes(report.findings, {d: s.path for d, s in report.sources.items()})
    assert len(fixes) == 1
    after = fixes[0].after
    assert 'scan = models.FileField(upload_to="scans/")\n' in after
    assert 'location="/srv/uploads"' in after  # not mechanical: left for a person
    assert '+    scan = models.FileField(upload_to="scans/")' in fixes[0].diff()
