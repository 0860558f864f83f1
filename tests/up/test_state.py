"""up.json: what the running berth up serves, rewritten whole on every change, gone at exit."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from berth.services.processes import process_started
from berth.up.state import ReplicaState, UpState


def _replica(name: str, *, ready: bool) -> ReplicaState:
    return ReplicaState(
        name, "http://127.0.0.1:1", 1, ready, f"/tmp/{name}/app", "2026-01-01T00:00:00Z"
    )


def test_replicas_are_listed_in_order_and_removed_at_exit(tmp_path: Path) -> None:
    state = UpState(tmp_path / "up.json", "http://127.0.0.1:8000")
    state.set_status("starting")
    for name in ("web-10", "web-2", "web-1"):
        state.set_replica(_replica(name, ready=False))
    state.set_replica(_replica("web-2", ready=True))
    state.drop_replica("web-10")
    state.set_status("ready")

    written = json.loads((tmp_path / "up.json").read_text())
    assert written["pid"] == os.getpid()
    assert written["url"] == "http://127.0.0.1:8000"
    assert written["status"] == "ready"
    assert written["started"].endswith("Z")
    assert [(r["name"], r["ready"]) for r in written["replicas"]] == [
        ("web-1", False),
        ("web-2", True),
    ]
    assert set(written["replicas"][0]) == {
        "name",
        "url",
        "pid",
        "pid_started",
        "ready",
        "tree",
        "started",
        "health_url",
    }
    # The process's start time beside its pid: what proves a pid is still this berth up.
    assert written["pid_started"] == pytest.approx(process_started(os.getpid()))
    assert [p.name for p in tmp_path.iterdir()] == ["up.json"]  # no temporary file left

    state.remove()
    state.remove()
    assert list(tmp_path.iterdir()) == []


def test_services_are_listed_with_their_process_and_state(tmp_path: Path) -> None:
    state = UpState(tmp_path / "up.json", "http://127.0.0.1:8000")
    state.set_service("postgres", os.getpid(), "running", "127.0.0.1:5432")
    state.set_service("s3", None, "restarting", "http://127.0.0.1:9000")
    services = json.loads((tmp_path / "up.json").read_text())["services"]
    assert services["postgres"]["pid_started"] == pytest.approx(process_started(os.getpid()))
    assert services["s3"] == {
        "pid": None,
        "pid_started": None,
        "status": "restarting",
        "address": "http://127.0.0.1:9000",
    }
