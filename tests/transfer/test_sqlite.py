"""SQLite: dumped through the online backup API, restored beside the target and copied over it."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from pathlib import Path
from urllib.parse import quote

import pytest

from berth.cli import main
from berth.transfer.header import MAGIC


def _database(path: Path, rows: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT)")
        connection.executemany(
            "INSERT INTO note (body) VALUES (?)", [(f"note {i}",) for i in range(rows)]
        )


def _rows(path: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT id, body FROM note ORDER BY id").fetchall()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "manage.py").write_text("")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_dump_and_restore_round_trip_with_a_safety_dump(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    local = project / "data" / "db.sqlite3"  # the embedded default of local
    _database(local, 10)
    assert main(["db", "dump", "-o", "one.dump"]) == 0
    with sqlite3.connect(local) as connection:
        connection.execute("DELETE FROM note WHERE id > 3")
    assert main(["db", "restore", "one.dump", "--yes"]) == 0
    assert len(_rows(local)) == 10
    err = capsys.readouterr().err
    safety = Path(next(line for line in err.splitlines() if "safety dump" in line).split(": ")[-1])
    assert safety.parent == project / ".berth" / "dumps"
    assert main(["db", "restore", str(safety), "--yes"]) == 0
    assert len(_rows(local)) == 3


@pytest.mark.parametrize("damage", ["truncated", "corrupt"])
def test_a_damaged_dump_leaves_the_database_as_it_was(
    project: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    local = project / "data" / "db.sqlite3"
    _database(local, 500)
    assert main(["db", "dump", "-o", "one.dump"]) == 0
    data = (project / "one.dump").read_bytes()
    start = data.index(b"\n") + 1
    body = data[start:]
    damaged = (
        body[: len(body) // 3]
        if damage == "truncated"
        else body[:100] + b"\xff" * 5000 + body[5100:]
    )
    (project / "one.dump").write_bytes(data[:start] + damaged)
    before = _rows(local)
    assert main(["db", "restore", "one.dump", "--yes"]) == 2
    assert "damaged" in capsys.readouterr().err
    assert _rows(local) == before
    assert sorted(p.name for p in local.parent.iterdir() if "berth" in p.name) == []


def test_a_postgresql_dump_is_refused_for_sqlite(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _database(project / "data" / "db.sqlite3", 1)
    (project / "pg.dump").write_bytes(
        b'BERTH-DUMP 1 {"engine": "postgresql", "server_version": "15.4", "server_version_num": 150004, "tool_version": "15.4"}\nPGDMP'
    )
    assert main(["db", "restore", "pg.dump", "--yes"]) == 2
    assert "is a PostgreSQL dump; SQLite database" in capsys.readouterr().err


@pytest.mark.parametrize("folder", ["a#b", "a?b", "a%23b c"])
def test_a_path_with_uri_characters_dumps_the_real_file(
    tmp_path: Path, folder: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = tmp_path / folder
    project.mkdir()
    (project / "manage.py").write_text("")
    monkeypatch.chdir(project)
    local = project / "data" / "db.sqlite3"  # the embedded default, under a path with "#"
    _database(local, 7)
    assert main(["db", "dump", "-o", str(tmp_path / "one.dump")]) == 0
    # The same file named by a DATABASE_URL, percent-encoded as a URL must be.
    named = tmp_path / f"{folder}.sqlite3"
    _database(named, 5)
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{quote(str(named))}")
    assert main(["db", "dump", "-o", str(tmp_path / "two.dump")]) == 0
    monkeypatch.delenv("DATABASE_URL")
    assert main(["db", "restore", str(tmp_path / "two.dump"), "--yes"]) == 0
    assert len(_rows(local)) == 5
    assert main(["db", "restore", str(tmp_path / "one.dump"), "--yes"]) == 0
    assert len(_rows(local)) == 7
    # No file was created at the path cut at "#" or "?".
    others = {p.name for p in tmp_path.iterdir() if not p.name.startswith(f"{folder}.sqlite3")}
    assert others == {folder, "one.dump", "two.dump"}


def test_a_missing_file_is_an_error_and_is_not_created(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = project / "gone?.sqlite3"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{quote(str(missing))}")
    assert main(["db", "dump", "-o", "one.dump"]) == 1
    assert capsys.readouterr().err.strip().endswith("does not exist")
    assert sorted(path.name for path in project.iterdir()) == ["manage.py"]


def test_safety_dumps_in_the_same_second_are_both_kept(project: Path) -> None:
    from berth.transfer.endpoints import resolve
    from berth.transfer.operations import keep_safety_dump
    from berth.transfer.receivers import receiver_for

    local = project / "data" / "db.sqlite3"
    _database(local, 3)
    receiver = receiver_for(resolve("local"))
    kept = [keep_safety_dump(receiver) for _ in range(3)]
    assert all(path is not None and path.parent == project / ".berth" / "dumps" for path in kept)
    assert len(set(kept)) == 3
    # Each complete: the same database after the header line, whose "created" is to the second.
    bodies = {path.read_bytes().split(b"\n", 1)[1] for path in kept if path is not None}
    assert len(bodies) == 1


def test_a_taken_name_gets_a_number_and_is_never_replaced(tmp_path: Path) -> None:
    from berth.services.files import atomic_file

    for body in (b"one", b"two", b"three"):
        with atomic_file(tmp_path / "x.dump", unique=True) as file:
            file.write(body)
    names = sorted(path.name for path in tmp_path.iterdir())
    assert names == ["x-1.dump", "x-2.dump", "x.dump"]
    assert (tmp_path / "x.dump").read_bytes() == b"one"
    assert (tmp_path / "x-2.dump").read_bytes() == b"three"


def test_a_dump_without_a_file_goes_to_the_private_dump_folder_and_is_named(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _database(project / "data" / "db.sqlite3", 4)
    (project / "app").mkdir()
    monkeypatch.chdir(project / "app")  # from a subfolder too: the project root's folder
    assert main(["db", "dump"]) == 0
    assert main(["db", "dump"]) == 0
    out, err = capsys.readouterr()
    written = [Path(line) for line in out.splitlines()]
    folder = project / ".berth" / "dumps"
    assert len(set(written)) == 2 and all(path.parent == folder for path in written)
    assert all(path.name.startswith("local-") and path.is_file() for path in written)
    assert f": {written[0]}" in err
    assert folder.stat().st_mode & 0o777 == 0o700
    assert sorted(p.name for p in project.iterdir()) == [".berth", "app", "data", "manage.py"]
    assert list((project / "app").iterdir()) == []


def test_a_dump_into_a_fifo_is_written_to_it_and_the_fifo_stays(project: Path) -> None:
    """`berth db dump -o /dev/null`, run as root, replaced /dev/null with a regular file: the
    dump was written beside it and renamed over it. A FIFO stands in for the device here."""
    _database(project / "data" / "db.sqlite3", 10)
    fifo = project / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    try:
        assert main(["db", "dump", "-o", str(fifo)]) == 0
    finally:
        reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and received[0].startswith(MAGIC)
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".pipe")) == []


def test_a_dump_onto_a_folder_is_refused_and_the_folder_stays(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _database(project / "data" / "db.sqlite3", 10)
    (project / "out").mkdir()
    assert main(["db", "dump", "-o", "out"]) == 2
    assert "out is a folder" in capsys.readouterr().err
    assert (project / "out").is_dir() and list((project / "out").iterdir()) == []
