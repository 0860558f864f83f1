"""``berth up`` with nothing configured: it starts PostgreSQL and rclone itself, data in .berth/.

Also the clean stop: after Ctrl-C nothing runs that names the project or the replicas' trees,
and the data is there for the next ``berth up``, as a named volume outlives its containers.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from tests.processes import child_environment, traversable_folder
from tests.up.harness import berth_up, processes_touching, write_up_project

from berth.up.backing_services import ROOT_POSTGRES_FOLDER


@pytest.fixture
def project() -> Iterator[Path]:
    # Not under tmp_path: PostgreSQL runs as another account when root starts it, and needs to
    # enter the folder's parents (see tests/conftest.py's postgres_folder).
    with traversable_folder("berth-test-up-own-") as folder:
        yield write_up_project(folder / "project")


def test_berth_starts_its_own_services_and_stops_everything_on_ctrl_c(project: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="berth-test-up-tmp-") as scratch:
        # A private TMPDIR (mode 0700), as each replica gets: initdb, running as another
        # account when root starts it, must not need it.
        env = child_environment(TMPDIR=scratch, WEB_CONCURRENCY="1")
        with berth_up(project, env) as up:
            up.wait_ready(2)
            output = up.output()
            assert "berth | PostgreSQL .berth/postgres on 127.0.0.1:" in output
            assert "berth | S3 (rclone) .berth/s3 on http://127.0.0.1:" in output
            created = requests.post(
                f"{up.url}/documents/upload",
                files={"file": ("kept.txt", b"in the bucket")},
                timeout=10,
            )
            assert created.status_code == 200, created.text
            pk = created.json()["pk"]
            reads = [requests.get(f"{up.url}/documents/{pk}", timeout=10) for _ in range(2)]
            assert {r.headers["X-Berth-Replica"] for r in reads} == {"web-1", "web-2"}
            assert {r.content for r in reads} == {b"in the bucket"}
            assert any((project / ".berth" / "s3").rglob("kept*.txt"))

            assert up.stop() == 0
            assert processes_touching(project, Path(scratch)) == []
            assert list(Path(scratch).iterdir()) == []
            assert not up.state_file.exists()
            assert up.output().rstrip().endswith("berth | stopped")

        # The next berth up finds the same database and bucket, on the same ports.
        with berth_up(project, env) as again:
            again.wait_ready(2)
            read = requests.get(f"{again.url}/documents/{pk}", timeout=10)
            assert read.content == b"in the bucket"
            assert again.stop() == 0
        assert processes_touching(project, Path(scratch)) == []


def test_a_project_postgres_cannot_reach_as_root_keeps_its_data_elsewhere() -> None:
    with tempfile.TemporaryDirectory(prefix="berth-test-up-private-") as private:
        project = write_up_project(Path(private) / "project")  # /tmp/berth-test-…: mode 0700
        with berth_up(project, child_environment(WEB_CONCURRENCY="1")) as up:
            up.wait_ready(2)
            output = up.output()
            assert up.stop() == 0
        if os.geteuid() != 0:
            assert "berth | PostgreSQL .berth/postgres on 127.0.0.1:" in output
            return
        digest = hashlib.sha256(str(project / ".berth" / "postgres").encode()).hexdigest()[:16]
        elsewhere = ROOT_POSTGRES_FOLDER / f"postgres-{digest}"
        try:
            assert (
                f"berth | PostgreSQL's data is in {elsewhere}: run as root, it runs as another "
                f"account, which cannot enter {private} on the way to .berth/"
            ) in output
            assert (elsewhere / "PG_VERSION").is_file()
            assert Path(private).stat().st_mode & 0o777 == 0o700
        finally:
            shutil.rmtree(elsewhere, ignore_errors=True)
