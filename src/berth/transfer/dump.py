"""A dump of one database: berth's header line, then ``pg_dump --format=custom`` or an SQLite file.

PostgreSQL is dumped by pg_dump (the one tool that gets every object type right), streamed as it
writes; SQLite through its online backup API, which copies a consistent snapshot while the
application keeps writing.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import sqlite3
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO

from berth.config.masking import redact
from berth.services.pg_programs import find_program, first_program, probe_programs
from berth.transfer.databases import Database
from berth.transfer.errors import TransferError
from berth.transfer.header import POSTGRESQL, DumpHeader
from berth.transfer.streams import copy_stream, error_tail, joined

__all__ = ["DumpStream", "PreparedDump", "prepare_dump"]


class PreparedDump:
    """A dump whose header is known and whose tools are checked; nothing is written yet."""

    def __init__(self, database: Database, exclude_table_data: Sequence[str] = ()) -> None:
        self.database = database
        self.exclude_table_data = tuple(exclude_table_data)
        if database.engine == POSTGRESQL:
            version, number = _server_version(database)
            major = number // 10000
            # Before any byte is written: pg_dump would refuse a newer server only after the
            # caller had created (and so truncated) its output.
            self.program = find_program(
                "pg_dump", major, why=f"dumping {database.describe()} (PostgreSQL {version})"
            )
            self.header = DumpHeader(
                engine=POSTGRESQL,
                server_version=version,
                server_version_num=number,
                tool_version=self.program.version,
                database=database.name,
                excluded_table_data=self.exclude_table_data,
            )
        else:
            if self.exclude_table_data:
                raise TransferError("--exclude-table-data applies to PostgreSQL only")
            if not database.path.is_file():
                raise TransferError(f"{database.describe()} does not exist")
            self.header = DumpHeader(
                engine="sqlite",
                server_version=sqlite3.sqlite_version,
                server_version_num=sqlite3.sqlite_version_info[0] * 1_000_000
                + sqlite3.sqlite_version_info[1] * 1000
                + sqlite3.sqlite_version_info[2],
                database=database.path.name,
            )

    def write(self, out: IO[bytes], advance: Callable[[int], None] | None = None) -> int:
        """Write the header and the dump to ``out``; return the bytes written."""
        with self.open() as dump:
            count = copy_stream(dump.stream, out, advance)
            dump.finish()
        return count

    def write_to_fd(self, descriptor: int) -> None:
        """Write the header, then have pg_dump write its archive to ``descriptor`` itself."""
        assert self.database.engine == POSTGRESQL
        os.write(descriptor, self.header.line())
        process = subprocess.Popen(
            self._pg_dump_command(),
            stdin=subprocess.DEVNULL,
            stdout=descriptor,
            stderr=subprocess.PIPE,
            env=self.database.libpq_environment(),
        )
        errors = error_tail(process, [self.database.password])
        if process.wait() != 0:
            raise TransferError(f"pg_dump of {self.database.describe()} failed: {errors.line()}")

    def _pg_dump_command(self) -> list[str]:
        return [
            str(self.program.path),
            "--format=custom",
            "--no-password",
            *(f"--exclude-table-data={pattern}" for pattern in self.exclude_table_data),
        ]

    @contextlib.contextmanager
    def open(self) -> Iterator[DumpStream]:
        """The dump as a stream, header first; ``finish()`` raises if its producer failed."""
        if self.database.engine == POSTGRESQL:
            with self._pg_dump() as stream:
                yield stream
        else:
            with self._sqlite() as stream:
                yield stream

    @contextlib.contextmanager
    def _pg_dump(self) -> Iterator[DumpStream]:
        process = subprocess.Popen(
            self._pg_dump_command(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=self.database.libpq_environment(),
        )
        errors = error_tail(process, [self.database.password])
        assert process.stdout is not None

        def finish() -> None:
            if process.wait() != 0:
                raise TransferError(
                    f"pg_dump of {self.database.describe()} failed: {errors.line()}"
                )

        try:
            yield DumpStream(_stream(self.header, process.stdout), self.header, finish)
        finally:
            # The reader went away (a restore that failed, Ctrl-C): pg_dump must not linger.
            if process.poll() is None:
                process.kill()
            process.stdout.close()
            process.wait()

    @contextlib.contextmanager
    def _sqlite(self) -> Iterator[DumpStream]:
        # The backup API needs a database to write to: a temporary file, read back and
        # removed. (serialize() would hold the whole database in memory.)
        descriptor, temporary = tempfile.mkstemp(prefix="berth-sqlite-dump-", suffix=".sqlite3")
        os.close(descriptor)
        try:
            # A URI made by pathlib: a "#" or "?" in the path is quoted rather than read as
            # the URI's own (which opened, and so created, another file); mode=ro never
            # creates one either.
            uri = f"{self.database.path.absolute().as_uri()}?mode=ro"
            source = sqlite3.connect(uri, uri=True, timeout=20)
            target = sqlite3.connect(temporary)
            try:
                source.backup(target)
            except sqlite3.Error as error:
                raise TransferError(f"cannot read {self.database.describe()}: {error}") from None
            finally:
                target.close()
                source.close()
            with open(temporary, "rb") as file:
                yield DumpStream(_stream(self.header, file), self.header, lambda: None)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


@dataclass(frozen=True)
class DumpStream:
    stream: IO[bytes]
    header: DumpHeader
    finish: Callable[[], None]


def prepare_dump(database: Database, exclude_table_data: Sequence[str] = ()) -> PreparedDump:
    """Check what dumping ``database`` needs (a pg_dump at least as new as the server)."""
    return PreparedDump(database, exclude_table_data)


def _server_version(database: Database) -> tuple[str, int]:
    """The server's ``server_version`` (``15.4``) and ``server_version_num``, asked through psql.

    Not through psycopg: its import alone (about 0.1 s) outlasts psql's whole query, and in a
    pull it stands between the container side's start and pg_dump's first byte. psql comes
    with pg_dump in every PostgreSQL client package; where there is none, psycopg asks.
    """
    psql = first_program("psql")
    # Without the [postgres] extra psycopg's import fails below, and the command names the
    # extra, as every PostgreSQL command does; found, it is not imported.
    if psql is None or importlib.util.find_spec("psycopg") is None:
        return database.server_version()
    asking = subprocess.Popen(
        [
            str(psql),
            "--no-psqlrc",
            "--no-password",
            "--no-align",
            "--tuples-only",
            "--quiet",
            "--command",
            "SELECT current_setting('server_version') || '|' || current_setting('server_version_num')",
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=database.libpq_environment(),
    )
    # pg_dump's candidates answer their --version while psql connects.
    probe_programs("pg_dump")
    output, errors = asking.communicate()
    version, _, number = output.decode(errors="replace").strip().rpartition("|")
    if asking.returncode != 0 or not number.isdigit():
        lines = errors.decode(errors="replace").strip().splitlines() or ["psql said nothing"]
        problem = redact(lines[0].removeprefix("psql: error: "), [database.password])
        raise TransferError(f"cannot connect to {database.describe()}: {problem}")
    return version.split()[0], int(number)


def _stream(header: DumpHeader, rest: IO[bytes]) -> IO[bytes]:
    return joined(header.line(), rest)
