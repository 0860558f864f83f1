"""berth verify's built-in flows on a fresh ``django-admin startproject`` under berth up, with no
flows file: the admin login, the message and the stored file hold; the cache, berth's default
LocMemCache, is reported not shared. The same project keeping sessions and media on each
replica's disk loses all of them, each with its cause, and leaves no throwaway user behind.

The fresh project's checks run in the README tour (tests/up/test_tour.py), on its berth up of
that very project, rather than on a berth up of their own."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import psycopg
import pytest
from tests.processes import child_environment
from tests.s3_server import S3Bucket
from tests.up.harness import berth_up
from tests.up.test_startproject import startproject

LOGIN = "login: an admin session made on one replica, signed in on the others"
MESSAGES = "messages: a success message set on one replica, shown by the others"
STORAGE = "default_storage: a file saved on one replica, read on the others"
CACHE = "cache: an entry set on one replica, read on the others"

ON_EACH_REPLICA = """

# -- each replica keeps its own sessions and media ---------------------------------------------
SESSION_ENGINE = "django.contrib.sessions.backends.file"
SESSION_FILE_PATH = str(BASE_DIR / "sessions")
(BASE_DIR / "sessions").mkdir(exist_ok=True)
(BASE_DIR / "media").mkdir(exist_ok=True)
STORAGES = {
    **STORAGES,
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(BASE_DIR / "media")},
    },
}
"""

Verified = tuple[int, dict[str, Any], str]


def verify_under_up(
    project: Path, database_url: str, bucket: S3Bucket, cache: Path, *args: str
) -> Verified:
    """``berth verify --json ARGS`` beside a ``berth up --replicas 2`` of ``project``."""
    with tempfile.TemporaryDirectory(prefix="berth-test-up-") as scratch:
        env = child_environment(
            DATABASE_URL=database_url,
            STORAGE_URL=bucket.storage_url,
            TMPDIR=scratch,
            AWS_EC2_METADATA_DISABLED="true",
        )
        with berth_up(project, env, replicas=2) as up:
            up.wait_ready(2, timeout=120)
            return verify_json(project, cache, *args)


def verify_json(project: Path, cache: Path, *args: str) -> Verified:
    """``berth verify --json ARGS`` beside the berth up running in ``project``."""
    run = subprocess.run(
        [sys.executable, "-m", "berth", "verify", "--json", *args],
        cwd=project,
        # A lost flow runs the doctor, whose cache goes here, not to the user's folder.
        env=child_environment(XDG_CACHE_HOME=str(cache)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    return run.returncode, json.loads(run.stdout or "{}"), run.stderr


@pytest.fixture(scope="module")
def on_each_replica(
    tmp_path_factory: pytest.TempPathFactory, module_database_url: str, module_s3_bucket: S3Bucket
) -> Verified:
    folder = tmp_path_factory.mktemp("stateful")
    (folder / "project").mkdir()
    project = startproject(folder / "project")
    settings = project / "mysite" / "settings.py"
    settings.write_text(settings.read_text() + ON_EACH_REPLICA)
    # Lost on the other replica already: the restart would only make the suite slower.
    return verify_under_up(
        project, module_database_url, module_s3_bucket, folder / "cache", "--no-restart"
    )


def flows(verified: Verified) -> dict[str, dict[str, Any]]:
    _, report, progress = verified
    assert "flows" in report, progress
    return {flow["name"]: flow for flow in report["flows"]}


def check_a_fresh_startproject_holds_but_its_cache_is_not_shared(fresh: Verified) -> None:
    """``fresh``: berth verify, with its restart, of startproject's project under berth up."""
    status, report, progress = fresh
    found = flows(fresh)
    assert list(found) == [LOGIN, MESSAGES, STORAGE, CACHE], progress
    for name in (LOGIN, MESSAGES, STORAGE):
        assert found[name]["held"], json.dumps(found[name], indent=2)
    assert report["restarted"] is True
    # berth's default cache is each process's own memory: true for replicas, and said so.
    cache = found[CACHE]
    assert cache["held"] is False
    assert {f["phase"] for f in cache["failures"]} == {
        "read on another replica",
        "read after every replica restarted with a fresh tree",
    }
    assert "LocMemCache" in cache["failures"][0]["problem"]
    assert "CACHE_URL" in cache["failures"][0]["likely_cause"]
    # web-2 had missed it before the restart: never shared, whatever the restart did.
    assert cache["failures"][-1]["likely_cause"].startswith("Never shared")
    # Only the cache rules' findings: startproject's SQLite line says nothing of the cache.
    assert cache["doctor"]["findings"] == []
    # A cache may forget: a warning, and the run passes on what held.
    assert cache["warning"] is True
    assert report["held"] is True
    assert status == 0
    assert all(flow["leftover"] is None for flow in found.values())


def test_state_on_each_replica_is_lost_with_its_cause(on_each_replica: Verified) -> None:
    status, _, progress = on_each_replica
    found = flows(on_each_replica)
    assert status == 1
    for name in (LOGIN, MESSAGES, STORAGE, CACHE):
        flow = found[name]
        assert flow["held"] is False, progress
        first = flow["failures"][0]
        assert first["phase"] == "read on another replica", json.dumps(flow, indent=2)
        assert (first["written_on"], first["read_on"]) == ("web-1", "web-2")
    assert "not signed in here" in found[LOGIN]["failures"][0]["problem"]
    assert "SESSION_ENGINE" in found[LOGIN]["failures"][0]["likely_cause"]
    assert "BD202" in {f["rule"] for f in found[LOGIN]["doctor"]["findings"]}
    assert "is not in default_storage here" in found[STORAGE]["failures"][0]["problem"]
    assert "FileSystemStorage" in found[STORAGE]["failures"][0]["likely_cause"]


def test_no_throwaway_user_or_group_is_left(
    on_each_replica: Verified, module_database_url: str
) -> None:
    check_no_throwaway_user_or_group_is_left(module_database_url)


def check_no_throwaway_user_or_group_is_left(database_url: str) -> None:
    with psycopg.connect(database_url) as connection:
        users = connection.execute(
            "select count(*) from auth_user where username like 'berth-verify-%'"
        ).fetchone()
        groups = connection.execute(
            "select count(*) from auth_group where name like 'berth-verify-%'"
        ).fetchone()
    assert (users, groups) == ((0,), (0,))


def check_no_stored_file_is_left(bucket: S3Bucket) -> None:
    listed = bucket.client().list_objects_v2(Bucket=bucket.name)
    assert [o["Key"] for o in listed.get("Contents", []) if "berth-verify" in o["Key"]] == []
