"""``.berth/up.json``: what a running ``berth up`` serves, for ``berth verify``, tests and people.

``{"pid", "url", "status", "started", "replicas": [{"name", "url", "pid", "ready", "tree",
"started"}]}``, rewritten atomically whenever a replica starts, becomes ready or stops, and
removed when ``berth up`` exits. ``status`` is ``starting``, ``ready``, ``restarting`` or
``stopping``; a replica is listed from the moment its process runs.
"""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from berth.up.datadir import write_json_atomically

__all__ = ["ReplicaState", "UpState", "now", "replica_order"]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class ReplicaState:
    name: str
    url: str
    pid: int
    ready: bool
    tree: str
    started: str


class UpState:
    """Writes ``up.json``; thread-safe, since every replica's supervisor thread reports to it."""

    def __init__(self, path: Path, url: str) -> None:
        self.path = path
        self._url = url
        self._started = now()
        self._status = "starting"
        self._replicas: dict[str, ReplicaState] = {}
        self._lock = threading.Lock()

    def set_status(self, status: str) -> None:
        with self._lock:
            self._status = status
            self._write()

    def set_replica(self, replica: ReplicaState) -> None:
        with self._lock:
            self._replicas[replica.name] = replica
            self._write()

    def drop_replica(self, name: str) -> None:
        with self._lock:
            if self._replicas.pop(name, None) is not None:
                self._write()

    def remove(self) -> None:
        with self._lock, contextlib.suppress(FileNotFoundError):
            self.path.unlink()

    def _write(self) -> None:
        write_json_atomically(
            self.path,
            {
                "pid": os.getpid(),
                "url": self._url,
                "status": self._status,
                "started": self._started,
                "replicas": [
                    vars(replica)
                    for _, replica in sorted(
                        self._replicas.items(), key=lambda item: replica_order(item[0])
                    )
                ],
            },
        )


def replica_order(name: str) -> tuple[str, int]:
    """Sort key of replica names: web-2 before web-10."""
    base, _, number = name.rpartition("-")
    return (base, int(number)) if number.isdigit() else (name, 0)
