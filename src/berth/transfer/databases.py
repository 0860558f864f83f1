"""One database to dump or restore, from its ``DATABASE_URL``: engine, name, how to connect.

The URL is read by berth's own parser (``berth.config.dsn.database``), so a dump or restore
reaches the very database Django would. Passwords go to libpq in the environment
(``PGPASSWORD``), never on a command line that ``ps`` shows.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from berth.config.dsn.database import parse_database_url
from berth.config.masking import mask_url, redact
from berth.transfer.errors import TransferError
from berth.transfer.header import POSTGRESQL, SQLITE

if TYPE_CHECKING:
    import psycopg
    from psycopg.rows import TupleRow

__all__ = ["LIBPQ_OPTIONS", "Database"]

# libpq connection options a DATABASE_URL may carry in its query, and their variables.
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "application_name": "PGAPPNAME",
    "options": "PGOPTIONS",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}


@dataclass(frozen=True)
class Database:
    url: str
    settings: dict[str, Any]

    @classmethod
    def from_url(cls, url: str, variable: str = "DATABASE_URL") -> Database:
        settings = parse_database_url(url, variable)
        engine = str(settings.get("ENGINE", ""))
        if "postgresql" not in engine and "sqlite" not in engine:
            raise TransferError(f"{variable}: berth transfers PostgreSQL and SQLite databases only")
        return cls(url, settings)

    @property
    def engine(self) -> str:
        return POSTGRESQL if "postgresql" in str(self.settings["ENGINE"]) else SQLITE

    @property
    def name(self) -> str:
        return str(self.settings.get("NAME") or "")

    @property
    def path(self) -> Path:
        """An SQLite database's file."""
        return Path(self.name)

    @property
    def host(self) -> str:
        return str(self.settings.get("HOST") or "localhost")

    @property
    def port(self) -> int:
        return int(self.settings.get("PORT") or 5432)

    @property
    def user(self) -> str:
        return str(self.settings.get("USER") or "")

    @property
    def password(self) -> str:
        return str(self.settings.get("PASSWORD") or "")

    def describe(self) -> str:
        """What a confirmation names: engine, host and database, never the password."""
        if self.engine == SQLITE:
            return f"SQLite database {self.name}"
        who = f" as {self.user}" if self.user else ""
        return f"PostgreSQL database {self.name!r} on {self.host}:{self.port}{who}"

    def masked_url(self) -> str:
        return mask_url(self.url)

    def with_name(self, name: str) -> Database:
        """The same server's database ``name`` (PostgreSQL)."""
        return Database(self.url, {**self.settings, "NAME": name})

    def connect_options(self, database: str | None = None) -> dict[str, Any]:
        options: dict[str, Any] = {
            "dbname": database or self.name,
            "host": self.settings.get("HOST") or None,
            "port": self.settings.get("PORT") or None,
            "user": self.user or None,
            "password": self.password or None,
        }
        for key in LIBPQ_OPTIONS:
            value = self.settings.get("OPTIONS", {}).get(key)
            if value is not None:
                options[key] = value
        return {key: value for key, value in options.items() if value is not None}

    def connect(
        self, database: str | None = None, *, autocommit: bool = True
    ) -> psycopg.Connection[TupleRow]:
        import psycopg

        try:
            return psycopg.connect(**self.connect_options(database), autocommit=autocommit)
        except psycopg.OperationalError as error:
            raise TransferError(
                f"cannot connect to {self.with_name(database or self.name).describe()}: {redact(_first_line(error), [self.password])}"
            ) from None

    def connect_admin(self) -> psycopg.Connection[TupleRow]:
        """A session on the server outside this database (which cannot be renamed from inside).

        ``postgres``, or ``template1`` where a hosted service keeps ``postgres`` to itself.
        """
        failure: TransferError | None = None
        for name in ("postgres", "template1"):
            if name == self.name:
                continue
            try:
                return self.connect(name)
            except TransferError as error:
                failure = failure or error
        assert failure is not None
        raise failure

    def libpq_environment(self, database: str | None = None) -> dict[str, str]:
        """This process's environment without PG* variables, plus the ones reaching this database."""
        environment = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
        options = self.connect_options(database)
        names = {"dbname": "PGDATABASE", "host": "PGHOST", "port": "PGPORT", "user": "PGUSER"}
        names.update({"password": "PGPASSWORD", **LIBPQ_OPTIONS})
        environment.update({names[key]: str(value) for key, value in options.items()})
        return environment

    def server_version(self, *, admin: bool = False) -> tuple[str, int]:
        """PostgreSQL's ``server_version`` (``15.4``) and ``server_version_num`` (``150004``).

        Asked of this database, or with ``admin`` of the server (a target may not exist yet).
        """
        with self.connect_admin() if admin else self.connect() as connection:
            row = connection.execute(
                "SELECT current_setting('server_version'), current_setting('server_version_num')::int"
            ).fetchone()
        assert row is not None
        return str(row[0]).split()[0], int(row[1])


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
