"""``manage.py berth_orphans`` in a throwaway project configured by ``berth.configure()`` alone.

The project (tests/integration/throwaway.py) has one model with a FileField, ``Document``; it
runs in subprocesses on SQLite, with its media on the real S3 test server or in a folder.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.integration.throwaway import write_project
from tests.processes import child_environment, manage
from tests.s3_server import S3Bucket

HOUR = 3600


@dataclass(frozen=True)
class Run:
    returncode: int
    listed: list[str]  # stdout: one storage name a line
    summary: str  # stderr


def berth_orphans(project: Path, *args: str, env: dict[str, str]) -> Run:
    result = subprocess.run(
        [sys.executable, str(project / "manage.py"), "berth_orphans", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return Run(result.returncode, result.stdout.splitlines(), result.stderr.strip())


def new_project(folder: Path, storage_url: str) -> tuple[Path, dict[str, str]]:
    """A migrated throwaway project with one Document row, referencing ``documents/kept.txt``."""
    project = write_project(folder)
    env = child_environment(STORAGE_URL=storage_url)
    manage(project, "migrate", "--noinput", env=env)
    with sqlite3.connect(project / "data" / "db.sqlite3") as database:
        database.execute("INSERT INTO docs_document (file) VALUES ('documents/kept.txt'), ('')")
    return project, env


def test_on_s3_lists_then_deletes_only_old_unreferenced_objects(
    tmp_path: Path, s3_bucket: S3Bucket
) -> None:
    # The storage keeps its keys under media/: what lies outside is not its business.
    url = s3_bucket.storage_url.replace("?", "/media?", 1)
    project, env = new_project(tmp_path / "project", url)
    client = s3_bucket.client()
    keys = ["media/documents/kept.txt", "media/documents/stray.txt", "media/a/b/c.txt", "outside"]
    for key in keys:
        client.put_object(Bucket=s3_bucket.name, Key=key, Body=b"x")

    def stored() -> list[str]:
        listing = client.list_objects_v2(Bucket=s3_bucket.name)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    young = berth_orphans(project, env=env)
    assert young == Run(
        0,
        [],
        "0 orphaned objects older than 60 minutes in storage 'default'; "
        "nothing deleted (dry run, use --delete).",
    )

    # S3 keeps its own modification times: "older than 0 minutes" stands in for an hour.
    dry = berth_orphans(project, "--older-than", "0", env=env)
    assert (dry.returncode, sorted(dry.listed)) == (0, ["a/b/c.txt", "documents/stray.txt"])
    assert dry.summary.startswith("2 orphaned objects older than 0 minutes")
    assert stored() == sorted(keys), "a dry run deletes nothing"

    deleted = berth_orphans(project, "--older-than", "0", "--delete", env=env)
    assert (deleted.returncode, sorted(deleted.listed)) == (0, sorted(dry.listed))
    assert (
        deleted.summary == "Deleted 2 orphaned objects older than 0 minutes in storage 'default'."
    )
    assert stored() == ["media/documents/kept.txt", "outside"]


def test_backups_are_never_touched(tmp_path: Path, s3_bucket: S3Bucket) -> None:
    # A storage without a prefix lists the whole bucket, backups/ included.
    project, env = new_project(tmp_path / "project", s3_bucket.storage_url)
    client = s3_bucket.client()
    backups = ["backups/db-20250101T031700Z.dump", "backups/media/db-20250102T031700Z.dump"]
    for key in [*backups, "documents/stray.txt"]:
        client.put_object(Bucket=s3_bucket.name, Key=key, Body=b"x")
    deleted = berth_orphans(project, "--older-than", "0", "--delete", env=env)
    assert deleted.listed == ["documents/stray.txt"]
    listing = client.list_objects_v2(Bucket=s3_bucket.name)
    assert sorted(item["Key"] for item in listing.get("Contents", [])) == backups


def test_in_a_folder_the_age_threshold_spares_recent_uploads(tmp_path: Path) -> None:
    media = tmp_path / "media"
    project, env = new_project(tmp_path / "project", f"file://{media}")
    files = {
        "documents/kept.txt": 2 * HOUR,  # referenced: kept however old
        "documents/old.txt": 2 * HOUR,
        "deep/er/old.txt": 90 * 60,
        "documents/recent.txt": 30 * 60,  # an upload whose row may not be committed yet
    }
    for name, age in files.items():
        path = media / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"x")
        os.utime(path, (time.time() - age, time.time() - age))

    dry = berth_orphans(project, env=env)
    assert (dry.returncode, sorted(dry.listed)) == (0, ["deep/er/old.txt", "documents/old.txt"])
    assert all((media / name).is_file() for name in files)

    deleted = berth_orphans(project, "--delete", env=env)
    assert deleted.summary.startswith("Deleted 2 orphaned objects older than 60 minutes")
    remaining = sorted(str(p.relative_to(media)) for p in media.rglob("*") if p.is_file())
    assert remaining == ["documents/kept.txt", "documents/recent.txt"]

    assert berth_orphans(project, "--older-than", "0", env=env).listed == ["documents/recent.txt"]


def test_a_storage_with_no_folder_yet_has_no_orphans(tmp_path: Path) -> None:
    project, env = new_project(tmp_path / "project", f"file://{tmp_path / 'never-written'}")
    assert berth_orphans(project, "--older-than", "0", env=env).listed == []


@pytest.mark.parametrize(
    ("args", "error"),
    [
        (["--storage", "elsewhere"], "no storage 'elsewhere' in STORAGES"),
        (["--storage", "staticfiles"], "holds collectstatic's files, not uploads"),
        (["--older-than", "-5"], "expected a whole number of minutes, not '-5'"),
    ],
)
def test_refuses_what_it_cannot_scan(tmp_path: Path, args: list[str], error: str) -> None:
    project = write_project(tmp_path / "project")
    run = berth_orphans(project, *args, env=child_environment(STORAGE_URL=f"file://{tmp_path}"))
    assert run.returncode != 0
    assert error in run.summary
    assert run.listed == []
