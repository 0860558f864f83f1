"""Commands are imported when they run: ``berth doctor`` does not load what ``berth up`` needs.

``berth --help`` still lists every command with its short help, and every name in the table
is the command click would have registered under it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import click
import pytest

from berth.cli import COMMANDS, cli, main

# What the other commands bring in, and `berth doctor` must not: Django's template engine
# (berth init), boto3 (backups), rich (init's diffs), requests (verify), berth up itself.
HEAVY = ("django.template", "boto3", "rich", "requests", "berth.up", "berth.cli.up")


def test_every_command_is_listed_with_its_short_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    listed = dict(
        line.strip().split(None, 1) for line in out.split("Commands:\n", 1)[1].splitlines()
    )
    assert sorted(listed) == sorted(COMMANDS)
    context = click.Context(cli)
    for name, shown in listed.items():
        command = cli.get_command(context, name)
        assert isinstance(command, click.Command)
        # The table's key is the name the command was written with: nothing renamed.
        assert command.name == name
        # click shortens a long help to the terminal's width, ending it with "...".
        full = command.get_short_help_str(limit=1000)
        assert shown and full.startswith(shown.removesuffix("...")), (name, shown)


def test_a_command_runs_with_only_its_own_module_imported(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("x = 1\n")
    script = (
        "import json, sys\n"
        "from berth.cli import main\n"
        f"status = main(['doctor', '--no-cache', {str(tmp_path)!r}])\n"
        "print(json.dumps([status, sorted(sys.modules)]))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True
    )
    status, modules = json.loads(run.stdout.splitlines()[-1])
    assert status == 0
    assert "berth.cli.doctor" in modules
    imported = [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]
    assert imported == []
    assert not [m for m in modules if m.startswith("berth.cli.") and m != "berth.cli.doctor"]


def test_an_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["no-such-command"]) == 2
    assert "No such command 'no-such-command'" in capsys.readouterr().err


def test_errors_of_a_lazily_loaded_command_are_still_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    # berth doctor outside a project: its BerthError, caught by main() as before.
    assert main(["doctor"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert line.startswith("berth: ")
