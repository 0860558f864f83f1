"""The header line in front of every berth dump: engine, server version, berth version and time.

A dump is this one line, then the engine's own bytes (``pg_dump --format=custom``, or an SQLite
database file). The line lets a restore refuse a dump that cannot fit its target before it
changes anything, even when the dump arrives on a pipe.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import IO, Any

from berth import __version__
from berth.config.masking import mask_text
from berth.transfer.errors import DumpFormatError
from berth.transfer.streams import joined

__all__ = [
    "MAGIC",
    "POSTGRESQL",
    "SQLITE",
    "DumpHeader",
    "NoDumpFound",
    "find_dump",
    "first_line",
    "open_dump",
    "read_header",
]

MAGIC = b"BERTH-DUMP 1 "
"""The first bytes of every berth dump; the number is the header's format version."""
POSTGRESQL = "postgresql"
SQLITE = "sqlite"
_ENGINES = frozenset({POSTGRESQL, SQLITE})
# Bounds the read of the first line: a file that is not a dump must not be read whole.
_MAX_HEADER = 64 * 1024
# pg_dump's custom format starts with these bytes: a plain `pg_dump -Fc` file is recognised
# and named as such rather than called damaged.
_PG_CUSTOM_MAGIC = b"PGDMP"


@dataclass(frozen=True)
class DumpHeader:
    engine: str
    """``postgresql`` or ``sqlite``."""
    server_version: str
    """The dumped server's version as it reports it (``15.4``, SQLite's ``3.45.1``)."""
    server_version_num: int
    """The same as a number (``150004``), for comparisons."""
    tool_version: str = ""
    """``pg_dump``'s version for PostgreSQL (pg_restore must be at least as new)."""
    database: str = ""
    """The name of the dumped database (no host, no credentials)."""
    berth_version: str = __version__
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    excluded_table_data: tuple[str, ...] = ()

    @property
    def server_major(self) -> int:
        return server_major(self.engine, self.server_version_num)

    @property
    def tool_major(self) -> int:
        return int(self.tool_version.split(".")[0]) if self.tool_version[:1].isdigit() else 0

    def line(self) -> bytes:
        """The header as written: MAGIC, one JSON object, a newline."""
        values = asdict(self)
        values["excluded_table_data"] = list(self.excluded_table_data)
        return MAGIC + json.dumps(values, sort_keys=True).encode() + b"\n"

    def describe(self) -> str:
        engine = "PostgreSQL" if self.engine == POSTGRESQL else "SQLite"
        return f"{engine} {self.server_version} database {self.database or '?'!r}, dumped {self.created} by berth {self.berth_version}"


def server_major(engine: str, version_num: int) -> int:
    """PostgreSQL's major version from ``server_version_num`` (10 and later: two digits)."""
    if engine != POSTGRESQL:
        return version_num // 1_000_000
    return version_num // 10000 if version_num >= 100000 else version_num // 100


def read_header(stream: IO[bytes], source: str) -> DumpHeader:
    """Read and check the header at the start of ``stream``, leaving it at the engine's bytes."""
    start = stream.read(len(MAGIC))
    if start != MAGIC:
        if start.startswith(_PG_CUSTOM_MAGIC):
            raise DumpFormatError(
                f"{source} is a plain pg_dump archive, not a berth dump: restore it with pg_restore, or make one with berth db dump"
            )
        if not start:
            raise DumpFormatError(f"{source} is empty: not a berth dump")
        raise DumpFormatError(f"{source} is not a berth dump (it does not start with BERTH-DUMP)")
    line = stream.readline(_MAX_HEADER)
    if not line.endswith(b"\n"):
        raise DumpFormatError(f"{source}: the dump's header is cut off or damaged")
    try:
        values: Any = json.loads(line)
        if not isinstance(values, dict):
            raise ValueError
        values["excluded_table_data"] = tuple(values.get("excluded_table_data", ()))
        known = set(DumpHeader.__dataclass_fields__)
        header = DumpHeader(**{key: value for key, value in values.items() if key in known})
        if not isinstance(header.server_version_num, int):
            raise TypeError
    except (ValueError, TypeError):
        raise DumpFormatError(f"{source}: the dump's header is damaged") from None
    if header.engine not in _ENGINES:
        raise DumpFormatError(
            f"{source} holds a {header.engine!r} database, which berth cannot restore"
        )
    return header


class NoDumpFound(DumpFormatError):
    """A command's output held no dump header where one was looked for."""

    def __init__(self, message: str, *, ended: bool) -> None:
        super().__init__(message)
        self.ended = ended
        """Whether the output ended (rather than went on past the bound)."""


