"""``<project>/.berth/``: what ``berth up`` keeps between runs, as a named volume outlives containers.

Service data (``postgres/``, ``s3/``), replica logs (``logs/``), the generated SECRET_KEY, the
service ports of the last run, the state of the running ``berth up`` (``up.json``) and its lock.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import secrets
import tempfile
from pathlib import Path
from typing import IO

from berth.services.files import write_json_atomically
from berth.services.processes import is_same_process, write_secret
from berth.up.errors import UpError

__all__ = ["DATA_DIR_NAME", "DataDir"]

DATA_DIR_NAME = ".berth"
_SECRET_KEY_FILE = "secret_key"
_PORTS_FILE = "ports.json"
_LOCK_FILE = "up.lock"
_STATE_FILE = "up.json"


class DataDir:
    """The ``.berth`` folder of one project."""

    def __init__(self, project_root: Path) -> None:
        self.path = project_root / DATA_DIR_NAME
        self._lock: IO[bytes] | None = None

    @property
    def postgres(self) -> Path:
        return self.path / "postgres"

    @property
    def s3(self) -> Path:
        return self.path / "s3"

    @property
    def logs(self) -> Path:
        return self.path / "logs"

    @property
    def state_file(self) -> Path:
        return self.path / _STATE_FILE

    def prepare(self) -> None:
        """Create the folder and prove it writable, before anything is started."""
        try:
            self.path.mkdir(exist_ok=True)
            self.logs.mkdir(exist_ok=True)
            # A real write, not os.access: root passes access() checks that a read-only
            # mount, a full disk or a folder owned by another container user still fail.
            probe, name = tempfile.mkstemp(prefix=".probe-", dir=self.path)
            os.close(probe)
            os.unlink(name)
        except OSError as error:
            reason = error.strerror or str(error)
            if error.errno == errno.EEXIST or isinstance(error, NotADirectoryError):
                reason = "it is not a folder"
            raise UpError(
                f"cannot write to {self.path}: {reason} (berth up keeps its services' data and logs there)"
            ) from None

    def lock(self) -> None:
        """Hold the folder for this process: two ``berth up`` would share one database's files."""
        handle = (self.path / _LOCK_FILE).open("ab")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise UpError(
                f"berth up already runs in this project{self._running_url()}: stop it first"
            ) from None
        self._lock = handle

    def running_state(self) -> dict[str, object] | None:
        """The up.json of a berth up running in this project now, or None.

        Only when another process holds the folder's lock and up.json's pid is still the
        process that wrote it: a file a killed berth up left behind names nothing to signal.
        """
        lock = self.path / _LOCK_FILE
        try:
            handle = lock.open("rb")
        except FileNotFoundError:
            return None
        with handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                pass  # held: a berth up runs
            else:
                return None
        try:
            state = json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(state, dict) or not isinstance(state.get("pid"), int):
            return None
        if not is_same_process(state["pid"], state.get("pid_started")):
            return None
        return state

    def unlock(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def secret_key(self) -> str:
        """The SECRET_KEY of replicas run from this folder, made the first time (mode 0600)."""
        path = self.path / _SECRET_KEY_FILE
        with contextlib.suppress(FileNotFoundError):
            kept = path.read_text(encoding="utf-8").strip()
            if kept:
                return kept
        key = secrets.token_urlsafe(50)
        write_secret(path, key)
        return key

    def remembered_port(self, service: str) -> int | None:
        """The port ``service`` had last time; ports that stay put keep a DATABASE_URL valid."""
        port = self._ports().get(service)
        return port if isinstance(port, int) else None

    def remember_port(self, service: str, port: int) -> None:
        ports = self._ports()
        if ports.get(service) != port:
            ports[service] = port
            write_json_atomically(self.path / _PORTS_FILE, ports)

    def _ports(self) -> dict[str, object]:
        try:
            loaded = json.loads((self.path / _PORTS_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return loaded if isinstance(loaded, dict) else {}

    def _running_url(self) -> str:
        try:
            state = json.loads(self.state_file.read_text(encoding="utf-8"))
            return f" (pid {state['pid']}, {state['url']})"
        except (OSError, ValueError, KeyError, TypeError):
            return ""
