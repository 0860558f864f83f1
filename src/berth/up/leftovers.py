"""What a killed ``berth up`` left running: found by the up.json it left, proven, and stopped.

Its children are tethered to it and die with it, so this is for what the tether cannot cover
(a berth up killed while it started a process, another operating system's watchdog). A pid
from the file counts only while it still belongs to the process that started at the time the
file gives: pids are reused, and signalling a stranger is worse than leaving a stray.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
from pathlib import Path
from typing import Any

from berth.services.processes import is_same_process
from berth.up.console import Console
from berth.up.tree import SCRATCH_PREFIX, remove_tree

__all__ = ["stop_leftovers"]

_GRACE_SECONDS = 3.0
# How each kind stops at once without losing data: PostgreSQL's immediate shutdown (crash
# recovery at the next start), the others' fast one.
_STOP_SIGNALS = {"postgres": signal.SIGQUIT}


def stop_leftovers(state_file: Path, console: Console) -> None:
    """Stop the processes ``state_file`` names that still run; say so in one line."""
    try:
        state = json.loads(state_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if not isinstance(state, dict):
        return
    found = [
        (label, pid) for label, pid, started in _processes(state) if is_same_process(pid, started)
    ]
    if found:
        import psutil

        processes = []
        for label, pid in found:
            with contextlib.suppress(psutil.Error, OSError):
                process = psutil.Process(pid)
                # Replicas lead a process group (their gunicorn workers); the others stand alone.
                family = [process, *process.children(recursive=True)]
                for member in family:
                    member.send_signal(_STOP_SIGNALS.get(label, signal.SIGTERM))
                processes.extend(family)
        gone, alive = psutil.wait_procs(processes, timeout=_GRACE_SECONDS)
        for process in alive:
            with contextlib.suppress(psutil.Error):
                process.kill()
        psutil.wait_procs(alive, timeout=_GRACE_SECONDS)
        named = ", ".join(f"{label} (pid {pid})" for label, pid in found)
        console.say(f"stopped what a killed berth up left running: {named}")
    _remove_trees(state)
    with contextlib.suppress(FileNotFoundError):
        state_file.unlink()


def _remove_trees(state: dict[str, Any]) -> None:
    # The killed run's image and replica trees, in the temporary folder it made for them.
    image = state.get("image")
    if isinstance(image, str) and Path(image).name == "image":
        scratch = Path(image).parent
        if scratch.name.startswith(SCRATCH_PREFIX) and scratch.is_dir():
            remove_tree(scratch)


def _processes(state: dict[str, Any]) -> list[tuple[str, int, float | None]]:
    listed: list[tuple[str, int, float | None]] = []
    for replica in state.get("replicas") or []:
        if isinstance(replica, dict) and isinstance(replica.get("pid"), int):
            listed.append((str(replica.get("name")), replica["pid"], replica.get("pid_started")))
    for name, service in (state.get("services") or {}).items():
        if isinstance(service, dict) and isinstance(service.get("pid"), int):
            listed.append((str(name), service["pid"], service.get("pid_started")))
    return [entry for entry in listed if entry[1] != os.getpid()]
