"""The database commands' work: a dump from one side streamed into a restore on the other.

Either side is a database berth reaches directly or an environment whose own berth runs inside
its containers, through the exec prefix. Before anything is replaced: the dump's header is
checked against the database it replaces (the receiver), which is named and confirmed, and a
safety dump of it is kept.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Protocol

import click

from berth.config.masking import mask_url
from berth.jobs.backups import Bucket, open_backup
from berth.services.files import atomic_file
from berth.transfer.databases import Database
from berth.transfer.dump import prepare_dump
from berth.transfer.endpoints import Endpoint
from berth.transfer.errors import DumpFormatError, RefusedError, TransferError
from berth.transfer.header import (
    POSTGRESQL,
    DumpHeader,
    NoDumpFound,
    find_dump,
    first_line,
    open_dump,
    read_header,
    server_major,
)
from berth.transfer.progress import Progress, human_bytes
from berth.transfer.restore import RestorePlan, plan_restore
from berth.transfer.streams import close_quietly, copy_stream, error_tail

__all__ = [
    "DirectReceiver",
    "DumpSource",
    "OpenDump",
    "backup_source",
    "Receiver",
    "confirm",
    "dump_source",
    "file_source",
    "keep_safety_dump",
    "replace_database",
    "dump_path",
    "receiver_for",
]

DUMP_FOLDER = Path(".berth") / "dumps"
"""Under the project root: safety dumps, and berth db dump's files unless told otherwise."""


@dataclass
class OpenDump:
    stream: IO[bytes]
    header: DumpHeader
    finish: Callable[[], None]
    size: int | None = None

    def write_to(self, out: IO[bytes], advance: Callable[[int], None] | None = None) -> None:
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

        def finish() -> None:
            if process.wait() != 0:
                raise remote.failure(args, process.returncode, tail.text())

        try:
            # The container's berth takes a while to start: the target gets ready meanwhile.
            meanwhile()
            try:
                banner, stream = find_dump(process.stdout, self.description)
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
            if process.poll() is None:
                process.kill()
            process.stdout.close()
            process.wait()


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


class Receiver(Protocol):
    endpoint: Endpoint

    def describe(self) -> str: ...
    def prepare(self) -> None:
        """Learn what the restore needs of the target (its server's version, whether it exists)."""
        ...

    def exists(self) -> bool: ...
    def check(self, header: DumpHeader, source: str) -> None: ...
    def safety_dump(self, path: Path) -> Path:
        """Dump the target into a new file named ``path`` (or ``path-N`` if taken); return it."""
        ...

    def restore(
        self,
        dump: OpenDump,
        *,
        scrub_sql: str | None,
        jobs: int | None,
        file: Path | None,
        advance: Callable[[int], None],
    ) -> None: ...


@dataclass
class DirectReceiver:
    endpoint: Endpoint
    _plan: RestorePlan | None = None
    _exists: bool | None = None
    _server: tuple[str, int] | None = None

    @property
    def database(self) -> Database:
        return self.endpoint.database()

    def describe(self) -> str:
        return f"{self.database.describe()} ({self.endpoint.label}, {self.database.masked_url()})"

    def prepare(self) -> None:
        if self._exists is not None:
            return
        database = self.database
        if database.engine != POSTGRESQL:
            self._exists = database.path.is_file()
            return
        with database.connect_admin() as connection:
            row = connection.execute(
                "SELECT current_setting('server_version'), current_setting('server_version_num')::int, "
                "EXISTS (SELECT 1 FROM pg_database WHERE datname = %s)",
                (database.name,),
            ).fetchone()
        assert row is not None
        self._server = (str(row[0]).split()[0], int(row[1]))
        self._exists = bool(row[2])

    def exists(self) -> bool:
        self.prepare()
        return bool(self._exists)

    def server(self) -> tuple[str, int] | None:
        """PostgreSQL's ``(server_version, server_version_num)``; None for SQLite."""
        self.prepare()
        return self._server

    def check(self, header: DumpHeader, source: str) -> None:
        self.prepare()
        self._plan = plan_restore(self.database, header, source, server=self._server)

    def safety_dump(self, path: Path) -> Path:
        dump = prepare_dump(self.database)
        kept = atomic_file(path, unique=True)
        with kept as file:
            dump.write(file)
        return kept.path

    def restore(
        self,
        dump: OpenDump,
        *,
        scrub_sql: str | None,
        jobs: int | None,
        file: Path | None,
        advance: Callable[[int], None],
    ) -> None:
        assert self._plan is not None, "check() comes first"
        self._plan.restore(
            dump.stream,
            scrub_sql=scrub_sql,
            jobs=jobs,
            file=file,
            advance=advance,
            before_swap=dump.finish,
        )


