"""The terminal of ``berth up``: replicas' log lines pretty-printed and prefixed, and berth's own.

Every replica's output goes through one lock, a line at a time, so that lines of several
replicas interleave but never mix. berth's own lines read ``berth | …``.
"""

from __future__ import annotations

import sys
import threading
from typing import TextIO

from berth.remote.log_lines import format_line, parse_line

__all__ = ["Console"]

_OWN_NAME = "berth"


class Console:
    def __init__(self, stream: TextIO | None = None, *, names: tuple[str, ...] = ()) -> None:
        self._stream = stream or sys.stdout
        self._color = self._stream.isatty()
        self._width = max((len(name) for name in (_OWN_NAME, *names)), default=0)
        self._lock = threading.Lock()

    def say(self, text: str) -> None:
        """One line of berth's own, e.g. ``berth | ready: http://127.0.0.1:8000 (2 replicas)``."""
        gutter = f"{_OWN_NAME:<{self._width}} |"
        if self._color:
            gutter = f"\x1b[1m{gutter}\x1b[0m"
        self._write(f"{gutter} {text}")

    def replica_line(self, name: str, raw: str) -> None:
        """One line a replica (or a start-up step) wrote, pretty-printed when it is berth's JSON."""
        self._write(format_line(parse_line(name, raw), color=self._color, width=self._width))

    def _write(self, text: str) -> None:
        with self._lock:
            try:
                self._stream.write(text + "\n")
                self._stream.flush()
            except (BrokenPipeError, ValueError):
                # `berth up | head` closed the pipe, or stdout is gone: the replicas must
                # keep serving, and their files in .berth/logs still get every line.
                pass
