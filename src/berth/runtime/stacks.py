"""The Python stack of every thread of every worker, taken inside each worker by ``faulthandler``.

Each worker registers faulthandler on a real-time signal that gunicorn leaves alone, writing to
a file of its own. Asked for stacks (``/stacks`` on HEALTH_PORT), a probe thread empties each
worker's file, signals the worker and reads what it wrote. faulthandler writes from its C
signal handler, without taking the GIL, so a worker stuck in a C call, or holding the GIL in
a Python loop, still shows where it is; no ptrace and no extra capability is needed.
"""

from __future__ import annotations

import faulthandler
import os
import re
import signal
import tempfile
import time
from pathlib import Path
from typing import IO, Any

import psutil

__all__ = ["SIGNAL", "arm", "disarm", "dump", "parse"]

# Real-time signals are no part of gunicorn's protocol (HUP, TTIN, TTOU, USR1, USR2, WINCH,
# QUIT, INT, TERM, ABRT, CHLD). Outside Linux there are none: no stacks there.
SIGNAL: int | None = signal.SIGRTMIN + 3 if hasattr(signal, "SIGRTMIN") else None
_FOLDER = Path("/dev/shm") if os.path.isdir("/dev/shm") else Path(tempfile.gettempdir())
_THREAD = re.compile(r"^(?P<current>Current thread|Thread) (?P<id>0x[0-9a-f]+)")
_FRAME = re.compile(r'^\s+File "(?P<file>.*)", line (?P<line>\d+) in (?P<function>.*)$')
_open: list[IO[str]] = []  # the worker's own file, kept open for the handler


def stack_file(pid: int) -> Path:
    return _FOLDER / f"berth-stacks-{pid}"


def arm(pid: int) -> None:
    """In a worker: dump every thread's stack into its file on SIGNAL."""
    if SIGNAL is None:
        return
    # Appending: after the reader empties the file, a dump starts at its beginning again.
    handle = stack_file(pid).open("a", encoding="utf-8")
    faulthandler.register(SIGNAL, file=handle, all_threads=True, chain=False)
    _open.append(handle)


def disarm(pid: int) -> None:
    """In the master, when a worker exited: remove its file."""
    stack_file(pid).unlink(missing_ok=True)


def dump(pids: list[int], master_pid: int, time_bound: float = 1.0) -> dict[int, list[Any]]:
    """Each worker's threads (``parse``'s form), for the workers that answered in time."""
    if SIGNAL is None:
        return {}
    asked = []
    for pid in pids:
        try:
            # Only a child of this replica's master: a pid reused by another process must never
            # get a signal whose default action ends it.
            if psutil.Process(pid).ppid() != master_pid:
                continue
            with stack_file(pid).open("r+", encoding="utf-8") as emptied:
                emptied.truncate(0)
                # This worker dumps itself here, holding the GIL: signalled, its handler would
                # walk the threads without it while this worker's request threads come and go,
                # which crashed the worker (one restart in about 20 /stacks).
                if pid == os.getpid():
                    faulthandler.dump_traceback(emptied, all_threads=True)
            if pid != os.getpid():
                os.kill(pid, SIGNAL)
        except (OSError, psutil.Error):
            continue
        asked.append(pid)
    texts: dict[int, str] = {}
    deadline = time.monotonic() + time_bound
    while asked and time.monotonic() < deadline:
        time.sleep(0.02)
        for pid in list(asked):
            text = stack_file(pid).read_text(encoding="utf-8", errors="replace")
            # Complete once it stops growing: the handler writes it in one go, in a few ms.
            if text and texts.get(pid) == text:
                asked.remove(pid)
            texts[pid] = text
    return {pid: parse(text) for pid, text in texts.items() if text}


def parse(text: str) -> list[dict[str, Any]]:
    """faulthandler's dump as threads, each with its frames, the innermost call first."""
    threads: list[dict[str, Any]] = []
    for line in text.splitlines():
        thread = _THREAD.match(line)
        if thread:
            threads.append(
                {
                    "thread": thread.group("id"),
                    "current": thread.group("current") == "Current thread",
                    "frames": [],
                }
            )
            continue
        frame = _FRAME.match(line)
        if frame and threads:
            threads[-1]["frames"].append(
                {
                    "file": frame.group("file"),
                    "line": int(frame.group("line")),
                    "function": frame.group("function"),
                }
            )
    return threads
