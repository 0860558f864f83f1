"""``berth db``'s options: what a refusal tells the user to add exists on the command that refused."""

from __future__ import annotations

import re
import sqlite3
import sys
from pathlib import Path

import click
import pytest

from berth.cli import main
from berth.cli.db import db


def _database(path: Path, body: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE note (body TEXT)")
        connection.execute("INSERT INTO note VALUES (?)", (body,))


def _body(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        row = connection.execute("SELECT body FROM note").fetchone()
    return str(row[0])


@pytest.mark.parametrize(
    "args",
    [["restore", "prod.dump"], ["pull", "prod"], ["push", "prod"]],
    ids=["restore", "pull", "push"],
)
def test_each_command_that_replaces_data_takes_the_option_its_refusal_names(
    tmp_path: Path,
    args: list[str],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Every environment here is protected: local (SQLite data/db.sqlite3) and prod (another
    SQLite file, reached through its exec prefix)."""
    local, prod = tmp_path / "data" / "db.sqlite3", tmp_path / "prod.sqlite3"
    _database(local, "local")
    _database(prod, "prod")
    (tmp_path / "manage.py").write_text("")  # names no settings: local is data/db.sqlite3
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    (tmp_path / "berth.toml").write_text(
        "[environments.local]\nprotected = true\n"
        "[environments.prod]\nprotected = true\n"
        f'exec = ["env", "DATABASE_URL=sqlite:///{prod}"]\n'
        f'berth = ["{sys.executable}", "-m", "berth"]\n'
    )
    monkeypatch.chdir(tmp_path)
    assert main(["db", "dump", "prod", "-o", "prod.dump"]) == 0
    capsys.readouterr()

    assert main(["db", *args, "--yes"]) == 4
    refusal = capsys.readouterr().err
    hint = re.search(r"add (--[a-z-]+)", refusal)
    assert hint is not None, refusal
    command = db.commands[args[0]]
    options = {name for p in command.params if isinstance(p, click.Option) for name in p.opts}
    assert hint.group(1) in options
    assert main(["db", *args, "--yes", hint.group(1)]) == 0
    replaced = prod if args[0] == "push" else local
    assert _body(replaced) == ("local" if args[0] == "push" else "prod")
