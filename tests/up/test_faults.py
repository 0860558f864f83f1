"""``berth up`` faced with faults: one clear line, a non-zero exit, nothing left running."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import requests
from tests.processes import child_environment, free_port
from tests.s3_server import S3Bucket
from tests.up.harness import berth_up, processes_touching, write_up_project


@pytest.fixture
def project() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="berth-test-up-faults-") as folder:
        yield write_up_project(Path(folder) / "project")


def _berth_up(
    project: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "berth", "up", *args],
        cwd=project,
        env=env or child_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert processes_touching(project) == []
    return result


@pytest.mark.parametrize(
    ("hint", "advice"),
    [((), "--port {free}"), (("--port-hint", "make demo PORT={port}"), "make demo PORT={free}")],
)
def test_a_port_in_use_is_one_line_and_starts_nothing(
    project: Path, hint: tuple[str, ...], advice: str
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _berth_up(project, "--port", str(port), *hint)
    assert result.returncode != 0
    line = result.stderr.splitlines()
    prefix = (
        f"berth: port {port} on 127.0.0.1 is already in use: stop what listens there, "
        "or choose another with "
    )
    assert len(line) == 1 and line[0].startswith(prefix), result.stderr
    free = int(line[0].removeprefix(prefix).rpartition("=" if "=" in advice else " ")[2])
    assert line[0] == prefix + advice.format(free=free) and free > port
    # Neither service was started, then stopped: none was started at all.
    assert "PostgreSQL" not in result.stdout and "S3" not in result.stdout, result.stdout
    assert not (project / ".berth" / "up.json").exists()


def test_make_demo_names_its_own_port_variable() -> None:
    root = Path(__file__).resolve().parents[2]
    shown = subprocess.run(
        ["make", "-n", "-C", str(root), "demo", "PORT=8123"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "berth up --replicas 2 --port 8123 --port-hint 'make demo PORT={port}'" in shown


@contextmanager
def unwritable(folder: Path) -> Iterator[str]:
    """Make ``folder`` unwritable even for root; yield the error berth up should meet."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield "Permission denied"
        finally:
            folder.chmod(0o755)
        return
    # Root writes through any mode bits; the immutable attribute stops it (ext4, xfs, btrfs).
    subprocess.run(["chattr", "+i", str(folder)], check=True, capture_output=True)
    try:
        yield "Operation not permitted"
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_an_unwritable_berth_folder_is_one_line(project: Path) -> None:
    (project / ".berth").mkdir()
    with unwritable(project / ".berth") as problem:
        result = _berth_up(project, "--port", str(free_port()))
    assert result.returncode != 0
    assert result.stderr.splitlines() == [
        f"berth: cannot write to {project / '.berth'}: {problem} "
        "(berth up keeps its services' data and logs there)"
    ]


def test_missing_postgresql_binaries_are_one_line(project: Path) -> None:
    with tempfile.TemporaryDirectory() as empty:
        env = child_environment(BERTH_POSTGRES_BIN=empty)
        result = _berth_up(project, "--port", str(free_port()), env=env)
    assert result.returncode != 0
    assert result.stderr.splitlines() == [
        f"berth: BERTH_POSTGRES_BIN {empty} has no initdb, pg_ctl, postgres: it must hold initdb, pg_ctl and postgres"
    ]
    assert not (project / ".berth" / "postgres").exists()
    assert not (project / ".berth" / "s3").exists()


def test_a_replica_that_keeps_crashing_at_start_up_stops_everything(
    project: Path, database_url: str, s3_bucket: S3Bucket
) -> None:
    with (project / "throwaway" / "wsgi.py").open("a") as wsgi:
        wsgi.write("raise RuntimeError('this project cannot start')\n")
    env = child_environment(
        DATABASE_URL=database_url, STORAGE_URL=s3_bucket.storage_url, WEB_CONCURRENCY="1"
    )
    result = _berth_up(project, "--replicas", "1", "--port", str(free_port()), env=env)
    assert result.returncode != 0
    assert result.stderr.splitlines() == [
        "berth: web-1 exited with code 3 before it was ready, 5 times in a row "
        "(its output is above and in .berth/logs/web-1.log)"
    ]
    assert "RuntimeError: this project cannot start" in result.stdout
    assert "(4/5); a fresh one in 2 s" in result.stdout
    assert not (project / ".berth" / "up.json").exists()


def _allow_only_example_com(project: Path) -> None:
    settings = project / "throwaway" / "settings.py"
    text = settings.read_text()
    settings.write_text(
        text.replace("berth.configure(", 'ALLOWED_HOSTS = ["example.com"]\n\nberth.configure(')
    )


def test_hosts_django_refuses_are_one_line_before_ready(
    project: Path, database_url: str, s3_bucket: S3Bucket
) -> None:
    # /readyz answers 200 whatever ALLOWED_HOSTS says: every page would have been a 400.
    _allow_only_example_com(project)
    env = child_environment(
        DATABASE_URL=database_url, STORAGE_URL=s3_bucket.storage_url, WEB_CONCURRENCY="1"
    )
    port = free_port()
    result = _berth_up(project, "--replicas", "1", "--port", str(port), env=env)
    assert result.returncode != 0
    assert result.stderr.splitlines() == [
        f"berth: web-1 answers 400 to Host 127.0.0.1:{port}, which the entry point passes on: "
        "ALLOWED_HOSTS does not allow 127.0.0.1, so every page would be a 400; run berth up "
        "with ALLOWED_HOSTS=127.0.0.1,localhost in its environment, or add them to "
        "ALLOWED_HOSTS in settings"
    ]
    assert "ready: http" not in result.stdout
    assert not (project / ".berth" / "up.json").exists()


def test_the_allowed_hosts_the_refusal_names_make_pages_answer(
    project: Path, database_url: str, s3_bucket: S3Bucket
) -> None:
    _allow_only_example_com(project)
    env = child_environment(
        DATABASE_URL=database_url,
        STORAGE_URL=s3_bucket.storage_url,
        WEB_CONCURRENCY="1",
        ALLOWED_HOSTS="127.0.0.1,localhost",
    )
    with berth_up(project, env, replicas=1) as running:
        running.wait_ready(1)
        for host in ("127.0.0.1", "localhost"):
            answer = requests.get(
                f"{running.url}/where", headers={"Host": f"{host}:{running.port}"}, timeout=10
            )
            assert answer.status_code == 200, answer.text[:300]
