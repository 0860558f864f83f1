"""What every local service process needs: loopback ports, secret files, and its log file's last words."""

from __future__ import annotations

import contextlib
import os
import select
import socket
import subprocess
from abc import ABC, abstractmethod
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self

from berth.errors import ServiceError
from berth.services.files import atomic_file

if TYPE_CHECKING:
    import psutil

__all__ = [
    "LOOPBACK",
    "LocalService",
    "ensure_port_free",
    "free_port",
    "group_is_running",
    "group_processes",
    "is_same_process",
    "kill_tree",
    "last_lines",
    "log_since",
    "port_is_free",
    "process_started",
    "wait_exited",
    "write_secret",
]

LOOPBACK = "127.0.0.1"
"""Where every local service listens: nothing berth starts is reachable from the network."""


def free_port(host: str = LOOPBACK) -> int:
    """A port nothing listens on now; the kernel's pick, so it may be taken again before use."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def port_is_free(port: int, host: str = LOOPBACK) -> bool:
    """Whether a server could listen on ``port`` now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # As postgres, rclone (Go) and gunicorn bind: connections lingering in TIME_WAIT
        # from the last run must not count as the port being in use.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return False
        return True


def ensure_port_free(port: int, host: str = LOOPBACK) -> None:
    """Raise a ServiceError naming ``port`` when a server could not listen on it."""
    if not port_is_free(port, host):
        raise ServiceError(f"port {port} on {host} is already in use")


def write_secret(path: Path, text: str) -> None:
    """Write ``text`` to ``path``, readable by its owner only from the first byte on (0600), and
    complete or not there at all: a file of its own replaces ``path`` whole, so an existing
    file's looser mode is not kept."""
    with atomic_file(path) as file:
        file.write((text + "\n").encode())


def log_since(path: Path, offset: int) -> str:
    """What was appended to the log at ``path`` after ``offset`` bytes; "" when there is no log."""
    try:
        with path.open("rb") as log:
            log.seek(offset)
            return log.read().decode("utf-8", errors="replace")
    except FileNotFoundError:
        return ""


def last_lines(text: str, count: int = 3) -> str:
    """The last ``count`` non-blank lines of ``text`` on one line, for an error message."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " | ".join(lines[-count:])


class LocalService(ABC):
    """A server process berth starts on this machine; ``with`` starts it and stops it again."""

    _process: subprocess.Popen[bytes] | None = None
    """The server process berth started, while it has one."""

    @property
    def pid(self) -> int | None:
        return self._process.pid if self.is_running() and self._process else None

    def is_running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @abstractmethod
    def start(self) -> None:
        """Start the server, or adopt it if it already runs; return once it answers."""

    @abstractmethod
    def stop(self) -> None:
        """Stop the server; nothing happens if it is not running."""

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()


def process_started(pid: int) -> float | None:
    """When process ``pid`` started, as a number no later process with that pid shares; None if
    there is none.

    With the pid, what tells a process apart from a later one that got the same pid: a state
    file naming a pid proves nothing by itself once the process may have ended. On Linux it is
    the kernel's own start time, in seconds since boot: psutil's ``create_time()`` adds the boot
    time, which ``/proc/stat`` recomputes from the wall clock on every read, so an NTP step moves
    it by a second between two processes and a running ``berth up`` would look gone.
    """
    stat = Path(f"/proc/{pid}/stat")
    if _HAS_PROC:
        try:
            # The command name (field 2) may hold spaces and ")": the fields after the last ")"
            # start at field 3, so starttime (field 22) is the 20th of them.
            fields = stat.read_text(encoding="ascii", errors="replace").rpartition(")")[2].split()
        except OSError:
            return None
        if len(fields) < 20 or fields[0] == "Z":
            return None
        return int(fields[19]) / _CLOCK_TICKS
    import psutil

    try:
        return float(psutil.Process(pid).create_time())
    except (psutil.NoSuchProcess, psutil.ZombieProcess, psutil.AccessDenied):
        return None


_HAS_PROC = Path("/proc/self/stat").exists()
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def wait_exited(process: subprocess.Popen[bytes], timeout: float) -> int | None:
    """``process``'s exit status if it ends within ``timeout`` seconds, else None.

    Woken by the exit itself, through a pidfd: ``Popen.wait(timeout)`` polls in sleeps that
    grow to 50 ms, so whatever follows a child's end (a pull's swap after pg_restore) began
    up to 50 ms late.
    """
    if process.returncode is not None:
        return process.returncode
    try:
        descriptor = os.pidfd_open(process.pid)
    except (AttributeError, OSError):
        # Not Linux 5.3 or newer, or the child was reaped meanwhile: Popen's own wait.
        try:
            return process.wait(timeout)
        except subprocess.TimeoutExpired:
            return None
    try:
        poller = select.poll()
        poller.register(descriptor, select.POLLIN)
        if not poller.poll(max(0, round(timeout * 1000))):
            return None
    finally:
        os.close(descriptor)
    return process.wait()


def kill_tree(pid: int) -> None:
    """SIGKILL ``pid`` and every process it started, children first.

    A channel's process (a shell script around ``docker exec``, ssh) may have children that
    keep its pipes open: killing it alone would not end a read from them.
    """
    import psutil

    try:
        parent = psutil.Process(pid)
        processes = [*parent.children(recursive=True), parent]
    except psutil.Error:
        return
    for process in processes:
        with contextlib.suppress(psutil.Error):
            process.kill()


def group_processes(group: int, name: str | None = None) -> list[psutil.Process]:
    """The processes of process group ``group`` that have not ended (zombies have), only those
    called ``name`` if given."""
    import psutil

    found = []
    for process in psutil.process_iter(["name", "status"]):
        with contextlib.suppress(psutil.Error, OSError):
            if os.getpgid(process.pid) != group or process.info["status"] == psutil.STATUS_ZOMBIE:
                continue
            if name is None or process.info["name"] == name:
                found.append(process)
    return found


def group_is_running(group: int) -> bool:
    """Whether process group ``group`` has a member that has not ended."""
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False  # the common answer, without listing every process
    except PermissionError:
        return True
    return bool(group_processes(group))


def is_same_process(pid: int, started: float | None) -> bool:
    """Whether ``pid`` is still the process that started at ``started``."""
    if started is None:
        return False
    now_started = process_started(pid)
    # Exact on Linux (clock ticks); elsewhere the creation time as the OS stored it.
    return now_started is not None and abs(now_started - started) < 0.005
