"""berth up's log files (``.berth/logs/<replica>.log``): read from a time on, or followed from their end.

A replica's file only grows, in time order, and may be large: following starts at its end,
and a start time is found by bisecting the file, so neither reads what it will not show.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from berth.remote.log_lines import LogLine, merge_by_time, parse_line

__all__ = ["Tail", "follow_folder", "log_files", "offset_since", "read_folder"]

POLL_SECONDS = 0.2


def log_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.log"))


def read_folder(folder: Path, since: datetime | None = None) -> Iterator[LogLine]:
    """Every replica's lines (from ``since`` on, when given), merged by time."""
    return merge_by_time(_read_file(path, since) for path in log_files(folder))


def follow_folder(folder: Path, since: datetime | None = None) -> Iterator[list[LogLine]]:
    """Batches of new lines, merged by time, forever (every ``POLL_SECONDS``).

    The files there now are followed from their end, or from ``since``; a file that appears
    later (a new replica) from its beginning.
    """
    tails = {
        path: Tail(path, offset_since(path, since) if since else _size(path))
        for path in log_files(folder)
    }
    while True:
        for path in log_files(folder):
            tails.setdefault(path, Tail(path))
        yield list(merge_by_time(tail.read_new() for tail in tails.values()))
        time.sleep(POLL_SECONDS)


def offset_since(path: Path, since: datetime) -> int:
    """The byte offset of the first line of ``path`` logged at ``since`` or later.

    Bisects over byte offsets: a line's "time" is that of the first timed line at or after
    it, which never decreases through a file written in time order.
    """
    try:
        file = path.open("rb")
    except FileNotFoundError:
        return 0
    with file:
        low, high = 0, os.fstat(file.fileno()).st_size
        while low < high:
            middle = (low + high) // 2
            moment = _next_time(file, _line_start(file, middle))
            if moment is None or moment >= since:
                high = middle
            else:
                low = middle + 1
        return _line_start(file, low)


def _line_start(file: BinaryIO, offset: int) -> int:
    """The first line start at or after ``offset``."""
    if offset == 0:
        return 0
    file.seek(offset - 1)
    file.readline()
    return file.tell()


def _next_time(file: BinaryIO, offset: int) -> datetime | None:
    file.seek(offset)
    for raw in file:
        moment = parse_line("", raw.decode("utf-8", errors="replace")).time
        if moment is not None:
            return moment
    return None


def _read_file(path: Path, since: datetime | None) -> Iterator[LogLine]:
    offset = offset_since(path, since) if since else 0
    with path.open("rb") as file:
        file.seek(offset)
        for raw in file:
            yield parse_line(path.stem, raw.decode("utf-8", errors="replace"))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        return 0


@dataclass
class Tail:
    """Follows one replica's log file: each call returns the complete lines appended since the last."""

    path: Path
    offset: int = 0
    partial: bytes = field(default=b"", repr=False)

    def read_new(self) -> list[LogLine]:
        try:
            with self.path.open("rb") as file:
                if os.fstat(file.fileno()).st_size < self.offset:
                    # Truncated or replaced: start over rather than wait for it to regrow.
                    self.offset, self.partial = 0, b""
                file.seek(self.offset)
                data = file.read()
        except FileNotFoundError:
            return []
        self.offset += len(data)
        *complete, self.partial = (self.partial + data).split(b"\n")
        return [
            parse_line(self.path.stem, raw.decode("utf-8", errors="replace")) for raw in complete
        ]
