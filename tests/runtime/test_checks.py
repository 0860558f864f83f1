from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks import run_checks
from django.test import override_settings
from tests.verify.stateful_sample import copy_example

from berth.runtime.checks import (
    E001,
    E002,
    E003,
    W001,
    W002,
    W003,
    check_database,
    check_media_storage,
    check_sessions,
)

POSTGRES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "app"}}
S3 = {
    "default": {"BACKEND": "storages.backends.s3.S3Storage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOCAL = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": S3["staticfiles"],
}
LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
REDIS = {
    "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://r"}
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
    ("engine", "caches", "expected"),
    [
        ("django.contrib.sessions.backends.file", REDIS, [W003]),
        ("django.contrib.sessions.backends.cache", LOCMEM, [W003]),
        ("django.contrib.sessions.backends.cached_db", LOCMEM, [W003]),
        ("django.contrib.sessions.backends.cache", REDIS, []),
        ("django.contrib.sessions.backends.db", LOCMEM, []),
        ("django.contrib.sessions.backends.signed_cookies", LOCMEM, []),
    ],
)
def test_sessions_one_replica_keeps(
    engine: str, caches: dict[str, object], expected: list[object]
) -> None:
    with override_settings(SESSION_ENGINE=engine, CACHES=caches):
        assert check_sessions() == expected


def berth_messages(deploy: bool) -> list[object]:
    import berth.runtime.checks  # noqa: F401 - registers the checks even if the berth app is not installed

    found = [
        m
        for m in run_checks(include_deployment_checks=deploy)
        if m.id and m.id.startswith("berth.")
    ]
    return sorted(found, key=lambda m: str(m.id))


@pytest.mark.parametrize(
    ("deploy", "expected"), [(False, [W001, W002, W003]), (True, [E001, E002, E003])]
)
def test_deploy_reports_each_problem_once_as_an_error(deploy: bool, expected: list[object]) -> None:
    with override_settings(
        STORAGES=LOCAL, SESSION_ENGINE="django.contrib.sessions.backends.cache", CACHES=LOCMEM
    ):
        assert berth_messages(deploy) == expected


def manage_check(project: Path, env: dict[str, str]) -> str:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_", "STORAGE_", "BERTH_", "AWS_", "DJANGO_"))
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "CRITICAL"],
        cwd=project,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_manage_py_check_deploy_on_the_reference_project(tmp_path: Path) -> None:
    project = copy_example(tmp_path / "gallery")
    embedded = manage_check(project, {})
    assert embedded.count("berth.E001") == 1
    assert embedded.count("berth.E002") == 1
    assert "berth.W00" not in embedded and "berth.E003" not in embedded
    configured = manage_check(
        project,
        {
            "DATABASE_URL": "postgres://app:secret@127.0.0.1:9/app",
            "STORAGE_URL": "s3://key:secret@media?endpoint_url=http://127.0.0.1:9&region=us-east-1",
            "SECRET_KEY": "a-long-and-random-secret-key-for-this-test-only-0123456789abcdef",
        },
    )
    assert "berth." not in configured
