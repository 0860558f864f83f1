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
import sqlite3
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from berth.services.pg_programs import ClientProgram, find_program
from berth.transfer.archive_copy import archive_copy
from berth.transfer.databases import Database
from berth.transfer.errors import DumpFormatError, TransferError
from berth.transfer.header import POSTGRESQL, SQLITE, DumpHeader
from berth.transfer.streams import Handoff, close_quietly, copy_stream, error_tail

if TYPE_CHECKING:
    import psycopg
    from psycopg.rows import TupleRow

__all__ = ["NEW_SUFFIX", "OLD_SUFFIX", "RestorePlan", "plan_restore", "restore_lock_key"]

NEW_SUFFIX = "__berth_new_"
OLD_SUFFIX = "__berth_old_"
# PostgreSQL identifiers hold 63 bytes: the target's name is cut to leave room for a suffix.
_NAME_ROOM = 40
# Each attempt waits up to PostgreSQL's 5 s for the target's sessions to go (or 10 s for its
# lock): once the session ender has run, a session still there is one berth may not end.
_SWAP_ATTEMPTS = 3
# How long one drop of a copy may wait before it is left for the next restore.
_DROP_TIMEOUT_MS = 15_000
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
        handoff: Handoff | None = None,
    ) -> None:
        """Restore the dump's remaining bytes from ``stream`` (or ``file``, for ``jobs``).

        ``before_swap`` runs after the copy is complete and before the target changes: the
        caller's last chance to refuse (say, because the dump's producer failed). ``handoff``:
        the channel under ``stream``, which pg_restore may read itself.
        """
        if self.header.engine == POSTGRESQL:
            _PostgresRestore(self, scrub_sql, before_swap).run(stream, jobs, file, advance, handoff)
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


