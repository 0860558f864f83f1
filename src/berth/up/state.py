"""``.berth/up.json``: what a running ``berth up`` serves, for ``berth verify``, tests and people.

``{"pid", "pid_started", "url", "status", "started", "replicas": [{"name", "url", "pid",
"pid_started", "ready", "tree", "started", "health_url"}], "services": {"postgres" | "s3" | "proxy": {"pid",
"pid_started", "status", "address"}}}``, rewritten atomically whenever a replica or service
changes, and removed when ``berth up`` exits. ``status`` is ``starting``, ``ready``,
``restarting`` or ``stopping``; a service's is ``running``, ``restarting`` or ``failed``. A
replica is listed from the moment its process runs. ``pid_started`` (the process's start
time, since boot on Linux) tells the process apart from a later one given the same pid: a new
berth up finds what a killed one left running by both.
"""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from berth.services.files import write_json_atomically
from berth.services.processes import process_started

__all__ = ["ReplicaState", "ServiceState", "UpState", "now", "replica_order"]


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
    pid_started: float | None = None
    health_url: str | None = None
    """HEALTH_PORT's /healthz, /status and /metrics (berth ps, berth top)."""


@dataclass(frozen=True)
class ServiceState:
    pid: int | None
    status: str
    address: str
    pid_started: float | None = None


class UpState:
    """Writes ``up.json``; thread-safe, since every replica's supervisor thread reports to it."""

    def __init__(self, path: Path, url: str, image: Path | None = None) -> None:
        self.path = path
        self._url = url
        self._image = image
        self._started = now()
        self._status = "starting"
        self._replicas: dict[str, ReplicaState] = {}
        self._services: dict[str, ServiceState] = {}
        self._pid_started = process_started(os.getpid())
        self._lock = threading.Lock()

    def set_image(self, image: Path) -> None:
        with self._lock:
            self._image = image
            self._write()

    def set_status(self, status: str) -> None:
        with self._lock:
            self._status = status
            self._write()

    def set_replica(self, replica: ReplicaState) -> None:
        with self._lock:
            self._replicas[replica.name] = replica
            self._write()

    def set_service(self, name: str, pid: int | None, status: str, address: str) -> None:
        started = process_started(pid) if pid is not None else None
        with self._lock:
            self._services[name] = ServiceState(pid, status, address, started)
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
                "pid_started": self._pid_started,
                "url": self._url,
                "image": str(self._image) if self._image else None,
                "status": self._status,
                "started": self._started,
                "replicas": [
                    vars(replica)
                    for _, replica in sorted(
                        self._replicas.items(), key=lambda item: replica_order(item[0])
                    )
                ],
                "services": {name: vars(service) for name, service in self._services.items()},
            },
        )


def replica_order(name: str) -> tuple[str, int]:
    """Sort key of replica names: web-2 before web-10."""
    base, _, number = name.rpartition("-")
    return (base, int(number)) if number.isdigit() else (name, 0)
