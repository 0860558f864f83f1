"""Before any replica serves: wait until the services really answer, then migrate once.

The same commands a deployment's release job runs (``berth wait``, ``berth migrate``), as
subprocesses in the project's folder: they load the project's settings, which this process
never does.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from berth.config.masking import redact
from berth.config.variables import environment_secrets
from berth.errors import ServiceError
from berth.up.console import Console

__all__ = ["WAIT_TIMEOUT", "wait_and_migrate"]

WAIT_TIMEOUT = 60


def wait_and_migrate(root: Path, environment: Mapping[str, str], console: Console) -> None:
    """Run ``berth wait`` then ``berth migrate`` in ``root``; raise naming what failed."""
    berth = [sys.executable, "-m", "berth"]
    _run([*berth, "wait", "--timeout", str(WAIT_TIMEOUT)], root, environment, console)
    _run([*berth, "migrate"], root, environment, console)


def _run(command: list[str], cwd: Path, environment: Mapping[str, str], console: Console) -> None:
    step = " ".join(command[2:4])
    process = subprocess.Popen(
        command,
        cwd=cwd,
        env=dict(environment),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    )
    last = ""
    try:
        assert process.stdout is not None
        for line in process.stdout:
            line = line.rstrip("\n")
            if line.strip():
                last = line
                # Under the "berth |" gutter already: "berth: …" would say it twice.
                console.replica_line("berth", line.removeprefix("berth: "))
        code = process.wait()
    except BaseException:
        # Ctrl-C while waiting: the step must not outlive berth up.
        process.kill()
        process.wait()
        raise
    finally:
        if process.stdout is not None:
            process.stdout.close()
    if code != 0:
        # The step's own one-line error ("berth: database did not answer within 60 s …",
        # "berth: RuntimeError: …") says it all, once named; a crash without one is named by
        # the step and its exit code.
        if last.startswith("berth: "):
            raise ServiceError(f"{step}: {last.removeprefix('berth: ')}")
        raise ServiceError(
            f"{step} failed with exit code {code}: {redact(last, environment_secrets(environment))}"
        )
