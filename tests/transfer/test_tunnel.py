"""berth db tunnel: psql on this machine reaches a database that only the exec prefix reaches."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import pytest
from tests.conftest import fresh_database
from tests.processes import child_environment
from tests.transfer.helpers import fill, write_environments

from berth.services.pg_programs import find_program
from berth.services.postgres import PostgresServer
from berth.services.processes import LOOPBACK
from berth.transfer import tunnel as tunnel_module
from berth.transfer.endpoints import Endpoint


@contextlib.contextmanager
def tunnel_to(project: Path, *args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    """``berth db tunnel prod`` running in ``project``, and its banner; killed if still running."""
    tunnel = subprocess.Popen(
        [sys.executable, "-m", "berth", "db", "tunnel", "prod", *args],
        cwd=project,
        env=child_environment(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert tunnel.stderr is not None
    try:
        yield tunnel, "".join(tunnel.stderr.readline() for _ in range(4))
    finally:
        if tunnel.poll() is None:
            tunnel.kill()
            tunnel.wait()
        tunnel.stderr.close()


def test_psql_through_the_tunnel_with_concurrent_connections(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    psql = find_program("psql", 1, why="the test").path
    with fresh_database(postgres_server) as url:
        fill(url)
        write_environments(tmp_path, prod={"DATABASE_URL": url})
        password = postgres_server.password
        with tunnel_to(tmp_path) as (tunnel, banner):
            assert password not in banner and "password ***" in banner
            port = int(re.search(r"on 127\.0\.0\.1:(\d+)", banner).group(1))  # type: ignore[union-attr]
            database = url.rsplit("/", 1)[1]

            def query(sql: str) -> str:
                return subprocess.run(
                    [
                        str(psql),
                        "-h",
                        "127.0.0.1",
                        "-p",
                        str(port),
                        "-U",
                        postgres_server.user,
                        "-d",
                        database,
                        "-At",
                        "-c",
                        sql,
                    ],
                    env={**child_environment(), "PGPASSWORD": password},
                    capture_output=True,
                    text=True,
                    timeout=30,
                    check=True,
                ).stdout.strip()

            with ThreadPoolExecutor(4) as pool:
                answers = list(
                    pool.map(
                        query,
                        ["SELECT count(*) FROM shop_customer"] * 3 + ["SELECT pg_sleep(0.5), 7"],
                    )
                )
            assert answers == ["50", "50", "50", "|7"]
            relays = psutil.Process(tunnel.pid).children(recursive=True)
            tunnel.send_signal(signal.SIGINT)
            assert tunnel.wait(timeout=10) == 0
            assert tunnel.stderr is not None
            assert "tunnel closed" in tunnel.stderr.read()
            time.sleep(0.2)
            assert [
                p.pid for p in relays if p.is_running() and p.status() != psutil.STATUS_ZOMBIE
            ] == []


def test_connections_are_relayed_while_held_open(
    postgres_server: PostgresServer, tmp_path: Path
) -> None:
    """One long-lived session (as a GUI keeps) and its process, ended by Ctrl-C."""
    import psycopg

    with fresh_database(postgres_server) as url:
        write_environments(tmp_path, prod={"DATABASE_URL": url})
        with tunnel_to(tmp_path, "--show-password") as (tunnel, banner):
            local_url = re.search(r"psql '([^']+)'", banner).group(1)  # type: ignore[union-attr]
            assert postgres_server.password in local_url
            session = psycopg.connect(local_url, sslmode="disable", autocommit=True)
            for i in range(3):
                assert session.execute("SELECT %s::int", (i,)).fetchone() == (i,)
            relays = psutil.Process(tunnel.pid).children(recursive=True)
            assert relays
            tunnel.send_signal(signal.SIGINT)
            assert tunnel.wait(timeout=10) == 0
            # Ctrl-C closed the connection through the tunnel too.
            with pytest.raises(psycopg.OperationalError):
                session.execute("SELECT 1")
            session.close()
            time.sleep(0.2)
            assert not [p for p in relays if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
            assert not os.path.exists(tmp_path / ".berth")


def test_an_idle_session_outlives_the_connect_timeout(
    postgres_server: PostgresServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A direct tunnel's connect timeout must not end a session that sits idle, as a GUI's does."""
    import psycopg

    monkeypatch.setattr(tunnel_module, "_CONNECT_TIMEOUT", 0.2)
    with fresh_database(postgres_server) as url:
        relay = tunnel_module.Tunnel(Endpoint("prod", None, {"DATABASE_URL": url}, tmp_path))
        serving = threading.Thread(target=relay.serve, daemon=True)
        serving.start()
        try:
            with psycopg.connect(
                host=LOOPBACK,
                port=relay.port,
                user=postgres_server.user,
                password=postgres_server.password,
                dbname=url.rsplit("/", 1)[1],
                sslmode="disable",
                autocommit=True,
            ) as session:
                assert session.execute("SELECT 1").fetchone() == (1,)
                time.sleep(1.0)
                assert session.execute("SELECT 2").fetchone() == (2,)
        finally:
            relay.close()
            serving.join(timeout=5)
