"""Apply Django's migrations exactly once, however many replicas or jobs start at the same time.

Every replica of a deployment starting with ``migrate`` races the others: two processes see
the same unapplied migration and both run it, and the second fails half-way or applies it
twice. A PostgreSQL advisory lock makes the first one migrate while the others wait for it,
then find nothing left to do.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections

from berth.errors import ServiceError

__all__ = ["MIGRATION_LOCK_KEY", "migrate_once"]

logger = logging.getLogger("berth.migrate")

# A fixed 64-bit key in the advisory-lock space of the database: every process of every
# project version agrees on it. (The int of b"berthmig" - readable in pg_locks as objid.)
MIGRATION_LOCK_KEY = int.from_bytes(b"berthmig", "big") - 2**63
_POLL_SECONDS = 0.5


def migrate_once(
    database: str = DEFAULT_DB_ALIAS,
    *,
    lock_timeout: float = 600,
    stdout: TextIO | None = None,
    verbosity: int = 1,
) -> None:
    """Run ``migrate`` for ``database`` while holding the project-wide migration lock."""
    with _migration_lock(database, lock_timeout):
        call_command(
            "migrate",
            database=database,
            interactive=False,
            verbosity=verbosity,
            stdout=stdout,
        )


@contextlib.contextmanager
def _migration_lock(database: str, timeout: float) -> Iterator[None]:
    settings = connections.settings[database]
    if settings["ENGINE"] in (
        "django.db.backends.postgresql",
        "django.contrib.gis.db.backends.postgis",
    ):
        with _advisory_lock(database, timeout):
            yield
    elif settings["ENGINE"] == "django.db.backends.sqlite3" and settings["NAME"] not in (
        "",
        ":memory:",
    ):
        # SQLite lives on one machine; a lock file beside it serialises that machine's processes.
        with _file_lock(Path(f"{settings['NAME']}.migrate-lock"), timeout):
            yield
    else:
        logger.warning(
            "no migration lock for the %s backend: run one migration at a time", settings["ENGINE"]
        )
        yield


@contextlib.contextmanager
def _advisory_lock(database: str, timeout: float) -> Iterator[None]:
    # A connection of its own: migrate may close or reset the default one, and a
    # session-level lock lives exactly as long as its connection.
    holder: Any = connections.create_connection(database)
    try:
        with holder.cursor() as cursor:
            deadline = time.monotonic() + timeout
            waited = False
            while True:
                cursor.execute("SELECT pg_try_advisory_lock(%s)", [MIGRATION_LOCK_KEY])
                if cursor.fetchone()[0]:
                    break
                if not waited:
                    logger.info("another process is migrating this database; waiting for it")
                    waited = True
                if time.monotonic() >= deadline:
                    raise ServiceError(
                        f"the migration lock was held by another process for over {timeout:g} s; "
                        "is a migration stuck? (see pg_stat_activity)"
                    )
                time.sleep(_POLL_SECONDS)
            if waited:
                logger.info("the other migration finished; checking what is left to apply")
            try:
                yield
            finally:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [MIGRATION_LOCK_KEY])
    finally:
        holder.close()


@contextlib.contextmanager
def _file_lock(path: Path, timeout: float) -> Iterator[None]:
    deadline = time.monotonic() + timeout
    with path.open("a") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ServiceError(
                        f"the migration lock {path} was held for over {timeout:g} s"
                    ) from None
                time.sleep(_POLL_SECONDS)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