@dataclass
class _RemoteReceiver:
    endpoint: Endpoint

    def __post_init__(self) -> None:
        self._described: dict[str, Any] | None = None

    def _description(self) -> dict[str, Any]:
        if self._described is None:
            remote = self.endpoint.remote()
            self._described = remote.run_json("db", "describe", "--here", "--json")
        return self._described

    def describe(self) -> str:
        found = self._description()
        return f"{found['description']} ({self.endpoint.label}, {mask_url(found['url'])})"

    def prepare(self) -> None:
        self._description()

    def exists(self) -> bool:
        return bool(self._description().get("exists"))

    def check(self, header: DumpHeader, source: str) -> None:
        found = self._description()
        if header.engine != found["engine"]:
            raise DumpFormatError(
                f"{source} holds a {header.engine} database; {self.endpoint.label} uses {found['engine']}"
            )
        number = found.get("server_version_num")
        if header.engine == POSTGRESQL and isinstance(number, int):
            major = server_major(POSTGRESQL, number)
            if header.tool_major > major:
                raise DumpFormatError(
                    f"{source} was written by pg_dump {header.tool_version}; {self.endpoint.label} runs PostgreSQL {found['server_version']}: restore into PostgreSQL {header.tool_major} or newer"
                )

    def safety_dump(self, path: Path) -> Path:
        kept = atomic_file(path, unique=True)
        with _RemoteSource(self.endpoint).open() as dump, kept as file:
            dump.write_to(file)
        return kept.path

    def restore(
        self,
        dump: OpenDump,
        *,
        scrub_sql: str | None,
        jobs: int | None,
        file: Path | None,
        advance: Callable[[int], None],
    ) -> None:
        if scrub_sql:
            raise TransferError(
                f"--scrub runs on a database berth reaches directly; {self.endpoint.label} is reached through its containers"
            )
        remote = self.endpoint.remote()
        # The safety dump is already taken, here; the remote berth must not ask again.
        args = ["db", "restore", "-", "--here", "--yes", "--no-safety-dump"]
        click.echo(remote.shown(*args), err=True)
        process = remote.popen(*args, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
        tail = error_tail(process, [])
        assert process.stdin is not None
        try:
            # The source must have finished cleanly before the remote restore sees the end
            # of its input and swaps: on failure it gets a broken stream and keeps the old.
            dump.write_to(process.stdin, advance)
            process.stdin.close()
        except BrokenPipeError:
            close_quietly(process.stdin)
        except BaseException:
            process.kill()
            close_quietly(process.stdin)
            process.wait()
            raise
        if process.wait() != 0:
            raise remote.failure(args, process.returncode, tail.text())


def receiver_for(endpoint: Endpoint) -> Receiver:
    return DirectReceiver(endpoint) if endpoint.database_is_direct else _RemoteReceiver(endpoint)


def confirm(receiver: Receiver, *, yes: bool, force: bool, action: str) -> None:
    """Refuse a protected target without ``force``, and ask (or need ``--yes``) naming it."""
    endpoint = receiver.endpoint
    if endpoint.protected and not force:
        raise RefusedError(
            f"{endpoint.label} is protected (protected = true): add --force to {action} it"
        )
    if yes:
        return
    description = receiver.describe()
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        raise RefusedError(
            f"{action} replaces {description}: add --yes to confirm (no terminal to ask on)"
        )
    question = f"Replace {description}?"
    if description.startswith("PostgreSQL"):
        question += " Its other sessions are ended."
    if not click.confirm(question, err=True, default=False):
        raise RefusedError("nothing was changed")


def dump_path(endpoint: Endpoint, kind: str = "", when: datetime | None = None) -> Path:
    """A new file's name in the project's dump folder, which is created private (0700): dumps
    hold the data of every environment. ``kind``: the name's first word (``safety``)."""
    folder = endpoint.root / DUMP_FOLDER
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
    # To the microsecond: two dumps in one second are two files (and a name that is still
    # taken gets a number from atomic_file, never overwritten).
    stamp = (when or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S.%fZ")
    return folder / "-".join(filter(None, [kind, endpoint.name, f"{stamp}.dump"]))


def keep_safety_dump(receiver: Receiver) -> Path | None:
    """Dump ``target`` into the project's safety folder, if it exists; return the file."""
    if not receiver.exists():
        return None
    kept = receiver.safety_dump(dump_path(receiver.endpoint, "safety"))
    click.echo(f"berth: safety dump of {receiver.endpoint.label}: {kept}", err=True)
    return kept


def replace_database(
    source: DumpSource,
    receiver: Receiver,
    *,
    safety: bool = True,
    scrub_sql: str | None = None,
    jobs: int | None = None,
    file: Path | None = None,
    progress: bool | None = None,
    label: str = "restore",
) -> Path | None:
    """Stream ``source`` into ``target``; return the safety dump's path, if one was taken."""
    with source.open(meanwhile=receiver.prepare) as dump:
        receiver.check(dump.header, source.description)
        click.echo(f"berth: {source.description}: {dump.header.describe()}", err=True)
        kept = keep_safety_dump(receiver) if safety else None
        with Progress(label, total=dump.size, enabled=progress) as bar:
            receiver.restore(dump, scrub_sql=scrub_sql, jobs=jobs, file=file, advance=bar.advance)
        click.echo(
            f"berth: {label} done: {human_bytes(bar.bytes)} in {bar.elapsed:.1f} s "
            f"({human_bytes(bar.rate)}/s) into {receiver.endpoint.label}",
            err=True,
        )
    return kept
