"""Where a dump goes: the database it replaces (the receiver), reached directly or through the
environment's own berth; what a restore checks, the safety dump, the restore itself.
"""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import click

from berth.config.masking import mask_url
from berth.config.variables import stall_timeout
from berth.services.files import atomic_file
from berth.services.pg_programs import ClientVersionError, find_program
from berth.transfer.databases import Database
from berth.transfer.dump import prepare_dump
from berth.transfer.endpoints import Endpoint
from berth.transfer.errors import DumpFormatError, TransferError
from berth.transfer.header import POSTGRESQL, DumpHeader, server_major
from berth.transfer.restore import RestorePlan, plan_restore
from berth.transfer.sources import OpenDump, dump_source
from berth.transfer.streams import StallWatch, close_quietly, error_tail

__all__ = ["DirectReceiver", "Receiver", "receiver_for"]


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
        # pg_restore is chosen when the dump's header arrives, from every candidate's version
        # (a process start each, 12-29 ms in all): asked now, while the dump's producer starts.
        with contextlib.suppress(ClientVersionError):
            find_program("pg_restore", 1, why="the restore")

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
            handoff=dump.handoff,
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
        with dump_source(self.endpoint).open() as dump, kept as file:
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
        watch = StallWatch(process, stall_timeout(), f"the exec channel of {self.endpoint.label}")
        try:
            with watch:
                # The source must have finished cleanly before the remote restore sees the
                # end of its input and swaps: on failure it gets a broken stream, keeps the old.
                dump.write_to(watch.writing(process.stdin), advance)
                watch.timed(process.stdin.close)
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
