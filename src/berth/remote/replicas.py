"""An environment's replicas, each asked through its exec channel, as ``berth exec`` reaches one.

The image's own Python, inside each replica, reads that replica's HEALTH_PORT (``/status`` or
``/stacks``) on loopback and prints it. Every replica is asked at once, each within a time
bound, so one stuck exec never delays the view of the others.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import signal
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from berth.errors import ServiceError
from berth.remote.commands import program_not_found, shown_command
from berth.remote.environments import DeploymentEnvironment
from berth.up.replica_status import ReplicaReport

__all__ = ["Replica", "ask_environment", "list_replicas", "run_bounded"]

# Seconds the exec channel itself may take on top of the replica's answer: docker compose exec,
# kubectl exec and ssh connect and start a process before the replica's Python runs.
CHANNEL_SECONDS = 4.0
# Seconds for the listing of the replicas (docker compose ps, kubectl get pods).
LIST_SECONDS = 15.0

# Run inside the replica: the port is resolved by the replica's own berth, from its own
# variables, as its gunicorn resolved it; the answer is printed as received.
_ASK = (
    "import sys, urllib.request as u\n"
    "from berth.config.server import server_settings\n"
    "from berth.config.variables import read_environment\n"
    "port = server_settings(read_environment()).health_port\n"
    "url = f'http://127.0.0.1:{port}{sys.argv[1]}'\n"
    "sys.stdout.write(u.urlopen(url, timeout=float(sys.argv[2])).read().decode())\n"
)


@dataclass(frozen=True)
class Replica:
    """One running replica of an environment, and the environment narrowed to reach it."""

    name: str
    environment: DeploymentEnvironment


def list_replicas(environment: DeploymentEnvironment) -> list[Replica]:
    """The replicas ``replicas_command`` lists; the environment itself when it has none."""
    if environment.replicas_command is None or environment.replica_exec is None:
        return [Replica(environment.name, environment)]
    command = list(environment.replicas_command)
    try:
        listed = subprocess.run(
            command,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=LIST_SECONDS,
            check=False,
        )
    except FileNotFoundError:
        raise program_not_found(environment, command[0]) from None
    except subprocess.TimeoutExpired:
        raise ServiceError(
            f"environment {environment.name!r}: listing its replicas took over "
            f"{LIST_SECONDS:.0f} s: {shown_command(command)}"
        ) from None
    if listed.returncode != 0:
        last = (listed.stderr.strip().splitlines() or [f"exit status {listed.returncode}"])[-1]
        raise ServiceError(
            f"environment {environment.name!r}: cannot list its replicas "
            f"({shown_command(command)}): {last}"
        )
    replicas = []
    for line in listed.stdout.splitlines():
        word, _, name = line.strip().partition(" ")
        if not word:
            continue
        prefix = tuple(part.replace("{replica}", word) for part in environment.replica_exec)
        narrowed = dataclasses.replace(environment, exec_prefix=prefix, terminal_exec_prefix=None)
        replicas.append(Replica(name.strip() or word, narrowed))
    return replicas


def ask_environment(
    replicas: list[Replica], time_bound: float, path: str = "/status"
) -> list[ReplicaReport]:
    """Each replica's answer at ``path`` (JSON), asked in parallel, in the order given.

    ``time_bound`` is the replica's own (its HEALTH_PORT's answer); its exec channel gets
    ``CHANNEL_SECONDS`` more, after which the exec is ended and the replica shown unreachable.
    """
    if not replicas:
        return []
    with ThreadPoolExecutor(max_workers=len(replicas), thread_name_prefix="berth-exec") as pool:
        return list(pool.map(lambda replica: _ask(replica, time_bound, path), replicas))


def _interpreter(environment: DeploymentEnvironment) -> tuple[str, ...]:
    # The Python that runs manage.py there has berth (settings import it); berth's image puts
    # its virtualenv first on PATH, so "python" is it by default.
    manage = environment.manage
    if len(manage) >= 2 and manage[-1].endswith("manage.py"):
        return manage[:-1]
    return ("python",)


def _ask(replica: Replica, time_bound: float, path: str) -> ReplicaReport:
    environment = replica.environment
    command = environment.command(*_interpreter(environment), "-c", _ASK, path, f"{time_bound:g}")
    limit = time_bound + CHANNEL_SECONDS
    out, problem = run_bounded(command, limit)
    if problem is not None:
        return _report(replica, None, problem)
    try:
        answer = json.loads(out)
    except ValueError:
        return _report(replica, None, f"its {path} is not JSON")
    if not isinstance(answer, dict):
        return _report(replica, None, f"its {path} is not a JSON object")
    return _report(replica, answer, None)


def run_bounded(command: list[str], limit: float) -> tuple[bytes, str | None]:
    """``command``'s output, or why there is none: not found, failed (its last line of
    stderr), or still running after ``limit`` seconds (then ended with whatever it started)."""
    try:
        # Its own session: a hung exec is ended with whatever it started (ssh, a shell).
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
        )
    except FileNotFoundError:
        return b"", f"unreachable: {command[0]} not found"
    try:
        out, err = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return b"", f"no answer within {limit:.1f} s"
    if process.returncode != 0:
        lines = err.decode(errors="replace").strip().splitlines()
        return out, f"unreachable: {lines[-1] if lines else process.returncode}"
    return out, None


def _report(replica: Replica, status: dict[str, Any] | None, problem: str | None) -> ReplicaReport:
    pid = status.get("pid") if status else None
    return ReplicaReport(
        replica.name, status is not None, pid if isinstance(pid, int) else 0, status, problem
    )
