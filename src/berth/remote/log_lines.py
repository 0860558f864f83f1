"""Read the logs of several replicas: split their prefixes, parse berth's JSON lines, filter, print.

A replica writes one JSON object per line (:class:`berth.runtime.log_format.JsonFormatter`); anything else
(gunicorn's plain text before Django starts, a traceback printed outside logging) is kept as text.
"""

from __future__ import annotations

import heapq
import json
import logging
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

__all__ = [
    "LogFilter",
    "LogLine",
    "format_line",
    "merge_by_time",
    "neutralise",
    "neutralise_json",
    "parse_line",
    "split_prefix",
]

_LEVELS = logging.getLevelNamesMapping()

# `docker compose logs`: "web-1  | text", "proj-web-1 | text" (v1: "proj_web_1  | text").
_COMPOSE_PREFIX = re.compile(r"\A(?P<name>[A-Za-z0-9][A-Za-z0-9_.-]*) *\| ?(?P<rest>.*)\Z", re.S)
# `kubectl logs --prefix`: "[pod/web-7d9f-abcde/web] text". The slash keeps "[INFO] text" out.
_KUBECTL_PREFIX = re.compile(r"\A\[(?:pod/)?(?P<name>[^\]\s/]+/[^\]\s/]+)\] ?(?P<rest>.*)\Z", re.S)

# Shown as columns; every other key of a record is left to --json.
_EXCEPTION_KEYS = ("exc_info", "stack_info")


@dataclass(frozen=True)
class LogLine:
    """One line of one replica's output: its JSON record, or None for a line of plain text."""

    replica: str
    raw: str
    record: dict[str, Any] | None

    @property
    def level(self) -> str | None:
        value = self.record.get("level") if self.record else None
        return value.upper() if isinstance(value, str) else None

    @property
    def request_id(self) -> str | None:
        value = self.record.get("request_id") if self.record else None
        return value if isinstance(value, str) else None

    @property
    def time(self) -> datetime | None:
        """When the line was logged, timezone-aware (UTC when the record names no zone)."""
        value = self.record.get("time") if self.record else None
        if not isinstance(value, str):
            return None
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return None
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def parse_line(replica: str, raw: str) -> LogLine:
    """``raw`` (without its prefix) as written by ``replica``; JSON objects become records."""
    raw = raw.rstrip("\r\n")
    record: dict[str, Any] | None = None
    if raw.startswith("{"):
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = None
        if isinstance(parsed, dict):
            record = parsed
    return LogLine(replica=replica, raw=raw, record=record)


def split_prefix(raw: str) -> tuple[str | None, str]:
    """The replica a ``docker compose logs`` or ``kubectl logs --prefix`` line names, and the rest.

    ``(None, raw)`` for a line without such a prefix. A kubectl replica is ``pod/container``.
    """
    for pattern in (_KUBECTL_PREFIX, _COMPOSE_PREFIX):
        match = pattern.match(raw)
        if match:
            return match.group("name"), match.group("rest")
    return None, raw


@dataclass
class LogFilter:
    """Which lines to show; an unset criterion lets every line through.

    Lines of plain text have no level, request or time: they are shown unless ``level``,
    ``request_id`` or ``since`` is set (only the replica applies to them).
    """

    level: str | None = None
    """The lowest level shown: ``"warning"`` shows WARNING, ERROR and CRITICAL."""
    request_id: str | None = None
    """A full request id, or its first characters as ``[req=…]`` shows them."""
    replicas: frozenset[str] = field(default_factory=frozenset)
    """Replica names as the prefix or file name gives them (``web-1``, a pod name) or as the
    record's own ``replica`` (the container's host name)."""
    since: datetime | None = None

    def __post_init__(self) -> None:
        if self.level is not None and self.level.upper() not in _LEVELS:
            raise ValueError(f"unknown log level {self.level!r}")

    def matches(self, line: LogLine) -> bool:
        if self.replicas and not self.replicas & _replica_names(line):
            return False
        if line.record is None:
            return self.level is None and self.request_id is None and self.since is None
        if (
            self.level is not None
            and _LEVELS.get(line.level or "", -1) < _LEVELS[self.level.upper()]
        ):
            return False
        if self.request_id is not None and not (line.request_id or "").startswith(self.request_id):
            return False
        if self.since is not None:
            moment = line.time
            return moment is not None and moment >= self.since
        return True


