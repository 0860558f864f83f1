"""BD101: a FileSystemStorage that a field names through a class or a function of another module."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.doctor.conftest import lines


def test_a_subclass_in_a_storage_module(tmp_path: Path) -> None:
    # Trimmed from github:nearbeach/NearBeach (MIT): NearBeach/private_media.py and the
    # document field of NearBeach/models.py.
    files = {
        "NearBeach/private_media.py": """
            from django.conf import settings
            from django.core.files.storage import FileSystemStorage


            class File_Storage(FileSystemStorage):
                def __init__(self, location=None, base_url=None):
                    if location is None:
                        location = settings.PRIVATE_MEDIA_ROOT
                    if base_url is None:
                        base_url = settings.PRIVATE_MEDIA_URL
                    return super().__init__(location, base_url)
        """,
        "NearBeach/models.py": """
            from django.db import models

            from .private_media import File_Storage


            class document(models.Model):
                document_description = models.CharField(max_length=255)
                document = models.FileField(
                    blank=True,
                    null=True,
                    storage=File_Storage(),
                )
        """,
    }
    assert lines(tmp_path, files, "BD101") == [("NearBeach/models.py", 11)]


def test_a_function_that_returns_a_filesystem_storage(tmp_path: Path) -> None:
    # The shape of a private documents store (a get_storage() returning a FileSystemStorage
    # with 0o600 files) passed to a field as a callable, as Django 3.1+ allows.
    files = {
        "kb/storage.py": """
            from django.conf import settings
            from django.core.files.storage import FileSystemStorage


            def get_storage():
                return FileSystemStorage(
                    location=settings.KNOWLEDGE_BASE["STORAGE_ROOT"],
                    base_url=None,
                    directory_permissions_mode=0o700,
                    file_permissions_mode=0o600,
                )


            def chosen_storage():
                if settings.DEBUG:
                    return FileSystemStorage()
                return storages["documents"]
        """,
        "kb/models.py": """
            from django.db import models

            from kb import storage
            from kb.storage import chosen_storage, get_storage
            from shop.storage import S3MediaStorage


            class Version(models.Model):
                file = models.FileField(storage=get_storage, upload_to="versions/")
                copy = models.FileField(storage=storage.get_storage())
                chosen = models.FileField(storage=chosen_storage)
                remote = models.FileField(storage=S3MediaStorage())
        """,
        "shop/storage.py": """
            from storages.backends.s3 import S3Storage


            class S3MediaStorage(S3Storage):
                location = "media"
        """,
    }
    # Once per module and storage: the second field naming get_storage is the same problem.
    assert lines(tmp_path, files, "BD101") == [("kb/models.py", 9)]


def test_a_migration_naming_the_storage_is_not_reported_again(tmp_path: Path) -> None:
    # django-silk 5.x (pypi:django-silk): silk/storage.py and a migration's AlterField.
    files = {
        "silk/storage.py": """
            from django.core.files.storage import FileSystemStorage


            class ProfilerResultStorage(FileSystemStorage):
                pass
        """,
        "silk/migrations/0006_fix_request_prof_file_blank.py": """
            import silk.storage
            from django.db import migrations, models


            class Migration(migrations.Migration):
                operations = [
                    migrations.AlterField(
                        model_name="request",
                        name="prof_file",
                        field=models.FileField(storage=silk.storage.ProfilerResultStorage()),
                    ),
                ]
        """,
    }
    assert lines(tmp_path, files, "BD101") == []


def test_an_app_setting_whose_default_is_a_filesystem_storage(tmp_path: Path) -> None:
    # django-silk (pypi:django-silk, MIT): silk/config.py's defaults, silk/storage.py and the
    # import in silk/models.py; easy-thumbnails 2.10.1 (pypi:easy-thumbnails==2.10.1,
    # BSD-3-Clause) keeps a deprecated THUMBNAIL_DEFAULT_STORAGE that nothing imports.
    files = {
        "silk/config.py": """
            class SilkyConfig:
                attrs = {
                    "SILKY_DYNAMIC_PROFILING": [],
                    "SILKY_STORAGE_CLASS": "silk.storage.ProfilerResultStorage",
                    "SILKY_MIDDLEWARE_CLASS": "silk.middleware.SilkyMiddleware",
                }
        """,
        "silk/storage.py": """
            from django.core.files.storage import FileSystemStorage


            class ProfilerResultStorage(FileSystemStorage):
                pass
        """,
        "silk/models.py": """
            from django.utils.module_loading import import_string

            from silk.config import SilkyConfig


            def get_storage_class():
                return import_string(SilkyConfig().SILKY_STORAGE_CLASS)()
        """,
        "easy_thumbnails/conf.py": """
            class Settings:
                THUMBNAIL_DEFAULT_STORAGE = "easy_thumbnails.storage.ThumbnailFileSystemStorage"
                THUMBNAIL_DEFAULT_STORAGE_ALIAS = "easy_thumbnails"
        """,
        "easy_thumbnails/storage.py": """
            from django.core.files.storage import FileSystemStorage, storages

            from easy_thumbnails.conf import settings


            def get_storage():
                return storages[settings.THUMBNAIL_DEFAULT_STORAGE_ALIAS]


            class ThumbnailFileSystemStorage(FileSystemStorage):
                pass
        """,
    }
    assert lines(tmp_path, files, "BD101") == [("silk/config.py", 4)]


def test_an_app_table_of_storages_whose_engine_is_a_filesystem_storage(tmp_path: Path) -> None:
    # Trimmed from django-filer 3.6.0 (pypi:django-filer==3.6.0, BSD-3-Clause):
    # filer/settings.py and filer/storage.py. Private files default to a FileSystemStorage
    # subclass; public ones follow Django's default storage.
    files = {
        "filer/storage.py": """
            from django.core.files.storage import FileSystemStorage


            class PrivateFileSystemStorage(FileSystemStorage):
                pass
        """,
        "filer/settings.py": """
            from django.conf import settings
            from django.utils.module_loading import import_string as get_storage_class

            DEFAULT_FILE_STORAGE = getattr(
                settings, "DEFAULT_FILE_STORAGE", "django.core.files.storage.FileSystemStorage"
            )
            DEFAULT_FILER_STORAGES = {
                "public": {"main": {"ENGINE": DEFAULT_FILE_STORAGE, "OPTIONS": {}}},
                "private": {
                    "main": {"ENGINE": "filer.storage.PrivateFileSystemStorage", "OPTIONS": {}},
                    "thumbnails": {"ENGINE": "filer.storage.PrivateFileSystemStorage"},
                },
            }
            FILER_STORAGES = getattr(settings, "FILER_STORAGES", DEFAULT_FILER_STORAGES)
            FILER_PRIVATEMEDIA_STORAGE = get_storage_class(
                FILER_STORAGES["private"]["main"]["ENGINE"]
            )(**FILER_STORAGES["private"]["main"]["OPTIONS"])
        """,
    }
    assert lines(tmp_path, files, "BD101") == [("filer/settings.py", 10)]


def test_an_app_alias_missing_from_storages_falls_back_to_the_local_disk(tmp_path: Path) -> None:
    # Trimmed from django-dbbackup 5.4.0 (pypi:django-dbbackup==5.4.0, BSD-3-Clause),
    # dbbackup/settings.py; the default alias's fallback from django-filer 3.6.0's
    # filer/settings.py is Django's own default, judged in the project's settings.
    files = {
        "dbbackup/settings.py": """
            from django.conf import settings

            STORAGES_DBBACKUP_ALIAS = "dbbackup"
            DJANGO_STORAGES = getattr(settings, "STORAGES", {})
            storage: dict = DJANGO_STORAGES.get(STORAGES_DBBACKUP_ALIAS, {})
            STORAGE = storage.get("BACKEND", "django.core.files.storage.FileSystemStorage")
            STORAGE_OPTIONS = storage.get("OPTIONS", {})
        """,
        "filer/settings.py": """
            from django.conf import settings

            if hasattr(settings, "STORAGES") and "default" in settings.STORAGES:
                DEFAULT_FILE_STORAGE = settings.STORAGES["default"].get(
                    "BACKEND", "django.core.files.storage.FileSystemStorage"
                )
        """,
    }
    assert lines(tmp_path, files, "BD101") == [("dbbackup/settings.py", 6)]


def test_production_settings_without_storages_and_models_with_file_fields(
    tmp_path: Path,
) -> None:
    # Trimmed from github:allegro/ralph@c33ead2c5c99808e6e027af5b411a9c7bb160aad (Apache-2.0),
    # src/ralph/settings/base.py: MEDIA_ROOT and no STORAGES anywhere, while attachments are
    # FileFields.
    settings = """
        import os

        BASE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
        INSTALLED_APPS = ["django.contrib.auth", "ralph.attachments"]
        ROOT_URLCONF = "ralph.urls"
        MEDIA_ROOT = os.environ.get("RALPH_MEDIA_ROOT", os.path.join(BASE_DIR, "var", "media"))
    """
    models = """
        from django.db import models


        class Attachment(models.Model):
            file = models.FileField(upload_to="attachments")
    """
    files = {"ralph/settings/base.py": settings, "ralph/attachments/models.py": models}
    assert lines(tmp_path / "a", files, "BD101") == [("ralph/settings/base.py", 6)]
    # With STORAGES, or without a file field, nothing is said.
    with_storages = {
        "ralph/settings/base.py": textwrap.dedent(settings)
        + 'STORAGES = {"default": {"BACKEND": "storages.backends.s3.S3Storage"}}\n',
        "ralph/attachments/models.py": models,
    }
    assert lines(tmp_path / "b", with_storages, "BD101") == []
    assert lines(tmp_path / "c", {"ralph/settings/base.py": settings}, "BD101") == []
