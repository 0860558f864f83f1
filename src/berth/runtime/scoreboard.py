"""The replica's scoreboard: what each gunicorn worker serves now, its counters and latencies.

gunicorn's master maps one small shared array before it forks; each worker owns one slot of it
and writes only that slot, from gunicorn's ``pre_request`` and ``post_request`` hooks (a few
index assignments per request: no lock, no system call). Any worker's probe thread reads every
slot to answer ``/status`` and ``/metrics`` on HEALTH_PORT (:mod:`berth.runtime.status`), so
the answer covers the whole replica whichever worker accepts the connection. The master counts
the workers that exited and keeps their counters, so the replica's totals never go back.
Besides the totals, each slot keeps the last minute as six 10-second windows (answers,
histogram, the window's slowest request), reused in turn: what ``berth top`` shows.

A slot is written by one process only; a reader retries while its sequence number is odd or
moves (a seqlock), so it never shows half of one request and half of the next.
"""

from __future__ import annotations

import mmap
import re
import time
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from berth.config.masking import MASK

__all__ = [
    "BUCKETS",
    "CLASSES",
    "RECENT_SECONDS",
    "Recent",
    "Scoreboard",
    "Totals",
    "WorkerView",
    "safe_path",
]

# Upper bounds (seconds) of the latency histogram; the last bucket is everything above.
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
CLASSES = ("1xx", "2xx", "3xx", "4xx", "5xx")

_WORD = 8
_METHOD_BYTES = 8
_PATH_BYTES = 240
# A slot, in 8-byte words: seq, pid, booted, current request's start (0: idle), last answer,
# the answers per status class, the histogram (one count per bucket plus the overflow), the
# latencies' sum; then the method and path as bytes.
_SEQ, _PID, _BOOTED, _START, _LAST = 0, 1, 2, 3, 4
_CLASS0 = 5
_BUCKET0 = _CLASS0 + len(CLASSES)
_SUM = _BUCKET0 + len(BUCKETS) + 1
_TEXT = _SUM + 1
_WINDOW0 = _TEXT + (_METHOD_BYTES + _PATH_BYTES) // _WORD
# A window: its number (time // its length), answers per class, histogram, sum, and its
# slowest request's seconds and "METHOD path".
_WINDOWS = 6
WINDOW_SECONDS = 10
RECENT_SECONDS = _WINDOWS * WINDOW_SECONDS
_SLOW_BYTES = 120
_W_ID, _W_CLASS0 = 0, 1
_W_BUCKET0 = _W_CLASS0 + len(CLASSES)
_W_SUM = _W_BUCKET0 + len(BUCKETS) + 1
_W_SLOWEST = _W_SUM + 1
_W_TEXT = _W_SLOWEST + 1
_WINDOW_WORDS = _W_TEXT + _SLOW_BYTES // _WORD
_SLOT_WORDS = _WINDOW0 + _WINDOWS * _WINDOW_WORDS
# The header: master pid, start time, workers exited, and the exited workers' counters laid
# out as a slot's (classes, histogram, sum) so one reader adds both.
_H_MASTER, _H_STARTED, _H_EXITED = 0, 1, 2
_HEADER_WORDS = _SLOT_WORDS

# A run of 16+ token characters mixing letters and digits: a reset token, a signed id, an API
# key in the path. Hashed static names (12 hex digits) and words stay readable.
_TOKEN_RUN = re.compile(r"[A-Za-z0-9_\-~%+=]{16,}")


def safe_path(raw: str) -> str:
    """``raw`` (a request's path) without its query string, decoded, secret-looking runs masked."""
    path = unquote(raw.split("?", 1)[0].split("#", 1)[0], errors="replace")
    return _TOKEN_RUN.sub(_mask_run, path)


def _mask_run(match: re.Match[str]) -> str:
    run = match.group()
    letters = any(c.isalpha() for c in run)
    digits = any(c.isdigit() for c in run)
    return MASK if (letters and digits) or len(run) >= 32 else run


