from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.integration.throwaway import write_project
from tests.processes import child_environment

from berth.cli import main
from berth.services.pg_programs import find_postgres_bin
from berth.services.postgres import PostgresServer

# Commands that run are started in a child `berth`, never in-process: on a terminal berth
# replaces itself with the command (os.execvp), which would replace pytest under `-s`.


def berth(
    *args: str, cwd: Path, input: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "berth", *args],
        cwd=cwd,
        input=input,
        env=env or child_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )


def write_config(folder: Path, body: str) -> None:
    (folder / "berth.toml").write_text(body)


def test_exec_runs_through_the_prefix_and_propagates_the_exit_status(tmp_path: Path) -> None:
    write_config(tmp_path, '[environments.box]\nexec = ["env", "BERTH_MARK=1"]\n')
    result = berth("exec", "box", "--", "sh", "-c", 'echo "mark=$BERTH_MARK"; exit 7', cwd=tmp_path)
    assert result.returncode == 7
    assert result.stdout == "mark=1\n"
    assert result.stderr == "[box] $ env BERTH_MARK=1 sh -c 'echo \"mark=$BERTH_MARK\"; exit 7'\n"


def test_exec_passes_stdin_through(tmp_path: Path) -> None:
    write_config(tmp_path, "[environments.here]\nexec = []\n")
    result = berth("exec", "here", "tr", "a-z", "A-Z", cwd=tmp_path, input="hello\n")
    assert (result.returncode, result.stdout) == (0, "HELLO\n")


def test_a_replica_option_after_the_separator_belongs_to_the_command(tmp_path: Path) -> None:
    write_config(tmp_path, "[environments.here]\nexec = []\n")
    result = berth("exec", "here", "--", "echo", "--replica=web-2", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "--replica=web-2\n")
    result = berth("exec", "here", "--", "--replica=web-2", cwd=tmp_path)
    assert result.returncode == 127, result.stderr  # a program of that name, not berth's option


def test_the_command_shown_has_its_secrets_masked(tmp_path: Path) -> None:
    write_config(tmp_path, "[environments.here]\nexec = []\n")
    url = "postgres://app:s3cret-pw@db:5432/shop"
    result = berth("exec", "here", "--", "echo", url, "--token", "t0ken-x", cwd=tmp_path)
    assert result.stdout == f"{url} --token t0ken-x\n"
    assert "s3cret-pw" not in result.stderr and "t0ken-x" not in result.stderr
    assert result.stderr == "[here] $ echo 'postgres://app:***@db:5432/shop' --token '***'\n"


def test_a_missing_program_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_config(tmp_path, '[environments.prod]\nexec = ["berth-test-no-such-program", "exec"]\n')
    monkeypatch.chdir(tmp_path)
    assert main(["exec", "prod", "--", "ls"]) == 127
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "[prod] $ berth-test-no-such-program exec ls",
        f"berth: berth-test-no-such-program: not found; environment 'prod' needs it (configured in {tmp_path / 'berth.toml'})",
    ]


def test_an_unknown_environment_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_config(tmp_path, "[environments.staging]\nexec = []\n")
    monkeypatch.chdir(tmp_path)
    assert main(["shell", "prod"]) == 2
    err = capsys.readouterr().err
    assert (
        err == f"berth: {tmp_path / 'berth.toml'}: no environment 'prod' (known: local, staging)\n"
    )


def test_exec_needs_a_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["exec", "local", "--"]) == 2
    assert "no command given" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["shell", "exec", "dbshell"])
