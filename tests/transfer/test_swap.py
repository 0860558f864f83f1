"""The swap that puts a restored copy in place of the target: whatever stops berth, the target
holds its old data or the whole new data, and accepts connections (no repair by hand)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from tests.processes import child_environment
from tests.transfer.helpers import fill, fingerprint

from berth.cli import main
from berth.services.postgres import PostgresServer


def _name(url: str) -> str:
    return url.rsplit("/", 1)[1].split("?", 1)[0]


def _berth_renaming(watcher: psycopg.Connection, ours: set[int]) -> bool:
    """Whether a session not the test's runs ALTER DATABASE … RENAME right now."""
    row = watcher.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
        "AND query ILIKE 'ALTER DATABASE%%RENAME%%' AND NOT pid = ANY(%s)",
        (list(ours),),
    ).fetchone()
    return bool(row and row[0])


def _copy_of(watcher: psycopg.Connection, target: str) -> str | None:
    row = watcher.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s", (f"{target}__berth_new_%",)
    ).fetchone()
    return None if row is None else str(row[0])


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM], ids=str)
def test_berth_stopped_during_the_swap_leaves_the_target_whole_and_open(
    project: Path,
    postgres_server: PostgresServer,
    source_url: str,
    local_url: str,
    stop: signal.Signals,
) -> None:
    before = fingerprint(local_url)
    target = _name(local_url)
    watcher = psycopg.connect(postgres_server.url(), autocommit=True)
    ours = {watcher.info.backend_pid}
    lingering = None
    process = subprocess.Popen(
        [sys.executable, "-m", "berth", "db", "pull", "prod", "--yes"],
        cwd=project,
        env=child_environment(DATABASE_URL=local_url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        # A session lingering on the restored copy keeps its rename waiting (PostgreSQL renames
        # no database that has sessions): that wait is this test's instant to stop berth.
        while lingering is None and process.poll() is None and time.monotonic() < deadline:
            copy = _copy_of(watcher, target)
            if copy is not None:
                with contextlib.suppress(psycopg.OperationalError):
                    lingering = psycopg.connect(
                        postgres_server.url().rsplit("/", 1)[0] + f"/{copy}", autocommit=True
                    )
                    ours.add(lingering.info.backend_pid)
            time.sleep(0.005)
        while process.poll() is None and time.monotonic() < deadline:
            if _berth_renaming(watcher, ours):
                break
            time.sleep(0.01)
        assert process.poll() is None, "berth ended before its swap"
        assert _berth_renaming(watcher, ours), "berth never reached its swap"
        if stop == signal.SIGKILL:
            os.killpg(process.pid, stop)
        else:
            process.send_signal(stop)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        if lingering is not None:
            lingering.close()
        watcher.close()
    # No repair step: the target answers at once, with its old data or the whole new one.
    after = fingerprint(local_url)
    assert after in (before, fingerprint(source_url))
    with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
        row = admin.execute(
            "SELECT datallowconn FROM pg_database WHERE datname = %s", (target,)
        ).fetchone()
    assert row == (True,)
    # The next pull clears whatever the stopped one left, and succeeds.
    assert main(["db", "pull", "prod", "--yes"]) == 0
    assert fingerprint(local_url) == fingerprint(source_url)


def test_a_session_berth_may_not_end_leaves_the_target_whole_and_open(
    postgres_server: PostgresServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A superuser's psql on an application's database, which the application's role restores."""
    role, password = f"app_{os.urandom(4).hex()}", "app-pw"
    name = f"{role}_db"
    admin = psycopg.connect(postgres_server.url(), autocommit=True)
    admin.execute(
        sql.SQL("CREATE ROLE {} LOGIN CREATEDB PASSWORD {}").format(
            sql.Identifier(role), sql.Literal(password)
        )
    )
    admin.execute(
        sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(name), sql.Identifier(role))
    )
    base = postgres_server.url().rsplit("@", 1)[1].rsplit("/", 1)[0]
    url = f"postgres://{role}:{password}@{base}/{name}"
    superuser_session = None
    try:
        fill(url, customers=2, orders=3, note="app-")
        before = fingerprint(url)
        dump = tmp_path / "app.dump"
        monkeypatch.chdir(tmp_path)
        (tmp_path / "manage.py").write_text("")
        monkeypatch.setenv("DATABASE_URL", url)
        assert main(["db", "dump", "-o", str(dump)]) == 0
        superuser_session = psycopg.connect(
            postgres_server.url().rsplit("/", 1)[0] + f"/{name}", autocommit=True
        )
        capsys.readouterr()
        assert main(["db", "restore", str(dump), "--yes"]) != 0
        err = capsys.readouterr().err
        assert "unchanged" in err
        assert password not in err
        assert fingerprint(url) == before
        superuser_session.execute("SELECT 1")  # not ended: berth may not end it
        row = admin.execute(
            "SELECT datallowconn FROM pg_database WHERE datname = %s", (name,)
        ).fetchone()
        assert row == (True,)
    finally:
        if superuser_session is not None:
            superuser_session.close()
        for leftover in admin.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", (f"{name}%",)
        ).fetchall():
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(leftover[0])
                )
            )
        admin.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))
        admin.close()


def test_a_second_restore_into_the_same_database_is_refused_while_one_runs(
    project: Path,
    postgres_server: PostgresServer,
    local_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each restore drops the copies a killed one left: it must not drop a running one's."""
    from berth.transfer.restore import restore_lock_key

    before = fingerprint(local_url)
    with psycopg.connect(postgres_server.url(), autocommit=True) as other:
        other.execute(
            "SELECT pg_advisory_lock(hashtext(%s))", (restore_lock_key(_name(local_url)),)
        )
        capsys.readouterr()
        assert main(["db", "pull", "prod", "--yes"]) != 0
    assert "another berth restore into" in capsys.readouterr().err
    assert fingerprint(local_url) == before


def test_a_leftover_copy_that_cannot_be_dropped_now_does_not_hang_the_restore(
    project: Path, postgres_server: PostgresServer, local_url: str
) -> None:
    """A drop waits for every session on the server: one writing to a client that does not
    read (a pull's source pg_dump on the same server, not yet read) held it forever."""
    target = _name(local_url)
    leftover = f"{target}__berth_new_feedbeef"
    dump = project / "local.dump"
    assert main(["db", "dump", "-o", str(dump)]) == 0
    with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(leftover)))
    stuck = psycopg.connect(postgres_server.url(), autocommit=True)
    try:
        with (
            stuck.cursor() as cursor,
            cursor.copy(
                "COPY (SELECT repeat('x', 1000) FROM generate_series(1, 200000)) TO STDOUT"
            ),
        ):
            time.sleep(0.5)  # the server now waits for this client to read
            restore = subprocess.run(
                [sys.executable, "-m", "berth", "db", "restore", str(dump), "--yes"],
                cwd=project,
                env=child_environment(DATABASE_URL=local_url),
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
    except psycopg.Error:
        pass  # the copy was left unread: psycopg gives up on it
    finally:
        stuck.close()
    assert restore.returncode == 0, restore.stderr
    # Left for the next restore, which drops it once nothing holds the drop up.
    assert main(["db", "restore", str(dump), "--yes"]) == 0
    with psycopg.connect(postgres_server.url(), autocommit=True) as admin:
        row = admin.execute(
            "SELECT count(*) FROM pg_database WHERE datname LIKE %s", (f"{target}__berth_%",)
        ).fetchone()
    assert row == (0,)
