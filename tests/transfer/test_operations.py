"""berth db dump, restore, pull and push against real PostgreSQL, through a real exec prefix."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest
from tests.conftest import fresh_database
from tests.processes import child_environment
from tests.transfer.helpers import fill, fingerprint, write_environments

from berth.cli import main
from berth.services.pg_programs import find_program
from berth.services.postgres import PostgresServer


def test_pull_copies_a_database_only_the_exec_prefix_reaches(
    project: Path, source_url: str, local_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert source_url not in os.environ.values()
    before = fingerprint(local_url)
    assert main(["db", "pull", "prod", "--yes"]) == 0
    assert fingerprint(local_url) == fingerprint(source_url) != before
    err = capsys.readouterr().err
    assert "db dump --here -o -" in err  # through the environment's own berth
    safety = next(line for line in err.splitlines() if "safety dump of" in line).split(": ")[-1]
    # The safety dump holds the local data as it was: restoring it brings it back.
    assert main(["db", "restore", safety, "--yes"]) == 0
    assert fingerprint(local_url) == before
    password = psycopg.conninfo.conninfo_to_dict(source_url)["password"]
    assert password not in capsys.readouterr().err


def test_push_needs_force_for_a_protected_environment(
    project: Path, source_url: str, local_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "berth.toml").write_text((project / "berth.toml").read_text() + "protected = true\n")
    before = fingerprint(source_url)
    assert main(["db", "push", "prod", "--yes"]) == 4
    assert (
        "environment 'prod' is protected (protected = true): add --force" in capsys.readouterr().err
    )
    assert fingerprint(source_url) == before
    assert main(["db", "push", "prod", "--yes", "--force"]) == 0
    assert fingerprint(source_url) == fingerprint(local_url)


def test_without_yes_and_no_terminal_nothing_is_replaced(
    project: Path, source_url: str, local_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = fingerprint(source_url)
    assert main(["db", "push", "prod"]) == 4
    err = capsys.readouterr().err
    database = psycopg.conninfo.conninfo_to_dict(source_url)
    assert f"push replaces PostgreSQL database {database['dbname']!r} on 127.0.0.1" in err
    assert "add --yes" in err and database["password"] not in err and "***" in err
    assert fingerprint(source_url) == before


def test_scrub_runs_on_the_copy_before_it_replaces_the_target(
    project: Path, source_url: str, local_url: str
) -> None:
    scrub = project / "scrub.sql"
    scrub.write_text(
        "UPDATE shop_customer SET email = 'user' || id || '@example.invalid';\n"
        "UPDATE shop_customer SET password = '!';\n"
    )
    assert main(["db", "pull", "prod", "--yes", "--scrub", str(scrub)]) == 0
    with psycopg.connect(local_url) as connection:
        emails = connection.execute(
            "SELECT count(*) FROM shop_customer WHERE email LIKE '%%.invalid' AND password = '!'"
        ).fetchone()
        total = connection.execute("SELECT count(*) FROM shop_customer").fetchone()
    assert emails == total == (50,)
    # The source is untouched.
    with psycopg.connect(source_url) as connection:
        assert connection.execute(
            "SELECT count(*) FROM shop_customer WHERE password = '!'"
        ).fetchone() == (0,)


def test_a_failing_scrub_leaves_the_target_as_it_was(
    project: Path, source_url: str, local_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    scrub = project / "scrub.sql"
    scrub.write_text("UPDATE shop_customer SET email = NULL;\n")  # NOT NULL
    before = fingerprint(local_url)
    assert main(["db", "pull", "prod", "--yes", "--scrub", str(scrub)]) == 1
    assert "the scrub SQL failed on the copy, the database is unchanged" in capsys.readouterr().err
    assert fingerprint(local_url) == before


def test_dump_and_restore_a_file_with_parallel_jobs(
    project: Path, source_url: str, local_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = project / "prod.dump"
    assert main(["db", "dump", "prod", "-o", str(dump), "--exclude-table-data", "shop_order"]) == 0
    assert dump.read_bytes().startswith(b"BERTH-DUMP 1 {")
    assert main(["db", "restore", str(dump), "--yes", "--jobs", "2"]) == 0
    copy = fingerprint(local_url)
    assert copy["shop_customer"] == fingerprint(source_url)["shop_customer"]
    assert copy["shop_order"] == (0, "")
    assert not list(project.glob(".prod.dump.*"))  # the archive copy for the workers is gone


def test_a_plain_pg_dump_archive_restores_with_parallel_jobs(
    project: Path, source_url: str, local_url: str
) -> None:
    """docs/transfer.md: restore takes a plain `pg_dump -Fc` archive. With --jobs, the copy
    pg_restore's workers read lost its first bytes (where a berth dump's header would be)."""
    plain = project / "plain.dump"
    pg_dump = find_program("pg_dump", 1, why="the test")
    subprocess.run(
        [str(pg_dump.path), "--format=custom", f"--file={plain}", source_url], check=True
    )
    assert main(["db", "restore", str(plain), "--yes", "--jobs", "2"]) == 0
    assert fingerprint(local_url)["shop_customer"] == fingerprint(source_url)["shop_customer"]


def test_the_archive_a_killed_parallel_restore_left_is_removed_by_the_next(
    project: Path, source_url: str, local_url: str
) -> None:
    """A restore --jobs SIGKILLed after copying the archive its workers read left that copy,
    as large as the dump, beside it for good."""
    dump = project / "prod.dump"
    assert main(["db", "dump", "prod", "-o", str(dump)]) == 0
    left = project / ".prod.dump.x1y2z3.archive"
    left.write_bytes(b"PGDMP" + b"\0" * 1000)
    os.utime(left, (time.time() - 3600, time.time() - 3600))
    # One a running restore holds (its lock) is another's, whatever its age.
    held = project / ".prod.dump.h4e5l6.archive"
    held.write_bytes(b"PGDMP")
    os.utime(held, (time.time() - 3600, time.time() - 3600))
    locker = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(held)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert locker.stdout is not None and locker.stdout.readline().strip() == "held"
        assert main(["db", "restore", str(dump), "--yes", "--jobs", "2"]) == 0
    finally:
        locker.kill()
        locker.wait()
        assert locker.stdout is not None
        locker.stdout.close()
    assert not left.exists()
    assert held.exists()
    assert fingerprint(local_url)["shop_customer"] == fingerprint(source_url)["shop_customer"]


_HOLD = """
import fcntl, sys, time
handle = open(sys.argv[1], "rb")
fcntl.flock(handle, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(60)
"""


@pytest.mark.parametrize("damage", ["truncated", "corrupt", "not-a-dump", "header"])
def test_a_damaged_dump_leaves_the_target_as_it_was(
    project: Path,
    local_url: str,
    damage: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    dump = project / "prod.dump"
    assert main(["db", "dump", "prod", "-o", str(dump)]) == 0
    data = dump.read_bytes()
    header_end = data.index(b"\n") + 1
    damaged = {
        "truncated": data[: header_end + (len(data) - header_end) // 2],
        "corrupt": data[:header_end] + bytes(b ^ 0x5A for b in data[header_end:]),
        "not-a-dump": b"hello\n",
        "header": b"BERTH-DUMP 1 {not json\n" + data[header_end:],
    }[damage]
    dump.write_bytes(damaged)
    before = fingerprint(local_url)
    assert main(["db", "restore", str(dump), "--yes"]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("berth: ")
    assert fingerprint(local_url) == before
    with psycopg.connect(local_url) as connection:
        leftovers = connection.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE '%%berth_new%%'"
        ).fetchall()
    assert leftovers == []


def test_a_killed_restore_leaves_the_target_as_it_was(
    project: Path, postgres_server: PostgresServer, local_url: str
) -> None:
    with fresh_database(postgres_server) as big:
        fill(big, customers=100, orders=400_000, note="x" * 200)
        dump = project / "big.dump"
        write_environments(project, big={"DATABASE_URL": big})
        assert main(["db", "dump", "big", "-o", str(dump)]) == 0
    before = fingerprint(local_url)
    process = subprocess.Popen(
        [sys.executable, "-m", "berth", "db", "restore", str(dump), "--yes"],
        cwd=project,
        env=child_environment(DATABASE_URL=local_url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        with psycopg.connect(local_url, autocommit=True) as connection:
            while time.monotonic() < deadline and process.poll() is None:
                copy = connection.execute(
                    "SELECT datname FROM pg_database WHERE datname LIKE '%%berth_new%%'"
                ).fetchone()
                if copy is not None:
                    break
                time.sleep(0.02)
        assert copy is not None, "the restore never began"
        time.sleep(0.3)  # pg_restore is now loading rows into the copy
        assert process.poll() is None
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert fingerprint(local_url) == before
    # The next restore clears what the killed one left, and succeeds.
    assert main(["db", "restore", str(dump), "--yes"]) == 0
    with psycopg.connect(local_url, autocommit=True) as connection:
        assert connection.execute("SELECT count(*) FROM shop_order").fetchone() == (400_000,)
        assert connection.execute(
            "SELECT count(*) FROM pg_database WHERE datname LIKE '%%berth_%%'"
        ).fetchone() == (0,)


def test_a_plain_pg_dump_archive_restores_with_its_own_header_checked(
    project: Path, source_url: str, local_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """What the CronJob stored before it ran berth db backup: pg_dump -Fc, no berth header."""
    from berth.services.pg_programs import find_program
    from berth.transfer.databases import Database

    source = Database.from_url(source_url)
    archive = project / "plain.dump"
    pg_dump = find_program("pg_dump", source.server_version()[1] // 10000, why="the test")
    subprocess.run(
        [str(pg_dump.path), "-Fc", "-f", str(archive)],
        env=source.libpq_environment(),
        check=True,
    )
    assert main(["db", "restore", str(archive), "--yes"]) == 0
    assert fingerprint(local_url) == fingerprint(source_url)
    err = capsys.readouterr().err
    assert f"PostgreSQL {source.server_version()[0]} database {source.name!r}" in err
    assert "plain pg_dump archive" in err


def test_other_sessions_on_the_target_are_ended(
    project: Path, source_url: str, local_url: str
) -> None:
    session = psycopg.connect(local_url, autocommit=True)
    session.execute("SELECT 1")
    try:
        assert main(["db", "pull", "prod", "--yes"]) == 0
        with pytest.raises(psycopg.OperationalError):
            session.execute("SELECT 1")
    finally:
        session.close()
    assert fingerprint(local_url) == fingerprint(source_url)


def test_an_application_role_without_superuser_or_the_postgres_database_restores(
    postgres_server: PostgresServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on a hosted service: the role owns its database and may create databases, no more."""
    from psycopg import sql

    role, password = f"app_{os.urandom(4).hex()}", "app-pw"
    name = f"{role}_db"
    admin = psycopg.connect(postgres_server.url(), autocommit=True)
    admin.execute(
        sql.SQL("CREATE ROLE {} LOGIN CREATEDB PASSWORD {}").format(
            sql.Identifier(role), sql.Literal(password)
        )
    )
    admin.execute(
        sql.SQL("CREATE DATABASE {} OWNER {}").format(sql.Identifier(name), sql.Identifier(role))
    )
    admin.execute("REVOKE CONNECT ON DATABASE postgres FROM PUBLIC")
    try:
        url = f"postgres://{role}:{password}@127.0.0.1:{postgres_server.port}/{name}"
        fill(url)
        monkeypatch.setenv("DATABASE_URL", url)
        monkeypatch.chdir(tmp_path)
        (tmp_path / "manage.py").write_text("")
        before = fingerprint(url)
        assert main(["db", "dump", "-o", "app.dump"]) == 0
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute("DELETE FROM shop_order")
        assert main(["db", "restore", "app.dump", "--yes"]) == 0
        assert fingerprint(url) == before
        owner = admin.execute(
            "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = %s", (name,)
        ).fetchone()
        assert owner == (role,)
    finally:
        admin.execute("GRANT CONNECT ON DATABASE postgres TO PUBLIC")
        for database in admin.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", (name + "%",)
        ).fetchall():
            admin.execute(
                sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(database[0]))
            )
        admin.execute(sql.SQL("DROP ROLE {}").format(sql.Identifier(role)))
        admin.close()
