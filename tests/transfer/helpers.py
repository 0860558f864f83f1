"""What the transfer tests share: databases with known content, their fingerprints, environments."""

from __future__ import annotations

import sys
from pathlib import Path

import psycopg

SCHEMA = """
CREATE TABLE shop_customer (id serial PRIMARY KEY, email text NOT NULL, password text NOT NULL);
CREATE TABLE shop_order (
    id serial PRIMARY KEY,
    customer_id integer REFERENCES shop_customer(id),
    total numeric(10, 2),
    note text
);
CREATE INDEX shop_order_customer ON shop_order (customer_id);
"""


def fill(url: str, customers: int = 50, orders: int = 500, note: str = "") -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(SCHEMA)
        connection.execute(
            "INSERT INTO shop_customer (email, password) "
            "SELECT 'user' || i || '@example.com', 'pbkdf2$' || md5(i::text) FROM generate_series(1, %s) i",
            (customers,),
        )
        connection.execute(
            "INSERT INTO shop_order (customer_id, total, note) "
            "SELECT 1 + i %% %s, i * 1.5, %s || i FROM generate_series(1, %s) i",
            (customers, note, orders),
        )


def fingerprint(url: str) -> dict[str, tuple[int, str]]:
    """Row count and a checksum of every row, per table of the public schema."""
    with psycopg.connect(url, autocommit=True) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        result = {}
        for table in tables:
            row = connection.execute(
                f"SELECT count(*), coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM \"{table}\" t"
            ).fetchone()
            assert row is not None
            result[table] = (int(row[0]), str(row[1]))
        return result


def write_environments(
    folder: Path, *, before: str | None = None, **environments: dict[str, str]
) -> None:
    """A berth.toml whose each environment runs berth (this interpreter's) under ``env VAR=…``.

    The variables live only in that prefix: the test's own environment cannot reach them.
    ``before``: shell lines the prefix runs first (a login banner, a hang), as a script that
    then execs the rest.
    """
    lines = []
    for name, variables in environments.items():
        prefix = ["env", *(f"{key}={value}" for key, value in variables.items())]
        if before is not None:
            script = folder / f"exec-{name}.sh"
            script.write_text(f'#!/bin/sh\n{before}\nexec "$@"\n')
            script.chmod(0o755)
            prefix.insert(0, str(script))
        lines.append(f"[environments.{name}]")
        lines.append("exec = [" + ", ".join(f'"{word}"' for word in prefix) + "]")
        lines.append(f'berth = ["{sys.executable}", "-m", "berth"]')
    (folder / "berth.toml").write_text("\n".join(lines) + "\n")
    (folder / "manage.py").write_text("")
