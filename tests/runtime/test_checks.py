from __future__ import annotations

import pytest
from django.core.checks import run_checks
from django.test import override_settings

from berth.runtime.checks import E001, E002, W001, W002, check_database, check_media_storage

POSTGRES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "app"}}
S3 = {
    "default": {"BACKEND": "storages.backends.s3.S3Storage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOCAL = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": S3["staticfiles"],
}


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
def test_sqlite_is_a_warning() -> None:
    with override_settings(
        DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    ):
        assert check_database() == [W001]
    with override_settings(DATABASES=POSTGRES):
        assert check_database() == []


def test_local_media_is_a_warning() -> None:
    with override_settings(STORAGES=LOCAL):
        assert check_media_storage() == [W002]
    with override_settings(STORAGES=S3):
        assert check_media_storage() == []


@pytest.mark.parametrize(
    ("deploy", "expected"), [(False, [W001, W002]), (True, [E001, E002, W001, W002])]
)
def test_deploy_turns_them_into_errors(deploy: bool, expected: list[object]) -> None:
    import berth.runtime.checks  # noqa: F401 - registers the checks even if the berth app is not installed

    with override_settings(STORAGES=LOCAL):
        found = [
            m
            for m in run_checks(include_deployment_checks=deploy)
            if m.id and m.id.startswith("berth.")
        ]
    assert sorted(found, key=lambda m: str(m.id)) == expected