def test_an_option_where_the_name_goes_says_the_name_is_missing(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main([command, "--replica", "web-2"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        f"Error: environment NAME missing before '--replica': berth {command} local --replica web-2"
    )


def test_run_refuses_an_option_before_its_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["run", "--replica", "web-2", "python", "-V"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "Error: berth run takes no --replica: it runs COMMAND in a new container, not a replica "
        "(berth exec local --replica web-2 -- COMMAND runs in one)"
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = write_project(tmp_path / "shop")
    # `exec = []`: "the container" is this machine, with this interpreter.
    write_config(
        folder, f'[environments.here]\nexec = []\nmanage = ["{sys.executable}", "manage.py"]\n'
    )
    return folder


def test_shell_runs_manage_py_shell_with_stdin(project: Path) -> None:
    result = berth("shell", "here", cwd=project, input="print(6*7)\n")
    assert result.returncode == 0, result.stderr
    assert "42" in result.stdout.splitlines()
    assert result.stderr.startswith(f"[here] $ {sys.executable} manage.py shell\n")


def test_shell_propagates_a_failure(project: Path) -> None:
    result = berth("shell", "here", "-c", "raise SystemExit(3)", cwd=project)
    assert result.returncode == 3


def test_dbshell_reaches_the_database_through_the_environment(
    project: Path, database_url: str, postgres_server: PostgresServer
) -> None:
    # psql from the same PostgreSQL as the test server (the machine's or pgserver's).
    path = f"{find_postgres_bin()}{os.pathsep}{os.environ.get('PATH', '')}"
    env = child_environment(DATABASE_URL=database_url, PATH=path, SECRET_KEY="x" * 50)
    result = berth("dbshell", "here", cwd=project, input="SELECT 40+2 AS answer;\n", env=env)
    assert result.returncode == 0, result.stderr
    assert "answer" in result.stdout
    assert "42" in [word.strip() for word in result.stdout.splitlines()]
    assert postgres_server.password not in result.stderr


# A stand-in for ssh, as the real one treats its arguments: options, the destination, then
# every further word joined with spaces into one line for the remote shell.
FAKE_SSH = """#!/bin/sh
while [ $# -gt 0 ]; do
    case "$1" in
        -p|-i|-l|-o|-F|-J) shift 2 ;;
        -*) shift ;;
        *) break ;;
    esac
done
shift
exec sh -c "$*"
"""


@pytest.fixture
def ssh_on_path(tmp_path: Path) -> dict[str, str]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "ssh").write_text(FAKE_SSH)
    (bin_dir / "ssh").chmod(0o755)
    return child_environment(PATH=f"{bin_dir}{os.pathsep}{os.environ['PATH']}")


def test_over_ssh_every_word_reaches_the_container_not_the_host(
    tmp_path: Path, ssh_on_path: dict[str, str]
) -> None:
    write_config(
        tmp_path, '[environments.box]\nexec = ["ssh", "-p", "2222", "box", "env", "IN_BOX=1"]\n'
    )
    script = 'echo "a=$IN_BOX"; echo "b=$IN_BOX"'
    result = berth("exec", "box", "--", "sh", "-c", script, cwd=tmp_path, env=ssh_on_path)
    # Unquoted, the remote shell would run `echo "b=$IN_BOX"` on the host: "b=".
    assert (result.returncode, result.stdout) == (0, "a=1\nb=1\n"), result.stderr
    assert result.stderr == (
        "[box] $ ssh -p 2222 box 'env IN_BOX=1 sh -c '\"'\"'echo \"a=$IN_BOX\"; echo \"b=$IN_BOX\"'\"'\"''\n"
    )


def test_over_ssh_the_remote_side_receives_exactly_the_argv(
    tmp_path: Path, ssh_on_path: dict[str, str]
) -> None:
    write_config(tmp_path, '[environments.box]\nexec = ["ssh", "box"]\n')
    words = ["a b", "$HOME", "it's", "*", "x\ny", "", "; rm -rf /nonexistent"]
    printer = "import json, sys; print(json.dumps(sys.argv[1:]))"
    result = berth(
        "exec", "box", "--", sys.executable, "-c", printer, *words, cwd=tmp_path, env=ssh_on_path
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == words


def test_a_declared_remote_shell_is_quoted_too(tmp_path: Path) -> None:
    wrapper = tmp_path / "remote"
    wrapper.write_text(
        '#!/bin/sh\n# --command LINE, run by a shell on "the other side"\nexec sh -c "$2"\n'
    )
    wrapper.chmod(0o755)
    write_config(
        tmp_path, f'[environments.vm]\nexec = ["{wrapper}", "--command"]\nremote_shell = true\n'
    )
    result = berth("exec", "vm", "--", "sh", "-c", "echo one; echo two", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "one\ntwo\n"), result.stderr
