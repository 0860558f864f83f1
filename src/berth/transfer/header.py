"""The header line in front of every berth dump: engine, server version, berth version and time.

A dump is this one line, then the engine's own bytes (``pg_dump --format=custom``, or an SQLite
database file). The line lets a restore refuse a dump that cannot fit its target before it
changes anything, even when the dump arrives on a pipe.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import IO, Any

from berth import __version__
from berth.transfer.errors import DumpFormatError

__all__ = ["MAGIC", "POSTGRESQL", "SQLITE", "DumpHeader", "read_header"]

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
