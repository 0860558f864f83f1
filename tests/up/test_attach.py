"""``local`` is berth up: shell, exec and dbshell reach its services; --replica one replica's
tree; berth run a fresh tree, deleted afterwards. Without a berth up, one line, no SQLite."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.processes import child_environment
from tests.s3_server import S3Bucket
from tests.up.harness import RunningUp, berth_up, write_up_project


@pytest.fixture(scope="module")
def up(
    tmp_path_factory: pytest.TempPathFactory, module_database_url: str, module_s3_bucket: S3Bucket
) -> Iterator[RunningUp]:
    project = write_up_project(tmp_path_factory.mktemp("attach") / "project")
    env = child_environment(
        DATABASE_URL=module_database_url, STORAGE_URL=module_s3_bucket.storage_url
    )
    with berth_up(project, env) as running:
        running.wait_ready(2)
        yield running


def berth(project: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "berth", *args],
        cwd=project,
        env=child_environment(),  # nothing of berth up's: it must come from berth up itself
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


PRINT_WHERE = (
    "import os; from django.db import connection; "
    "print(connection.vendor, connection.settings_dict['NAME'], os.getcwd(), "
    "os.environ.get('HOSTNAME'), os.environ.get('DEBUG'))"
)


def test_shell_local_reaches_berth_ups_database(up: RunningUp) -> None:
    result = berth(up.project, "shell", "local", "-c", PRINT_WHERE)
    assert result.returncode == 0, result.stderr
    vendor, name, cwd, _, debug = result.stdout.split()[-5:]
    assert (vendor, cwd, debug) == ("postgresql", str(up.project), "off")
    assert name.startswith("test_")


def test_replica_runs_inside_that_replicas_own_tree(up: RunningUp) -> None:
    tree = up.replicas()["web-2"]["tree"]
    result = berth(up.project, "shell", "local", "--replica", "web-2", "-c", PRINT_WHERE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-3:-1] == [tree, "web-2"]
    listed = berth(
        up.project, "exec", "local", "--replica=web-1", "--", "sh", "-c", 'echo "$TMPDIR"'
    )
    assert listed.stdout.strip() == str(Path(up.replicas()["web-1"]["tree"]).parent / "tmp")
    unknown = berth(up.project, "shell", "local", "--replica", "web-9")
    assert unknown.returncode == 1
    assert unknown.stderr.strip().endswith("runs no replica 'web-9' (it runs web-1, web-2)")


def test_run_gets_a_fresh_tree_and_deletes_it(up: RunningUp) -> None:
    code = "import os, sys; open('marker', 'w').write('x'); print(os.getcwd(), sys.executable)"
    result = berth(up.project, "run", "--", "python", "-c", code)
    assert result.returncode == 0, result.stderr
    cwd, interpreter = result.stdout.split()[-2:]
    assert interpreter == sys.executable
    trees = {replica["tree"] for replica in up.replicas().values()}
    assert cwd not in trees and cwd != str(up.project)
    assert not Path(cwd).exists(), "the one-off tree is deleted afterwards"
    created = berth(
        up.project,
        "run",
        "--",
        "python",
        "manage.py",
        "shell",
        "-c",
        "from django.contrib.auth.models import User; User.objects.create(username='ran'); print(User.objects.count())",
    )
    assert created.returncode == 0, created.stderr
    seen = berth(
        up.project,
        "shell",
        "local",
        "-c",
        "from django.contrib.auth.models import User; print(User.objects.filter(username='ran').count())",
    )
    assert seen.stdout.split()[-1] == "1", "the one-off wrote to berth up's database"


def test_the_exit_status_of_the_command_is_berths(up: RunningUp) -> None:
    assert berth(up.project, "run", "--", "sh", "-c", "exit 5").returncode == 5
    assert berth(up.project, "exec", "local", "--", "sh", "-c", "exit 6").returncode == 6


def test_without_berth_up_local_says_so_in_one_line(tmp_path: Path) -> None:
    project = write_up_project(tmp_path / "idle")
    for args in (["shell", "local", "-c", "print(1)"], ["run", "--", "true"], ["dbshell", "local"]):
        result = berth(project, *args)
        assert result.returncode == 1
        assert result.stderr.splitlines() == [
            f"berth: no berth up is running in {project}: start one (`berth up`), then run this "
            "again; without it there is nothing but the embedded SQLite database to reach"
        ]
    assert not (project / "data").exists(), "nothing fell back to the embedded defaults"


def test_outside_a_project_local_says_there_is_none(tmp_path: Path) -> None:
    result = berth(tmp_path, "shell", "local", "-c", "print(1)")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"berth: no Django project here: no manage.py in {tmp_path} or above it "
        "(`local` is the berth up of the folder with manage.py)"
    ]


def test_transfers_reach_berth_ups_services_as_local(
    up: RunningUp, module_database_url: str, module_s3_bucket: S3Bucket
) -> None:
    from berth.transfer.endpoints import local_variables

    assert local_variables(up.project, {}) == {
        "DATABASE_URL": module_database_url,
        "STORAGE_URL": module_s3_bucket.storage_url,
    }