def find_dump(stream: IO[bytes], source: str) -> tuple[bytes, IO[bytes]]:
    """What a command printed before its dump (a login banner), and the dump from its header on.

    A shell's startup files or a platform's greeting may print to stdout ahead of the dump: the
    header is looked for at the start of a line within the first 64 KiB, read as they come
    (never waiting for more than the pipe holds), so a command that prints something else is
    refused rather than read whole.
    """
    read = getattr(stream, "read1", stream.read)
    seen = b""
    while len(seen) < _MAX_HEADER:
        chunk = read(_MAX_HEADER - len(seen))
        if not chunk:
            break
        seen += chunk
        at = _line_start(seen, MAGIC)
        if at >= 0:
            return seen[:at], joined(seen[at:], stream)
    ended = len(seen) < _MAX_HEADER
    if not seen:
        raise NoDumpFound(f"{source}: no dump came (the output was empty)", ended=True)
    size = f"{len(seen)} bytes" if ended else f"the first {_MAX_HEADER // 1024} KiB"
    raise NoDumpFound(
        f"{source}: no dump header (BERTH-DUMP) in {size} of its output, which began {first_line(seen)!r}",
        ended=ended,
    )


def first_line(data: bytes, width: int = 60) -> str:
    """The first non-blank line of ``data``, decoded and cut to ``width`` characters."""
    lines = mask_text(data.decode("utf-8", errors="replace")).strip().splitlines()
    line = lines[0].strip() if lines else ""
    return line if len(line) <= width else line[: width - 1] + "…"


def _line_start(data: bytes, marker: bytes) -> int:
    """Where ``marker`` begins a line of ``data``; -1 if nowhere."""
    if data.startswith(marker):
        return 0
    at = data.find(b"\n" + marker)
    return at + 1 if at >= 0 else -1


def open_dump(stream: IO[bytes], source: str) -> tuple[DumpHeader, IO[bytes]]:
    """The dump's header and a stream of the engine's bytes that follow it.

    A plain ``pg_dump --format=custom`` archive (the backups berth's CronJob made before it ran
    ``berth db backup``, or one made by hand) is accepted too: its own header holds the server
    and pg_dump versions, the database's name and the time, which is all a restore checks. The
    archive is then handed on whole.
    """
    start = stream.read(len(_PG_CUSTOM_MAGIC))
    if start != _PG_CUSTOM_MAGIC:
        # The wrapper reads ahead: the engine's bytes are read through it from here on.
        whole = joined(start, stream)
        return read_header(whole, source), whole
    head = start + stream.read(_MAX_HEADER)
    header = _pg_archive_header(head)
    if header is None:
        raise DumpFormatError(f"{source}: the pg_dump archive's header is damaged")
    return header, joined(head, stream)


def _pg_archive_header(data: bytes) -> DumpHeader | None:
    """Read the header pg_dump writes (pg_backup_archiver.c, ReadHead) without pg_restore."""
    reader = _ArchiveReader(data, len(_PG_CUSTOM_MAGIC))
    try:
        major, minor = reader.byte(), reader.byte()
        version = (major, minor, reader.byte() if (major, minor) > (1, 0) else 0)
        if version < (1, 10):
            return None  # PostgreSQL 8.4 and older: no versions recorded
        reader.int_size = reader.byte()
        reader.byte()  # offSize
        if reader.byte() != 1:  # archCustom
            return None
        if version >= (1, 15):
            reader.byte()  # compression algorithm
        else:
            reader.integer()  # compression level
        second, minute, hour, day, month, year = (reader.integer() for _ in range(6))
        reader.integer()  # isdst
        database = reader.string()
        server = reader.string()
        tool = reader.string()
    except IndexError:
        return None
    if not server or not tool:
        return None
    created = f"{1900 + year:04d}-{month + 1:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
    return DumpHeader(
        engine=POSTGRESQL,
        server_version=server.split()[0],
        server_version_num=_version_num(server),
        tool_version=_version_text(tool),
        database=database,
        berth_version="(none: a plain pg_dump archive)",
        created=created,
    )


def _version_text(text: str) -> str:
    match = re.search(r"(\d+)(?:\.(\d+))?", text)
    return f"{match.group(1)}.{match.group(2) or 0}" if match else ""


def _version_num(text: str) -> int:
    match = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", text)
    if match is None:
        return 0
    major, minor, patch = (int(part or 0) for part in match.groups())
    return major * 10000 + minor if major >= 10 else major * 10000 + minor * 100 + patch


class _ArchiveReader:
    def __init__(self, data: bytes, position: int) -> None:
        self.data = data
        self.position = position
        self.int_size = 4

    def byte(self) -> int:
        value = self.data[self.position]
        self.position += 1
        return value

    def integer(self) -> int:
        negative = self.byte()
        value = sum(self.byte() << (8 * index) for index in range(self.int_size))
        return -value if negative else value

    def string(self) -> str:
        length = self.integer()
        if length < 0:
            return ""
        if self.position + length > len(self.data):
            raise IndexError
        text = self.data[self.position : self.position + length]
        self.position += length
        return text.decode("utf-8", errors="replace")
