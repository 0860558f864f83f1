"""Progress of a transfer: a rich bar on a terminal, a plain line now and then otherwise."""

from __future__ import annotations

import sys
import threading
import time
from types import TracebackType
from typing import Self, TextIO

__all__ = ["Progress", "human_bytes"]

# Plain lines (logs, CI, pipes) at most this often, so a long pull shows it is alive
# without flooding the log.
_PLAIN_EVERY = 10.0


def human_bytes(count: float) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if abs(count) < 1000 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    raise AssertionError("unreachable")


class Progress:
    """Counts bytes (and, for media, files) of one transfer, and shows them.

    ``total`` bytes, when known, gives an ETA; ``enabled=None`` means "a bar if stderr is a
    terminal". ``with`` shows the bar and, on leaving, clears it.
    """

    def __init__(
        self,
        label: str,
        *,
        total: int | None = None,
        files: int | None = None,
        enabled: bool | None = None,
        stream: TextIO | None = None,
    ) -> None:
        self.label = label
        self.total = total
        self.files_total = files
        self.bytes = 0
        self.files = 0
        self.started = time.monotonic()
        self._stream = stream or sys.stderr
        terminal = self._stream.isatty() if enabled is None else enabled
        self._bar: object | None = None
        self._task: object | None = None
        self._terminal = terminal
        self._last_line = self.started
        # Up to --transfers threads advance one Progress: `+=` reads and writes apart.
        self._lock = threading.Lock()

    def __enter__(self) -> Self:
        if self._terminal:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                DownloadColumn,
                TextColumn,
                TimeRemainingColumn,
                TransferSpeedColumn,
            )
            from rich.progress import Progress as Bar

            # Files are counted in the description: the bar's own count is bytes.
            columns = [
                TextColumn("{task.description}"),
                BarColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                TimeRemainingColumn(),
            ]
            bar = Bar(*columns, console=Console(file=self._stream), transient=True)
            bar.start()
            self._task = bar.add_task(self._description(), total=self.total)
            self._bar = bar
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()  # type: ignore[attr-defined]
            self._bar = None

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    @property
    def rate(self) -> float:
        return self.bytes / self.elapsed if self.elapsed > 0 else 0.0

    def advance(self, count: int, files: int = 0) -> None:
        with self._lock:  # only the counts: a thread preempted while holding it stalls the rest
            self.bytes += count
            self.files += files
        if self._bar is not None:
            self._bar.update(self._task, completed=self.bytes, description=self._description())  # type: ignore[attr-defined]
            return
        now = time.monotonic()
        if now - self._last_line >= _PLAIN_EVERY:
            self._last_line = now
            self._stream.write(f"berth: {self.label}: {self.status()}\n")
            self._stream.flush()

    def _description(self) -> str:
        if self.files_total is None:
            return self.label
        return f"{self.label} {self.files}/{self.files_total} files"

    def status(self) -> str:
        parts = [human_bytes(self.bytes)]
        if self.total:
            parts[0] += f" of {human_bytes(self.total)}"
        if self.files_total is not None:
            parts.append(f"{self.files}/{self.files_total} files")
        parts.append(f"{human_bytes(self.rate)}/s")
        if self.total and self.rate > 0 and self.bytes < self.total:
            parts.append(f"ETA {int((self.total - self.bytes) / self.rate)} s")
        return ", ".join(parts)
