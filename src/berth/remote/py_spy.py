"""py-spy's dump of a worker, run where the worker is (here for berth up, through the
replica's exec channel elsewhere): native frames and local variables, which need ptrace."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from berth.config.masking import MASK, mask_text
from berth.remote.commands import SECRET_NAME
from berth.remote.environments import DeploymentEnvironment
from berth.remote.replicas import CHANNEL_SECONDS, run_bounded

__all__ = ["py_spy_threads"]

# Seconds py-spy may take for one worker: it stops the worker while it reads its stacks
# (milliseconds; --native unwinds C frames too, and may take longer).
PY_SPY_SECONDS = 5.0
_DENIED = ("permission denied", "operation not permitted")
_HINT = "ptrace refused: berth init --ptrace, docs/deploy.md"


def py_spy_threads(
    environment: DeploymentEnvironment, pid: int, *, native: bool, with_locals: bool
) -> tuple[list[dict[str, Any]] | None, str | None]:
    """Worker ``pid``'s threads, each ``{"thread", "name", "active", "frames"}`` with frames
    innermost first (``{"file", "line", "function"}``, and ``"locals"`` with ``with_locals``:
    name → repr, masked when the name or a URL's password says secret); or None and why."""
    args = [_program(environment), "dump", "--pid", str(pid), "--json"]
    args += ["--native"] * native + ["--locals"] * with_locals
    out, problem = run_bounded(environment.command(*args), PY_SPY_SECONDS + CHANNEL_SECONDS)
    if problem is not None:
        if any(word in problem.lower() for word in _DENIED):
            problem = f"{problem} ({_HINT})"
        return None, f"py-spy: {problem.removeprefix('unreachable: ')}"
    try:
        dumped = json.loads(out)
    except ValueError:
        return None, "py-spy: its output is not JSON"
    if not isinstance(dumped, list):
        return None, "py-spy: its output is not a list of threads"
    return [_thread(thread, with_locals) for thread in dumped if isinstance(thread, dict)], None


def _program(environment: DeploymentEnvironment) -> str:
    if environment.exec_prefix:
        return "py-spy"
    # Here (berth up): the py-spy installed beside the running berth, else the one on PATH.
    beside = Path(sys.executable).parent / "py-spy"
    return str(beside) if beside.is_file() else "py-spy"


def _thread(thread: dict[str, Any], with_locals: bool) -> dict[str, Any]:
    ident = thread.get("thread_id")
    return {
        "thread": f"0x{ident:016x}" if isinstance(ident, int) else None,
        "name": thread.get("thread_name"),
        "active": thread.get("active"),
        "frames": [_frame(frame, with_locals) for frame in thread.get("frames") or []],
    }


def _frame(frame: dict[str, Any], with_locals: bool) -> dict[str, Any]:
    shown: dict[str, Any] = {
        "file": frame.get("filename"),
        "line": frame.get("line"),
        "function": frame.get("name"),
    }
    if with_locals:
        shown["locals"] = {
            str(variable.get("name")): _value(str(variable.get("name")), variable.get("repr"))
            for variable in frame.get("locals") or []
        }
    return shown


def _value(name: str, value: object) -> str | None:
    # A password in a variable named for it, or in a URL, is never shown; other values are.
    if value is None:
        return None
    return MASK if SECRET_NAME.search(name) else mask_text(str(value))
