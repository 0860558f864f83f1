"""Restore a berth dump into a fresh database, then swap it in: the target changes all at once or not at all.

PostgreSQL: ``pg_restore`` fills a new database on the target's server; only when it (and any
scrub SQL) succeeded are the other sessions on the target ended and the two databases renamed
in one transaction. A damaged dump, a failed scrub or a killed berth leave the target exactly as
it was (and, at worst, a ``NAME__berth_new_…`` database that the next restore drops).
SQLite: the dump is written beside the target, checked, scrubbed, and copied over the target
through the backup API, which replaces it in one transaction.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from berth.transfer.databases import Database
from berth.transfer.errors import DumpFormatError, TransferError
from berth.transfer.header import MAGIC, POSTGRESQL, SQLITE, DumpHeader
from berth.transfer.pgtools import ClientProgram, find_program
from berth.transfer.streams import close_quietly, copy_stream, error_tail

if TYPE_CHECKING:
    import psycopg
    from psycopg.rows import TupleRow

__all__ = ["NEW_SUFFIX", "OLD_SUFFIX", "RestorePlan", "plan_restore"]

NEW_SUFFIX = "__berth_new_"
OLD_SUFFIX = "__berth_old_"
# PostgreSQL identifiers hold 63 bytes: the target's name is cut to leave room for a suffix.
_NAME_ROOM = 40
_SWAP_ATTEMPTS = 20
_ENGINE_NAMES = {POSTGRESQL: "PostgreSQL", SQLITE: "SQLite"}


@dataclass(frozen=True)
class RestorePlan:
    """A restore whose compatibility is checked: nothing on the target has been touched yet."""

    database: Database
    header: DumpHeader
    program: ClientProgram | None
    """pg_restore, for PostgreSQL."""

    def restore(
        self,
        stream: IO[bytes],
        *,
        scrub_sql: str | None = None,
        jobs: int | None = None,
        file: Path | None = None,
        advance: Callable[[int], None] | None = None,
        before_swap: Callable[[], None] | None = None,
    ) -> None:
        """Restore the dump's remaining bytes from ``stream`` (or ``file``, for ``jobs``).

        ``before_swap`` runs after the copy is complete and before the target changes: the
        caller's last chance to refuse (say, because the dump's producer failed).
        """
        if self.header.engine == POSTGRESQL:
            _PostgresRestore(self, scrub_sql, before_swap).run(stream, jobs, file, advance)
        else:
            _sqlite_restore(self.database, stream, scrub_sql, advance, before_swap)


def plan_restore(
    database: Database, header: DumpHeader, source: str, *, server: tuple[str, int] | None = None
) -> RestorePlan:
    """Refuse a dump that cannot fit ``database``, before anything is changed.

    ``server``: the target server's ``(server_version, server_version_num)``, if known.
    """
    if header.engine != database.engine:
        raise DumpFormatError(
            f"{source} is a {_ENGINE_NAMES[header.engine]} dump; {database.describe()} is {_ENGINE_NAMES[database.engine]}"
        )
    if database.engine == SQLITE:
        return RestorePlan(database, header, None)
    version, number = server or database.server_version(admin=True)
    target_major = number // 10000
    if header.tool_major > target_major:
        raise DumpFormatError(
            f"{source} was written by pg_dump {header.tool_version} for PostgreSQL {header.server_version}; "
            f"{database.describe()} runs PostgreSQL {version}, which cannot be relied on to load it: "
            f"restore into PostgreSQL {header.tool_major} or newer"
        )
    program = find_program(
        "pg_restore",
        max(header.tool_major, 1),
        why=f"restoring a dump made by pg_dump {header.tool_version}",
    )
    return RestorePlan(database, header, program)


class _PostgresRestore:
    def __init__(
        self,
        plan: RestorePlan,
        scrub_sql: str | None,
        before_swap: Callable[[], None] | None,
    ) -> None:
        self.plan = plan
        self.database = plan.database
        self.target = plan.database.name
        self.scrub_sql = scrub_sql
        self.before_swap = before_swap
        token = secrets.token_hex(4)
        self.fresh = f"{self.target[:_NAME_ROOM]}{NEW_SUFFIX}{token}"
        self.old = f"{self.target[:_NAME_ROOM]}{OLD_SUFFIX}{token}"

    def run(
        self,
        stream: IO[bytes],
        jobs: int | None,
        file: Path | None,
        advance: Callable[[int], None] | None,
    ) -> None:
        from psycopg import errors, sql

        if self.target in ("postgres", "template0", "template1"):
            raise TransferError(f"berth does not replace the {self.target!r} database")
        with self.database.connect_admin() as admin:
            self._drop_leftovers(admin)
            row = admin.execute(
                "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database WHERE datname = %s",
                (self.target,),
            ).fetchone()
            create = sql.SQL("CREATE DATABASE {} TEMPLATE template0").format(
                sql.Identifier(self.fresh)
            )
            if row is not None:
                # The copy keeps the target's encoding and collation: text compares and sorts alike.
                create += sql.SQL(" ENCODING {} LC_COLLATE {} LC_CTYPE {}").format(
                    sql.Literal(row[0]), sql.Literal(row[1]), sql.Literal(row[2])
                )
            try:
                admin.execute(create)
            except errors.InsufficientPrivilege:
                raise TransferError(
                    f"{self.database.describe()}: restoring needs the CREATEDB privilege "
                    "(berth restores into a new database and swaps it in): ALTER ROLE … CREATEDB"
                ) from None
            try:
                self._pg_restore(stream, jobs, file, advance)
                if self.scrub_sql:
                    self._scrub()
                if self.before_swap is not None:
                    self.before_swap()
                self._swap(admin, exists=row is not None)
            except BaseException:
                with contextlib.suppress(Exception):
                    self._drop(admin, self.fresh)
                raise

    def _pg_restore(
        self,
        stream: IO[bytes],
        jobs: int | None,
        file: Path | None,
        advance: Callable[[int], None] | None,
    ) -> None:
        from psycopg.conninfo import make_conninfo

        assert self.plan.program is not None
        command = [
            str(self.plan.program.path),
            f"--dbname={make_conninfo(dbname=self.fresh)}",
            # Roles and grants of the source rarely exist on the target (production's roles on
            # a laptop); objects belong to the user berth connects as.
            "--no-owner",
            "--no-acl",
            "--exit-on-error",
            "--no-password",
        ]
        environment = self.database.libpq_environment(self.fresh)
        if jobs and file is not None:
            # Parallel workers each reopen the archive and seek in it: a plain archive file.
            with _archive_file(file) as archive:
                command += [f"--jobs={jobs}", str(archive)]
                completed = subprocess.run(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    env=environment,
                    check=False,
                )
            if completed.returncode != 0:
                text = completed.stderr.decode("utf-8", errors="replace")
                raise self._failed(text.strip().splitlines()[-1] if text.strip() else "")
            return
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=environment,
        )
        tail = error_tail(process, [self.database.password])
        assert process.stdin is not None
        try:
            copy_stream(stream, process.stdin, advance)
            process.stdin.close()
        except BrokenPipeError:
            close_quietly(
                process.stdin
            )  # pg_restore stopped at an error: its exit status and message say which
        except BaseException:
            process.kill()
            close_quietly(process.stdin)
            process.wait()
            raise
        if process.wait() != 0:
            raise self._failed(tail.line())

    def _failed(self, line: str) -> TransferError:
        return DumpFormatError(
            f"pg_restore into a copy of {self.database.describe()} failed, the database is unchanged: {line or 'no message'}"
        )

    def _scrub(self) -> None:
        import psycopg

        with self.database.connect(self.fresh, autocommit=False) as connection:
            try:
                # Several statements in one call: psycopg sends a query without parameters
                # as it is, like psql -c would.
                connection.execute(self.scrub_sql)  # type: ignore[arg-type]
                connection.commit()
            except psycopg.Error as error:
                raise TransferError(
                    f"the scrub SQL failed on the copy, the database is unchanged: {str(error).strip().splitlines()[0]}"
                ) from None

    def _swap(self, admin: psycopg.Connection[TupleRow], *, exists: bool) -> None:
        from psycopg import errors, sql

        target = sql.Identifier(self.target)
        for attempt in range(_SWAP_ATTEMPTS):
            if exists:
                # New sessions are refused while the old ones are ended: replicas that
                # reconnect at once would otherwise keep the rename from ever happening.
                with contextlib.suppress(errors.InsufficientPrivilege):
                    admin.execute(
                        sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS false").format(target)
                    )
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = %s AND pid <> pg_backend_pid()",
                    (self.target,),
                )
            try:
                with admin.transaction():
                    if exists:
                        admin.execute(
                            sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                                target, sql.Identifier(self.old)
                            )
                        )
                    admin.execute(
                        sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                            sql.Identifier(self.fresh), target
                        )
                    )
                break
            except errors.ObjectInUse:
                # A session ended by pg_terminate_backend takes a moment to go.
                time.sleep(0.1 * (attempt + 1))
        else:
            with contextlib.suppress(Exception):
                admin.execute(
                    sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS true").format(target)
                )
            raise TransferError(
                f"{self.database.describe()} kept sessions open that berth could not end; the database is unchanged"
            )
        if exists:
            self._drop(admin, self.old)

    def _drop(self, admin: psycopg.Connection[TupleRow], name: str) -> None:
        from psycopg import sql

        force = sql.SQL(" WITH (FORCE)") if admin.info.server_version >= 130000 else sql.SQL("")
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)) + force)

    def _drop_leftovers(self, admin: psycopg.Connection[TupleRow]) -> None:
        """Copies that a killed restore left behind, and old databases a failed drop kept."""
        stem = self.target[:_NAME_ROOM]
        for (name,) in admin.execute("SELECT datname FROM pg_database").fetchall():
            if name.startswith((stem + NEW_SUFFIX, stem + OLD_SUFFIX)):
                self._drop(admin, name)


@contextlib.contextmanager
def _archive_file(dump: Path) -> Iterator[Path]:
    """The pg_dump archive inside a berth dump file, as a file of its own.

    pg_restore --jobs opens the archive by name in every worker and reads it from its first
    byte, where berth's header is; no option skips it. The archive is copied beside the dump
    (copy_file_range: in the kernel, and shared blocks on filesystems that can) and removed.
    """
    with dump.open("rb") as source:
        if source.read(len(MAGIC)) == MAGIC:
            source.readline()
        offset = source.tell()
        descriptor, name = tempfile.mkstemp(
            prefix=f".{dump.name}.", suffix=".archive", dir=dump.parent
        )
        try:
            with open(descriptor, "wb") as target:
                remaining = os.fstat(source.fileno()).st_size - offset
                position = offset
                try:
                    while remaining > 0:
                        copied = os.copy_file_range(
                            source.fileno(), target.fileno(), remaining, position
                        )
                        if copied == 0:
                            break
                        position += copied
                        remaining -= copied
                except OSError:
                    source.seek(position)
                    shutil.copyfileobj(source, target, 1 << 20)
            yield Path(name)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(name)


def _sqlite_restore(
    database: Database,
    stream: IO[bytes],
    scrub_sql: str | None,
    advance: Callable[[int], None] | None,
    before_swap: Callable[[], None] | None,
) -> None:
    target = database.path
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(prefix=f".{target.name}.berth-new-", dir=target.parent)
    try:
        with open(descriptor, "wb") as file:
            copy_stream(stream, file, advance)
        copy = sqlite3.connect(name, isolation_level=None)
        try:
            try:
                result = copy.execute("PRAGMA integrity_check").fetchone()
            except sqlite3.DatabaseError as error:
                raise DumpFormatError(
                    f"the SQLite dump is damaged ({error}); {database.describe()} is unchanged"
                ) from None
            if result is None or result[0] != "ok":
                raise DumpFormatError(
                    f"the SQLite dump is damaged; {database.describe()} is unchanged"
                )
            if scrub_sql:
                try:
                    copy.executescript(f"BEGIN;\n{scrub_sql}\n;COMMIT;")
                except sqlite3.Error as error:
                    raise TransferError(
                        f"the scrub SQL failed on the copy, {database.describe()} is unchanged: {error}"
                    ) from None
            if before_swap is not None:
                before_swap()
            live = sqlite3.connect(target, timeout=20)
            try:
                # One write transaction on the target: other connections see the old pages
                # or the new ones, and a crash rolls back to the old.
                copy.backup(live)
            except sqlite3.Error as error:
                raise TransferError(f"cannot replace {database.describe()}: {error}") from None
            finally:
                live.close()
        finally:
            copy.close()
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(OSError):
                os.unlink(name + suffix)