@dataclass(frozen=True)
class Totals:
    """Answers per status class, the latency histogram (counts per bucket, overflow last), sum."""

    classes: tuple[int, ...]
    buckets: tuple[int, ...]
    seconds: float

    def __add__(self, other: Totals) -> Totals:
        return Totals(
            tuple(a + b for a, b in zip(self.classes, other.classes, strict=True)),
            tuple(a + b for a, b in zip(self.buckets, other.buckets, strict=True)),
            self.seconds + other.seconds,
        )


@dataclass(frozen=True)
class Recent:
    """The last minute (the windows still current): totals, and each window's slowest request."""

    totals: Totals
    slowest: tuple[tuple[float, str], ...]
    since: float
    """When the oldest window counted began (a time.time())."""


@dataclass(frozen=True)
class WorkerView:
    """One worker as its slot showed it."""

    slot: int
    pid: int
    booted: float
    method: str | None
    path: str | None
    started: float | None
    last_answer: float | None
    totals: Totals
    recent: Recent


class Scoreboard:
    """The shared array; made in the master before it forks, inherited by every worker."""

    def __init__(self, slots: int) -> None:
        self.slots = slots
        self._map = mmap.mmap(-1, (_HEADER_WORDS + slots * _SLOT_WORDS) * _WORD)
        self._raw = memoryview(self._map)
        self._ints = self._raw.cast("q")
        self._floats = self._raw.cast("d")
        self._claimed: dict[int, int] = {}  # the master's: slot -> worker age
        self._mine = -1  # a worker's own slot
        self._began = 0.0
        self._current = b""  # "METHOD path" of the request being served, for the slowest

    # The master's side ------------------------------------------------------------------

    def open(self, master_pid: int) -> None:
        self._ints[_H_MASTER] = master_pid
        self._floats[_H_STARTED] = time.time()

    def claim(self, age: int) -> int:
        """A free slot for the worker about to fork (-1 when every slot is taken)."""
        for slot in range(self.slots):
            if slot not in self._claimed:
                self._claimed[slot] = age
                return slot
        return -1

    def release(self, slot: int) -> None:
        """A worker exited: count it, keep its counters in the header, free its slot."""
        self._ints[_H_EXITED] += 1
        if slot < 0:
            return
        base = self._base(slot)
        for offset in range(_CLASS0, _SUM):
            self._ints[offset] += self._ints[base + offset]
        self._floats[_SUM] += self._floats[base + _SUM]
        self._raw[base * _WORD : (base + _SLOT_WORDS) * _WORD] = bytes(_SLOT_WORDS * _WORD)
        self._claimed.pop(slot, None)

    # A worker's side (its request thread) -----------------------------------------------

    def attach(self, slot: int, pid: int) -> None:
        self._mine = slot
        if slot >= 0:
            base = self._base(slot)
            self._floats[base + _BOOTED] = time.time()
            self._ints[base + _PID] = pid

    def begin(self, method: str, path: str) -> None:
        if self._mine < 0:
            return
        base = self._base(self._mine)
        text = (base + _TEXT) * _WORD
        self._began = time.perf_counter()
        shown = safe_path(path)
        head = method.encode("ascii", "replace")[:_METHOD_BYTES]
        encoded = shown.encode("utf-8", "replace")
        record = head.ljust(_METHOD_BYTES, b"\0") + encoded[:_PATH_BYTES].ljust(_PATH_BYTES, b"\0")
        self._current = head + b" " + encoded
        self._ints[base + _SEQ] += 1
        self._raw[text : text + _METHOD_BYTES + _PATH_BYTES] = record
        self._floats[base + _START] = time.time()
        self._ints[base + _SEQ] += 1

    def end(self, status: int | None) -> None:
        if self._mine < 0:
            return
        base = self._base(self._mine)
        seconds = time.perf_counter() - self._began
        # No status: the application raised and gunicorn answered 500 itself.
        klass = min(max((status or 500) // 100, 1), 5) - 1
        bucket = bisect_left(BUCKETS, seconds)  # the first bound >= seconds, else the overflow
        now = time.time()
        number = int(now // WINDOW_SECONDS)
        window = base + _WINDOW0 + (number % _WINDOWS) * _WINDOW_WORDS
        self._ints[base + _SEQ] += 1
        self._ints[base + _CLASS0 + klass] += 1
        self._ints[base + _BUCKET0 + bucket] += 1
        self._floats[base + _SUM] += seconds
        if self._ints[window + _W_ID] != number:
            # The window's previous use is a minute old: it starts again.
            start = window * _WORD
            self._raw[start : start + _WINDOW_WORDS * _WORD] = bytes(_WINDOW_WORDS * _WORD)
            self._ints[window + _W_ID] = number
        self._ints[window + _W_CLASS0 + klass] += 1
        self._ints[window + _W_BUCKET0 + bucket] += 1
        self._floats[window + _W_SUM] += seconds
        if seconds > self._floats[window + _W_SLOWEST]:
            self._floats[window + _W_SLOWEST] = seconds
            text = (window + _W_TEXT) * _WORD
            self._raw[text : text + _SLOW_BYTES] = self._current[:_SLOW_BYTES].ljust(
                _SLOW_BYTES, b"\0"
            )
        self._floats[base + _START] = 0.0
        self._floats[base + _LAST] = now
        self._ints[base + _SEQ] += 1

    # Any reader ---------------------------------------------------------------------------

    @property
    def master_pid(self) -> int:
        return int(self._ints[_H_MASTER])

    @property
    def started(self) -> float:
        return float(self._floats[_H_STARTED])

    @property
    def workers_exited(self) -> int:
        return int(self._ints[_H_EXITED])

    def exited_totals(self) -> Totals:
        return self._totals(0)

    def workers(self) -> list[WorkerView]:
        """Every live worker's slot, each read whole (retried while its worker writes it)."""
        views = []
        for slot in range(self.slots):
            view = self._read(slot)
            if view is not None:
                views.append(view)
        return views

    def _read(self, slot: int) -> WorkerView | None:
        base = self._base(slot)
        view = None
        for _ in range(100):
            seq = self._ints[base + _SEQ]
            if seq % 2:
                time.sleep(0)
                continue
            view = self._view(slot, base)
            if self._ints[base + _SEQ] == seq:
                break
        return view if view is not None and view.pid else None

    def _view(self, slot: int, base: int) -> WorkerView:
        text = (base + _TEXT) * _WORD
        started = float(self._floats[base + _START])
        last = float(self._floats[base + _LAST])
        method = path = None
        if started:
            method = _text(self._raw[text : text + _METHOD_BYTES])
            path = _text(self._raw[text + _METHOD_BYTES : text + _METHOD_BYTES + _PATH_BYTES])
        return WorkerView(
            slot=slot,
            pid=int(self._ints[base + _PID]),
            booted=float(self._floats[base + _BOOTED]),
            method=method,
            path=path,
            started=started or None,
            last_answer=last or None,
            totals=self._totals(base),
            recent=self._recent(base),
        )

    def _recent(self, base: int) -> Recent:
        current = int(time.time() // WINDOW_SECONDS)
        totals = Totals((0,) * len(CLASSES), (0,) * (len(BUCKETS) + 1), 0.0)
        slowest = []
        for index in range(_WINDOWS):
            window = base + _WINDOW0 + index * _WINDOW_WORDS
            if current - self._ints[window + _W_ID] >= _WINDOWS:
                continue  # older than a minute, or never used
            totals = totals + self._totals(window, _W_CLASS0, _W_BUCKET0, _W_SUM)
            if self._floats[window + _W_SLOWEST]:
                text = (window + _W_TEXT) * _WORD
                slowest.append(
                    (
                        float(self._floats[window + _W_SLOWEST]),
                        _text(self._raw[text : text + _SLOW_BYTES]),
                    )
                )
        since = (current - _WINDOWS + 1) * WINDOW_SECONDS
        return Recent(totals, tuple(sorted(slowest, reverse=True)), since)

    def _totals(
        self, base: int, classes: int = _CLASS0, buckets: int = _BUCKET0, total: int = _SUM
    ) -> Totals:
        return Totals(
            tuple(int(n) for n in self._ints[base + classes : base + buckets]),
            tuple(int(n) for n in self._ints[base + buckets : base + total]),
            float(self._floats[base + total]),
        )

    def _base(self, slot: int) -> int:
        return _HEADER_WORDS + slot * _SLOT_WORDS


def _text(raw: Any) -> str:
    return bytes(raw).rstrip(b"\0").decode("utf-8", "replace")
