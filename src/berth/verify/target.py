"""What berth verify drives: the replicas of a running ``berth up``, or URLs given by hand."""

from __future__ import annotations

import json
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from berth.errors import BerthError, ServiceError
from berth.up.datadir import DATA_DIR_NAME, DataDir
from berth.verify.operator import Operator

__all__ = ["Replica", "Target", "TargetError"]

_POLL_SECONDS = 0.2


class TargetError(BerthError):
    """Nothing to verify: no running berth up, or too few replicas."""


@dataclass(frozen=True)
class Replica:
    name: str
    url: str
    pid: int | None = None


@dataclass(frozen=True)
class Target:
    replicas: tuple[Replica, ...]
    up_pid: int | None = None
    """The berth up process, which restarts every replica on SIGUSR1; None for bare URLs."""
    root: Path | None = None
    """The project folder that berth up runs in; None for bare URLs."""

    @classmethod
    def from_urls(cls, urls: list[str]) -> Target:
        return cls(tuple(Replica(f"replica-{n}", url) for n, url in enumerate(urls, 1)))

    @classmethod
    def from_up(cls, root: Path) -> Target:
        data = DataDir(root)
        state = data.running_state()
        if state is None:
            # A berth up that holds the folder's lock, proven by its pid and start time: never
            # a pid from a file a killed one left, which may name another process by now.
            raise TargetError(
                f"no berth up is running in {root} (none holds {DATA_DIR_NAME}/up.lock with the "
                f"process {data.state_file.relative_to(root)} names): start one, or pass replica "
                "URLs with --replica"
            )
        pid = int(str(state["pid"]))
        if state.get("status", "ready") != "ready":
            raise TargetError(
                f"the berth up in {root} is {state['status']}: run berth verify once it says ready"
            )
        replicas = tuple(
            Replica(str(r["name"]), str(r["url"]), int(r["pid"]) if r.get("pid") else None)
            for r in state["replicas"]  # type: ignore[attr-defined]
        )
        return cls(replicas, pid, root)

    def operator(self, replica: Replica) -> Operator | None:
        """The way into ``replica`` for what has no URL; None for replicas given as URLs."""
        return Operator(self.root, replica.name) if self.root is not None else None

    @property
    def can_restart(self) -> bool:
        return self.up_pid is not None

    def restart_all(self, timeout: float = 120) -> Target:
        """Have berth up replace every replica with a fresh one; the new target once all serve."""
        assert self.up_pid is not None and self.root is not None
        before = {replica.pid for replica in self.replicas}
        data = DataDir(self.root)
        running = data.running_state()
        if running is None or running.get("pid") != self.up_pid:
            raise TargetError("the berth up that was verified is not running any more")
        os.kill(self.up_pid, signal.SIGUSR1)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = _read_state(data.state_file)
            if state is not None and state.get("status", "ready") == "ready":
                fresh = Target.from_up(self.root)
                pids = {replica.pid for replica in fresh.replicas}
                if (
                    len(fresh.replicas) == len(self.replicas)
                    and not pids & before
                    and all(_ready(replica.url) for replica in fresh.replicas)
                ):
                    return fresh
            time.sleep(_POLL_SECONDS)
        raise ServiceError(f"the replicas were not all back within {timeout:g} s of the restart")


def _read_state(path: Path) -> dict[str, Any] | None:
    try:
        state = json.loads(path.read_text())
    except (OSError, ValueError):
        return None
    return state if isinstance(state, dict) else None


def _ready(url: str) -> bool:
    try:
        return requests.get(url.rstrip("/") + "/readyz", timeout=2).status_code == 200
    except requests.RequestException:
        return False
