"""What each of a running ``berth up``'s replicas says it is doing: ``/status`` (or ``/stacks``)
on its HEALTH_PORT.

Every replica is asked at once, each within a time bound, so a stuck replica never delays the
others: it comes back as a report saying it could not be reached, and why.
"""

from __future__ import annotations

import json
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from berth.up.attach import NotRunning
from berth.up.datadir import DataDir

__all__ = ["ReplicaReport", "ask_replicas", "running_replicas"]

# Seconds one replica may take to answer: its probe thread answers within milliseconds even
# while every worker is busy, so longer means stuck or gone.
TIME_BOUND = 1.0


@dataclass(frozen=True)
class ReplicaReport:
    """One replica: its entry in up.json, and its /status or why there is none."""

    name: str
    ready: bool
    pid: int
    status: dict[str, Any] | None
    problem: str | None


def running_replicas(project: Path) -> list[dict[str, Any]]:
    """The replicas of the berth up running in ``project``, as up.json lists them."""
    state = DataDir(project).running_state()
    if state is None:
        raise NotRunning(f"no berth up is running in {project}: start one with `berth up`")
    replicas = state.get("replicas")
    return [r for r in replicas if isinstance(r, dict)] if isinstance(replicas, list) else []


def ask_replicas(
    replicas: list[dict[str, Any]], time_bound: float = TIME_BOUND, path: str = "/status"
) -> list[ReplicaReport]:
    """Each replica's answer at ``path`` (JSON), asked in parallel, in the order given."""
    if not replicas:
        return []
    pool = ThreadPoolExecutor(max_workers=len(replicas), thread_name_prefix="berth-ask")
    try:
        futures = [pool.submit(_ask, replica, time_bound, path) for replica in replicas]
        # The socket timeout bounds each read, not a replica that trickles its answer: the
        # deadline bounds the whole.
        deadline = time.monotonic() + time_bound + 0.2
        reports = []
        for replica, future in zip(replicas, futures, strict=True):
            try:
                reports.append(future.result(timeout=max(0.0, deadline - time.monotonic())))
            except TimeoutError:
                reports.append(_report(replica, None, f"no answer within {time_bound:.1f} s"))
        return reports
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _report(
    replica: dict[str, Any], status: dict[str, Any] | None, problem: str | None
) -> ReplicaReport:
    pid = replica.get("pid")
    return ReplicaReport(
        str(replica.get("name")),
        bool(replica.get("ready")),
        pid if isinstance(pid, int) else 0,
        status,
        problem,
    )


def _ask(replica: dict[str, Any], time_bound: float, path: str) -> ReplicaReport:
    health = replica.get("health_url")
    if not isinstance(health, str):
        # Started by a berth up from before /status: it has nowhere to ask.
        return _report(replica, None, "no HEALTH_PORT in up.json")
    try:
        with urllib.request.urlopen(f"{health}{path}", timeout=time_bound) as answer:
            status = json.loads(answer.read())
    except (OSError, ValueError) as error:
        return _report(replica, None, f"unreachable: {getattr(error, 'reason', error)}")
    if not isinstance(status, dict):
        return _report(replica, None, f"its {path} is not a JSON object")
    return _report(replica, status, None)
