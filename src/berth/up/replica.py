"""One replica: gunicorn serving the project from its own throwaway copy, as one container would.

The replica's folder holds ``app/`` (a copy of the image, its working directory and first
import path), ``tmp/`` (its TMPDIR) and ``home/`` (its HOME); all of it is deleted when the
replica stops. gunicorn runs in a process group of its own, so that stopping the replica
reaches its workers too, even when the master was killed and left them behind.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO

from berth.services.processes import LOOPBACK, free_port, group_is_running, process_started
from berth.services.tether import tethered
from berth.up.console import Console
from berth.up.state import ReplicaState, now
from berth.up.tree import private_tree, remove_tree

__all__ = ["Replica"]

_READY_POLL = 0.1
# As the probes berth init writes wait: /readyz answers within READINESS_TIMEOUT (4 s).
PROBE_TIMEOUT = 5.0
# berth's liveness probe, asked to check the Host header as a page would: a 400 when
# ALLOWED_HOSTS refuses it (no page is requested, so nothing is logged as a 404).
_HOST_CHECK_PATH = "/healthz?host"


class Replica:
    """A running replica; made by :meth:`start`, ended (and its folder deleted) by :meth:`stop`."""

    def __init__(
        self,
        name: str,
        folder: Path,
        port: int,
        process: subprocess.Popen[bytes],
        pump: threading.Thread,
        copy_seconds: float,
        health_port: int,
    ) -> None:
        self.name = name
        self.folder = folder
        self.port = port
        self.health_port = health_port
        self.process = process
        self.copy_seconds = copy_seconds
        self.started = now()
        self.pid_started = process_started(process.pid)
        self._pump = pump

    @classmethod
    def start(
        cls,
        name: str,
        *,
        image: Path,
        scratch: Path,
        port: int,
        wsgi_application: str,
        environment: Mapping[str, str],
        log_file: Path,
        console: Console,
    ) -> Replica:
        """Copy ``image`` into a new folder under ``scratch`` and start gunicorn there on ``port``."""
        tree = private_tree(image, scratch, name)
        folder, app = tree.folder, tree.app
        health_port = free_port()
        try:
            env = dict(environment)
            # HOSTNAME as a container's would be: the replica's name in its log lines.
            env.update(tree.variables(name, env.get("PYTHONPATH")))
            env.update(
                PORT=str(port),
                # Not PORT + 1, gunicorn_conf's default: that may be another replica's port.
                HEALTH_PORT=str(health_port),
                PYTHONUNBUFFERED="1",
            )
            command = [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "python:berth.runtime.gunicorn_conf",
                # Overrides the config's 0.0.0.0: on a laptop, only the entry point is reachable
                # from the network (and by default not even it).
                "--bind",
                f"{LOOPBACK}:{port}",
                wsgi_application,
            ]
            process = subprocess.Popen(
                # Tethered: SIGKILL when berth up dies (its workers die with it: gunicorn_conf).
                tethered(command, signal.SIGKILL),
                cwd=app,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        except BaseException:
            remove_tree(folder)
            raise
        assert process.stdout is not None
        pump = threading.Thread(
            target=_pump,
            args=(name, process.stdout, log_file, console),
            name=f"{name}-output",
            daemon=True,
        )
        pump.start()
        return cls(name, folder, port, process, pump, tree.copy_seconds, health_port)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    @property
    def pid(self) -> int:
        return self.process.pid

    def state(self, *, ready: bool) -> ReplicaState:
        return ReplicaState(
            name=self.name,
            url=self.url,
            pid=self.pid,
            ready=ready,
            tree=str(self.folder / "app"),
            started=self.started,
            pid_started=self.pid_started,
            health_url=f"http://{LOOPBACK}:{self.health_port}",
        )

    def exit_code(self) -> int | None:
        return self.process.poll()

    def wait_ready(self, timeout: float, cancelled: threading.Event) -> str | None:
        """Wait for ``/readyz`` to answer 200; None once it does, else what went wrong."""
        deadline = time.monotonic() + timeout
        while not cancelled.is_set():
            code = self.process.poll()
            if code is not None:
                return f"exited with code {code}"
            if self._answers_ready():
                return None
            if time.monotonic() > deadline:
                return f"was not ready within {timeout:g} s"
            cancelled.wait(_READY_POLL)
        return "was stopped"

    def terminate(self) -> None:
        """SIGTERM the process group, without waiting: gunicorn finishes its requests in flight.

        Stopping several replicas, each is sent this first, so that their graceful stops overlap.
        """
        self._signal_group(signal.SIGTERM)

    def stop(self, grace: float) -> None:
        """SIGTERM the process group, SIGKILL it after ``grace`` seconds; delete the folder."""
        self.terminate()
        deadline = time.monotonic() + grace
        try:
            self.process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            self._signal_group(signal.SIGKILL)
            self.process.wait()
        # Workers of a master that died (SIGKILL, the OOM killer) are finishing the requests
        # in flight, as SIGTERM asks: they get what is left of the grace. Their process group
        # still names them.
        while group_is_running(self.process.pid) and time.monotonic() < deadline:
            time.sleep(_READY_POLL)
        self._signal_group(signal.SIGKILL)
        self._pump.join(timeout=5)
        remove_tree(self.folder)

    def _signal_group(self, signum: signal.Signals) -> None:
        # The group is the master's pid (start_new_session), and lives as long as any member.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signum)

    def host_problem(self, hosts: Sequence[str]) -> str | None:
        """One line when Django refuses one of ``hosts`` (Host headers) with a 400; else None.

        ``/readyz`` cannot tell: it is answered before Django checks ALLOWED_HOSTS, so that
        orchestrators may probe by address. A page behind that check can.
        """
        for host in hosts:
            if self._status(_HOST_CHECK_PATH, host) == 400:
                allowed = ",".join(dict.fromkeys(h.rpartition(":")[0] for h in hosts))
                return (
                    f"{self.name} answers 400 to Host {host}, which the entry point passes on: "
                    f"ALLOWED_HOSTS does not allow {host.rpartition(':')[0]}, so every page "
                    f"would be a 400; run berth up with ALLOWED_HOSTS={allowed} in its "
                    "environment, or add them to ALLOWED_HOSTS in settings"
                )
        return None

    def _answers_ready(self) -> bool:
        return self._status("/readyz", f"{LOOPBACK}:{self.port}") == 200

    def _status(self, path: str, host: str) -> int | None:
        """The status of a GET of ``path`` with ``Host: host``; None when there is no answer."""
        connection = http.client.HTTPConnection(LOOPBACK, self.port, timeout=PROBE_TIMEOUT)
        try:
            connection.request("GET", path, headers={"Host": host})
            response = connection.getresponse()
            response.read()
            return response.status
        except (OSError, http.client.HTTPException):
            return None
        finally:
            connection.close()


def _pump(name: str, output: IO[bytes], log_file: Path, console: Console) -> None:
    """Copy the replica's output, line by line, to its log file (raw) and the terminal (pretty).

    Reads to the end whatever happens to the file: a replica whose pipe fills up blocks.
    """
    log: IO[bytes] | None = None
    try:
        log = log_file.open("ab")
    except OSError as error:
        console.say(f"{name}: cannot write {log_file}: {error.strerror or error}")
    try:
        for raw in output:
            if log is not None:
                try:
                    log.write(raw if raw.endswith(b"\n") else raw + b"\n")
                    log.flush()
                except OSError as error:
                    console.say(f"{name}: cannot write {log_file}: {error.strerror or error}")
                    with contextlib.suppress(OSError):
                        log.close()
                    log = None
            console.replica_line(name, raw.decode("utf-8", errors="replace").rstrip("\r\n"))
    finally:
        output.close()
        if log is not None:
            with contextlib.suppress(OSError):
                log.close()
