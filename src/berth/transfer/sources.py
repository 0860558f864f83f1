"""Where a dump comes from: a database berth reaches, an environment's own berth, a file, a backup.

Each source opens as an ``OpenDump``: the header read and checked, the engine's bytes to follow,
and a ``finish()`` that raises if the producer failed.
"""

from __future__ import annotations

import contextlib
import io
import select
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Protocol

import click

from berth.config.variables import stall_timeout
from berth.jobs.backups import Bucket, open_backup
from berth.transfer.databases import Database
from berth.transfer.dump import prepare_dump
from berth.transfer.endpoints import Endpoint
from berth.transfer.errors import TransferError
from berth.transfer.header import (
    MAGIC,
    DumpHeader,
    NoDumpFound,
    find_dump,
    first_line,
    open_dump,
    read_header,
)
from berth.transfer.streams import (
    Handoff,
    Sink,
    StallWatch,
    copy_stream,
    error_tail,
    peek,
    read_exactly,
)

__all__ = [
    "DumpSource",
    "OpenDump",
    "backup_source",
    "dump_source",
    "file_source",
]


@dataclass
class OpenDump:
    stream: IO[bytes]
    header: DumpHeader
    finish: Callable[[], None]
    size: int | None = None
    handoff: Handoff | None = None
    """The channel itself, past the header, for a consumer that reads it instead of ``stream``."""

    def write_to(self, out: Sink, advance: Callable[[int], None] | None = None) -> None:
        """The header line, then the rest; ``finish()`` last, so a failed producer raises."""
        out.write(self.header.line())
        copy_stream(self.stream, out, advance)
        self.finish()


class DumpSource(Protocol):
    @property
    def description(self) -> str: ...

    def open(
        self, meanwhile: Callable[[], None] = ...
    ) -> contextlib.AbstractContextManager[OpenDump]:
        """The dump, its header read; ``meanwhile`` runs while its producer starts."""
        ...


@dataclass
class _DirectSource:
    database: Database
    exclude_table_data: tuple[str, ...] = ()

    @property
    def description(self) -> str:
        return self.database.describe()

    @contextlib.contextmanager
    def open(self, meanwhile: Callable[[], None] = lambda: None) -> Iterator[OpenDump]:
        meanwhile()
        dump = prepare_dump(self.database, self.exclude_table_data)
        with dump.open() as stream:
            read_header(stream.stream, self.description)  # past the line, as other sources are
            yield OpenDump(stream.stream, stream.header, stream.finish)


@dataclass
class _RemoteSource:
    endpoint: Endpoint
    exclude_table_data: tuple[str, ...] = ()

    @property
    def description(self) -> str:
        return f"the database of {self.endpoint.label}"

    @contextlib.contextmanager
    def open(self, meanwhile: Callable[[], None] = lambda: None) -> Iterator[OpenDump]:
        remote = self.endpoint.remote()
        args = ["db", "dump", "--here", "-o", "-"]
        args += [f"--exclude-table-data={pattern}" for pattern in self.exclude_table_data]
        click.echo(remote.shown(*args), err=True)
        process = remote.popen(*args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE)
        tail = error_tail(process, [])
        assert process.stdout is not None
        watch = StallWatch(process, stall_timeout(), f"the exec channel of {self.endpoint.label}")

        def finish() -> None:
            if process.wait() != 0:
                raise remote.failure(args, process.returncode, tail.text())

        try:
            watch.__enter__()
            # The container's berth takes a while to start: the target gets ready meanwhile.
            meanwhile()
            header = _clean_start(process.stdout, watch, self.description)
            if header is not None:
                stream = watch.reading(process.stdout)
                yield OpenDump(
                    stream, header, finish, handoff=Handoff(process.stdout.fileno(), watch)
                )
                return
            try:
                banner, stream = find_dump(watch.reading(process.stdout), self.description)
            except NoDumpFound as error:
                if not error.ended:
                    process.kill()  # it would go on printing into a pipe nobody reads
                # No dump came: the remote berth's own error, if it failed, says why.
                elif process.wait() != 0:
                    finish()
                raise
            if banner.strip():
                click.echo(
                    f"berth: {self.endpoint.label} printed {len(banner)} bytes before the dump, ignored: {first_line(banner)!r}",
                    err=True,
                )
            header = read_header(stream, self.description)
            yield OpenDump(stream, header, finish)
        finally:
            watch.__exit__(None, None, None)
            if process.poll() is None:
                process.kill()
            process.stdout.close()
            process.wait()


# What is looked at of a channel's first bytes for a header line (header.py's bound).
_PEEK = 64 * 1024


def _clean_start(channel: IO[bytes], watch: StallWatch, source: str) -> DumpHeader | None:
    """The dump's header, consumed, if ``channel`` is a pipe that begins with it whole.

    Otherwise (a banner first, a header still arriving, not a pipe, not Linux) None, with
    nothing consumed: the caller reads the channel as before.
    """
    if not Handoff.available():
        return None
    descriptor = channel.fileno()
    poller = select.poll()
    poller.register(descriptor, select.POLLIN)
    # Until the first bytes, the end of the channel, or the stall watch ending it.
    watch.timed(poller.poll)
    head = peek(descriptor, _PEEK)
    end = head.find(b"\n")
    if not head.startswith(MAGIC) or end < 0:
        return None
    return read_header(io.BytesIO(read_exactly(descriptor, end + 1)), source)


@dataclass
class _FileSource:
    path: Path | None
    """None: standard input."""

    @property
    def description(self) -> str:
        return "standard input" if self.path is None else str(self.path)

    @contextlib.contextmanager
    def open(self, meanwhile: Callable[[], None] = lambda: None) -> Iterator[OpenDump]:
        meanwhile()
        if self.path is None:
            header, stream = open_dump(sys.stdin.buffer, self.description)
            yield OpenDump(stream, header, lambda: None)
            return
        try:
            file = self.path.open("rb")
        except OSError as error:
            raise TransferError(f"cannot read {self.path}: {error.strerror}") from None
        with file:
            header, stream = open_dump(file, self.description)
            yield OpenDump(stream, header, lambda: None, self.path.stat().st_size)


@dataclass
class _BackupSource:
    bucket: Bucket
    name: str

    @property
    def description(self) -> str:
        return f"backup {self.name}"

    @contextlib.contextmanager
    def open(self, meanwhile: Callable[[], None] = lambda: None) -> Iterator[OpenDump]:
        meanwhile()
        backup, body = open_backup(self.bucket, self.name)
        self.name = backup.name  # "latest" becomes the one it is
        try:
            header, stream = open_dump(body, self.description)
            yield OpenDump(stream, header, lambda: None, backup.size)
        finally:
            body.close()


def backup_source(bucket: Bucket, name: str) -> DumpSource:
    """``latest`` or a named backup in ``bucket``, streamed from it."""
    return _BackupSource(bucket, name)


def dump_source(endpoint: Endpoint, exclude_table_data: tuple[str, ...] = ()) -> DumpSource:
    if endpoint.database_is_direct:
        return _DirectSource(endpoint.database(), exclude_table_data)
    return _RemoteSource(endpoint, exclude_table_data)


def file_source(path: Path | None) -> DumpSource:
    return _FileSource(path)
