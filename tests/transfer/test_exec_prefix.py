"""What an exec prefix does besides running berth: print a banner first, print something else, hang.

Each prefix is a real shell script that runs its lines and then execs berth (as a login shell
with a chatty .bashrc, or a platform's greeting, would); nothing is mocked.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from tests.conftest import fresh_database
from tests.processes import child_environment
from tests.transfer.helpers import fill, fingerprint, write_environments

from berth.cli import main
from berth.services.postgres import PostgresServer
from berth.transfer.endpoints import Remote, resolve
from berth.transfer.errors import TransferError

# A hang fails the test instead of stopping the suite.
_BOUND = 60


def _pull(project: Path, local_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "berth", "db", "pull", "prod", "--yes"],
        cwd=project,
        env=child_environment(DATABASE_URL=local_url),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=_BOUND,
        check=False,
    )


def test_a_banner_before_the_dump_is_reported_and_skipped(
    tmp_path: Path,
    source_url: str,
    local_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_environments(
        tmp_path, before="echo 'Welcome to prod-1'; echo", prod={"DATABASE_URL": source_url}
    )
    monkeypatch.chdir(tmp_path)
    assert main(["db", "pull", "prod", "--yes"]) == 0
    assert fingerprint(local_url) == fingerprint(source_url)
    assert (
        "environment 'prod' printed 19 bytes before the dump, ignored: 'Welcome to prod-1'"
        in capsys.readouterr().err
    )
    # The environment's JSON answers (a push's description of its database) too.
    assert main(["db", "push", "prod", "--yes"]) == 0


@pytest.mark.parametrize(
    ("before", "problem"),
    [
        # Prints 1 MiB that is not a dump, then exits 0 without running berth.
        ("head -c 1048576 /dev/zero | tr '\\0' x; exit 0", "in the first 64 KiB of its output"),
        # Never stops printing.
        ("yes 'not a dump'", "in the first 64 KiB of its output, which began 'not a dump'"),
        # Prints a little, then exits 0.
        ("echo 'Welcome'; exit 0", "no dump header (BERTH-DUMP) in 8 bytes of its output"),
    ],
)
def test_output_that_is_not_a_dump_is_one_line_and_never_a_hang(
    tmp_path: Path, source_url: str, local_url: str, before: str, problem: str
) -> None:
    write_environments(tmp_path, before=before, prod={"DATABASE_URL": source_url})
    before_pull = fingerprint(local_url)
    result = _pull(tmp_path, local_url)
    assert result.returncode == 2, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("berth: the database of environment 'prod': ") and problem in last
    assert fingerprint(local_url) == before_pull


def test_a_remote_question_that_times_out_ends_the_prefix_and_what_it_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The prefix starts a child of its own and waits for it, as ssh or a shell script would.
    write_environments(
        tmp_path, before="sleep 300 & echo $! > sleeper.pid; wait", prod={"DATABASE_URL": "x"}
    )
    monkeypatch.chdir(tmp_path)
    remote = Remote(resolve("prod").environment)  # type: ignore[arg-type]
    started = time.monotonic()
    with pytest.raises(TransferError, match=r"environment 'prod' did not answer in 1 s: ended it"):
        remote.run_json("db", "describe", "--here", "--json", timeout=1)
    assert time.monotonic() - started < 10
    sleeper = int((tmp_path / "sleeper.pid").read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _alive(sleeper):
        time.sleep(0.05)
    assert not _alive(sleeper)


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def _wrapper(folder: Path, script: str) -> str:
    """An exec prefix that runs ``script`` around the environment's command ("$@")."""
    path = folder / "channel.sh"
    path.write_text(f"#!/bin/bash\n{script}\n")
    path.chmod(0o755)
    return str(path)


def _environment_through(folder: Path, wrapper: str, url: str) -> None:
    (folder / "berth.toml").write_text(
        "[environments.prod]\n"
        f'exec = ["{wrapper}", "env", "DATABASE_URL={url}"]\n'
        f'berth = ["{sys.executable}", "-m", "berth"]\n'
    )
    (folder / "manage.py").write_text("")


@pytest.mark.parametrize(
    ("command", "script"),
    [
        # The dump's first bytes arrive, then the channel goes silent and stays open.
        (
            "pull",
            'case " $* " in *" dump "*) "$@" | { head -c 2000; exec sleep 3600; } ;; *) exec "$@" ;; esac',
        ),
        # The container's restore stops reading its input half-way and never exits.
        (
            "push",
            'case " $* " in *" restore "*) { head -c 2000 >/dev/null; exec sleep 3600; } ;; *) exec "$@" ;; esac',
        ),
    ],
)
def test_a_channel_that_goes_silent_is_ended_and_the_target_kept(
    tmp_path: Path, postgres_server: PostgresServer, command: str, script: str
) -> None:
    with fresh_database(postgres_server) as here, fresh_database(postgres_server) as there:
        fill(here, customers=400, orders=40_000, note="here-")
        fill(there, customers=3, orders=7, note="there-")
        target = here if command == "pull" else there
        _environment_through(tmp_path, _wrapper(tmp_path, script), there)
        before = fingerprint(target)
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "berth", "db", command, "prod", "--yes"],
            cwd=tmp_path,
            env=child_environment(DATABASE_URL=here, BERTH_STALL_TIMEOUT="2"),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=_BOUND,
            check=False,
        )
        assert time.monotonic() - started < 30
        assert result.returncode != 0
        last = result.stderr.strip().splitlines()[-1]
        assert "moved no byte for 2 s (BERTH_STALL_TIMEOUT)" in last, result.stderr
        assert fingerprint(target) == before