def _replica_names(line: LogLine) -> set[str]:
    names = {line.replica, line.replica.split("/")[0]}
    own = line.record.get("replica") if line.record else None
    if isinstance(own, str):
        names.add(own)
    return names


def merge_by_time(streams: Iterable[Iterable[LogLine]]) -> Iterator[LogLine]:
    """The lines of several replicas' streams in order of their ``time``.

    Each stream is expected in its own order already (as a replica appends to its log); a line
    without a time stays right after the timed line before it in its stream.
    """
    return (
        line
        for _, _, group in heapq.merge(
            *(_timed_groups(index, stream) for index, stream in enumerate(streams))
        )
        for line in group
    )


_BEGINNING = datetime.min.replace(tzinfo=UTC)


def _timed_groups(
    index: int, lines: Iterable[LogLine]
) -> Iterator[tuple[datetime, int, list[LogLine]]]:
    # The stream's index breaks ties, so that equal times keep the order of the streams and
    # heapq never compares the lists.
    group: list[LogLine] = []
    moment = _BEGINNING
    for line in lines:
        line_time = line.time
        if line_time is not None and group:
            yield moment, index, group
            group = []
        if line_time is not None:
            moment = line_time
        group.append(line)
    if group:
        yield moment, index, group


# Colours that read on dark and light terminals alike, leaving yellow and red to the levels.
# ANSI by hand: a message may hold anything, rich's [markup] included, which would need escaping.
_REPLICA_COLOURS = ("36", "35", "32", "34", "96", "95", "92", "94")
_LEVEL_COLOURS = {"DEBUG": "2", "WARNING": "33", "ERROR": "31;1", "CRITICAL": "31;1;7"}


# C0 controls but tab, DEL, and C1 controls (U+009B is a CSI on some terminals): a log line
# is anyone's text (a request path, a user's input), and must not move the cursor, retitle
# the window or rewrite the screen of whoever reads it.
_CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def neutralise(text: str) -> str:
    """``text`` with terminal control characters shown as escapes (``\\x1b``), never sent."""
    return _CONTROLS.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def neutralise_json(raw: str) -> str:
    """A JSON line made safe for a terminal and still the same JSON: controls as ``\\u`` escapes.

    Valid JSON holds controls only inside strings (C0 ones must be escaped already), where the
    escape means the same character.
    """
    return _CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", raw)


def _paint(text: str, code: str | None, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color and code else text


def format_line(line: LogLine, *, color: bool = False, width: int = 0) -> str:
    """``web-1 | 12:00:01 INFO  berth.request  GET /upload/ 302 35.2ms [req=ab12cd34]``.

    ``width`` pads the replica name so that several replicas align; the time is local; an
    exception follows on indented lines. ``color`` adds ANSI colours: one per replica, stable
    across runs, and one per level above INFO.
    """
    replica_colour = _REPLICA_COLOURS[zlib.crc32(line.replica.encode()) % len(_REPLICA_COLOURS)]
    gutter = _paint(f"{neutralise(line.replica):<{width}} |", replica_colour, color)
    record = line.record
    if record is None:
        return f"{gutter} {neutralise(line.raw)}"
    moment = line.time
    parts = [moment.astimezone().strftime("%H:%M:%S")] if moment else []
    level = line.level or "-"
    parts.append(_paint(f"{neutralise(level):<5}", _LEVEL_COLOURS.get(level), color))
    logger = record.get("logger")
    if logger:
        parts.append(f"{neutralise(str(logger))} ")
    message = str(record.get("message", ""))
    if line.request_id:
        message += f" [req={line.request_id[:8]}]"
    # Split into lines first (a message or traceback may span several), then neutralise.
    first, *more = message.split("\n")
    for key in _EXCEPTION_KEYS:
        if record.get(key):
            more.extend(str(record[key]).split("\n"))
    head = " ".join([*parts, neutralise(first)])
    return "\n".join([f"{gutter} {head}", *(f"{gutter}     {neutralise(row)}" for row in more)])