def restore_lock_key(name: str) -> str:
    """The text whose hash is the advisory lock a restore into database ``name`` holds."""
    return f"berth restore into {name}"


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
        handoff: Handoff | None = None,
    ) -> None:
        from psycopg import errors, sql

        if self.target in ("postgres", "template0", "template1"):
            raise TransferError(f"berth does not replace the {self.target!r} database")
        with self.database.connect_admin() as admin:
            # One restore per target at a time: the leftovers another would drop include a
            # copy this one is still filling. The lock goes with the session, even on SIGKILL.
            held = admin.execute(
                "SELECT pg_try_advisory_lock(hashtext(%s))", (restore_lock_key(self.target),)
            ).fetchone()
            if not (held and held[0]):
                raise TransferError(
                    f"another berth restore into {self.database.describe()} is running; the database is unchanged"
                )
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
                # Inside: a Ctrl-C or SIGTERM while the server creates the copy (which it may
                # finish) drops it too, rather than leaving it for the next restore.
                try:
                    admin.execute(create)
                except errors.InsufficientPrivilege:
                    raise TransferError(
                        f"{self.database.describe()}: restoring needs the CREATEDB privilege "
                        "(berth restores into a new database and swaps it in): ALTER ROLE … CREATEDB"
                    ) from None
                self._pg_restore(stream, jobs, file, advance, handoff)
                if self.scrub_sql:
                    self._scrub()
                if self.before_swap is not None:
                    self.before_swap()
                self._swap(admin, exists=row is not None)
            except BaseException:
                self._drop_after_failure(admin, self.fresh)
                raise

    def _pg_restore(
        self,
        stream: IO[bytes],
        jobs: int | None,
        file: Path | None,
        advance: Callable[[int], None] | None,
        handoff: Handoff | None,
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
            with archive_copy(file) as archive:
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
        if handoff is not None:
            self._pg_restore_from(handoff, command, environment, advance)
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

    def _pg_restore_from(
        self,
        handoff: Handoff,
        command: list[str],
        environment: dict[str, str],
        advance: Callable[[int], None] | None,
    ) -> None:
        """pg_restore reading the channel itself, berth watching."""
        process = subprocess.Popen(
            command,
            stdin=handoff.descriptor,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=environment,
        )
        tail = error_tail(process, [self.database.password])
        try:
            status = handoff.follow(process, advance)
        except BaseException:
            process.kill()
            process.wait()
            raise
        # A channel the watch ended leaves pg_restore a cut archive: the stall is the reason.
        handoff.watch.check()
        if status != 0:
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
        """Rename the target away and the copy into its place, in one transaction.

        Nothing is flipped before it and back after: PostgreSQL holds the target's lock from
        the first rename to the commit, so a session that connects meanwhile waits and then
        finds the new database, and a berth stopped at any instant (SIGKILL included) leaves
        the transaction uncommitted: the target keeps its old data and stays open. The rename
        waits a few seconds for the target's other sessions to go; a second connection ends
        them while it waits, so replicas that reconnect at once cannot hold it off.
        """
        from psycopg import errors, sql

        target = sql.Identifier(self.target)
        for attempt in range(1, _SWAP_ATTEMPTS + 1):
            ender = _SessionEnder(self.database, self.target if exists else None)
            try:
                with ender, admin.transaction():
                    # Bounded: a session holding the database's lock does not stall berth.
                    admin.execute("SET LOCAL lock_timeout = '10s'")
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
            except (errors.ObjectInUse, errors.LockNotAvailable):
                # Sessions berth may not end do not go by themselves: no point waiting again.
                if ender.kept or attempt == _SWAP_ATTEMPTS:
                    raise self._sessions_kept(ender.kept) from None
                time.sleep(0.1 * attempt)
        if exists:
            # The swap is committed: a Ctrl-C now must not undo it, only leave the old copy.
            try:
                self._drop(admin, self.old)
            except BaseException:
                self._drop_after_failure(admin, self.old)
                raise

    def _sessions_kept(self, roles: list[str]) -> TransferError:
        who = (
            f" ({len(roles)} of role {', '.join(sorted(set(roles)))}, which berth may not end)"
            if roles
            else ""
        )
        return TransferError(
            f"{self.database.describe()} kept sessions open{who}; the database is unchanged"
        )

    def _drop(self, admin: psycopg.Connection[TupleRow], name: str) -> None:
        """Drop a copy of berth's, or leave it for the next restore if that takes too long.

        A drop waits for every session on the server to acknowledge it (PostgreSQL's
        ProcSignalBarrier): one stuck writing to a client that is not reading, such as the
        source's pg_dump on the same server while berth has not begun to read it, would hold
        it forever. The copy is berth's own: the next restore into the target drops it.
        """
        from psycopg import errors, sql

        force = sql.SQL(" WITH (FORCE)") if admin.info.server_version >= 130000 else sql.SQL("")
        admin.execute(f"SET statement_timeout = {_DROP_TIMEOUT_MS}")
        try:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)) + force
            )
        except errors.QueryCanceled:
            pass
        finally:
            admin.execute("RESET statement_timeout")

    def _drop_after_failure(self, admin: psycopg.Connection[TupleRow], name: str) -> None:
        """Drop ``name`` on the way out of a failure, on a session of its own if need be.

        A Ctrl-C or SIGTERM that lands inside a query leaves psycopg's session busy ("another
        command is already in progress"): the copy would stay until the next restore.
        """
        try:
            self._drop(admin, name)
            return
        except Exception:
            pass
        with contextlib.suppress(Exception), self.database.connect_admin() as fresh:
            self._drop(fresh, name)

    def _drop_leftovers(self, admin: psycopg.Connection[TupleRow]) -> None:
        """Copies that a killed restore left behind, and old databases a failed drop kept."""
        stem = self.target[:_NAME_ROOM]
        for (name,) in admin.execute("SELECT datname FROM pg_database").fetchall():
            if name.startswith((stem + NEW_SUFFIX, stem + OLD_SUFFIX)):
                self._drop(admin, name)


class _SessionEnder:
    """Ends the other sessions on a database, over and over, from a connection of its own.

    Runs while the swap's rename waits for the target's sessions to go (PostgreSQL gives them
    a few seconds): sessions that connected before the rename took its lock are ended; later
    ones wait behind the lock. ``kept`` names the roles of sessions berth was not allowed to
    end (a superuser's, when berth connects as the application's role).
    """

    def __init__(self, database: Database, name: str | None) -> None:
        self.database = database
        self.name = name
        self.kept: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="berth-end-sessions", daemon=True)

    def __enter__(self) -> _SessionEnder:
        if self.name is not None:
            self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=5)

    def _run(self) -> None:
        from psycopg import errors

        try:
            with self.database.connect_admin() as connection:
                while True:
                    kept = []
                    for pid, role in connection.execute(
                        "SELECT pid, usename FROM pg_stat_activity "
                        "WHERE datname = %s AND pid <> pg_backend_pid()",
                        (self.name,),
                    ).fetchall():
                        try:
                            connection.execute("SELECT pg_terminate_backend(%s)", (pid,))
                        except errors.InsufficientPrivilege:
                            kept.append(str(role))
                    self.kept = kept
                    if self._stop.wait(0.05):
                        return
        except Exception:
            # The rename then fails on the sessions left, and the swap's retries say so.
            return


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
