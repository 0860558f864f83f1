"""A dump's header: the server's version, asked through psql where there is one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import fresh_database

from berth.cli import main
from berth.services.pg_programs import find_program
from berth.services.postgres import PostgresServer
from berth.transfer.databases import Database
from berth.transfer.header import read_header


@pytest.fixture
def url(postgres_server: PostgresServer) -> Iterator[str]:
    with fresh_database(postgres_server) as url:
        yield url


def _client_folder(tmp_path: Path, url: str, *, psql: bool) -> Path:
    """A folder holding the server's pg_dump and, with ``psql``, a psql that leaves a mark."""
    _, number = Database.from_url(url).server_version()
    real = find_program("pg_dump", number // 10000, why="the test").path
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "pg_dump").symlink_to(real)
    if psql:
        wrapper = folder / "psql"
        wrapper.write_text(
            f'#!/bin/sh\ntouch "{tmp_path}/psql-asked"\nexec "{real.parent}/psql" "$@"\n'
        )
        wrapper.chmod(0o755)
    return folder


@pytest.mark.parametrize("psql", [True, False], ids=["psql", "no psql: psycopg"])
def test_the_header_holds_the_servers_version_asked_either_way(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, psql: bool
) -> None:
    monkeypatch.setenv("BERTH_PG_BIN", str(_client_folder(tmp_path, url, psql=psql)))
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.chdir(tmp_path)
    assert main(["db", "dump", "-o", "out.dump"]) == 0
    with open("out.dump", "rb") as file:
        header = read_header(file, "out.dump")
    assert (header.server_version, header.server_version_num) == Database.from_url(
        url
    ).server_version()
    assert (tmp_path / "psql-asked").exists() is psql


@pytest.mark.parametrize("psql", [True, False], ids=["psql", "no psql: psycopg"])
def test_a_refused_password_is_one_line_that_never_shows_it_and_no_file_is_made(
    url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    psql: bool,
) -> None:
    monkeypatch.setenv("BERTH_PG_BIN", str(_client_folder(tmp_path, url, psql=psql)))
    wrong = "Wr0ngPassw0rdXyz"
    database = Database.from_url(url)
    monkeypatch.setenv("DATABASE_URL", url.replace(f":{database.password}@", f":{wrong}@"))
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)
    assert main(["db", "dump", "-o", "out.dump"]) != 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("berth: cannot connect to PostgreSQL database")
    assert "password authentication failed" in err
    assert wrong not in err and database.password not in err
    assert os.listdir(out) == []
