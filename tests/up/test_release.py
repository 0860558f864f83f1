"""Before the replicas: ``berth wait`` then ``berth migrate``, as subprocesses in the project."""

from __future__ import annotations

import io
from pathlib import Path

import psycopg
import pytest
from tests.integration.throwaway import write_project
from tests.processes import child_environment
from tests.s3_server import S3Bucket

from berth.errors import ServiceError
from berth.up.console import Console
from berth.up.release import wait_and_migrate

SECRET_KEY = "test-" + "k" * 50


def test_waits_then_migrates_and_shows_the_steps(
    tmp_path: Path, database_url: str, s3_bucket: S3Bucket
) -> None:
    project = write_project(tmp_path)
    env = child_environment(
        DATABASE_URL=database_url, STORAGE_URL=s3_bucket.storage_url, SECRET_KEY=SECRET_KEY
    )
    shown = io.StringIO()
    wait_and_migrate(project, env, Console(shown))
    with psycopg.connect(database_url) as connection:
        tables = {row[0] for row in connection.execute("SELECT tablename FROM pg_tables")}
    assert "docs_document" in tables
    lines = shown.getvalue().splitlines()
    assert "berth | database, storage and cache are ready" in lines
    assert "berth |   Applying docs.0001_initial... OK" in lines


def test_a_step_that_crashes_is_named_with_its_last_line(tmp_path: Path, database_url: str) -> None:
    project = write_project(tmp_path)
    with (project / "throwaway" / "settings.py").open("a") as settings:
        settings.write("raise RuntimeError('broken settings')\n")
    with pytest.raises(ServiceError) as raised:
        wait_and_migrate(
            project,
            child_environment(DATABASE_URL=database_url, SECRET_KEY=SECRET_KEY),
            Console(io.StringIO()),
        )
    assert str(raised.value) == "berth wait: RuntimeError: broken settings"
