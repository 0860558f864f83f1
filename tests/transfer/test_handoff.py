"""A pull whose exec channel begins with the dump hands the channel to pg_restore: berth reads
none of the archive itself (a banner first keeps berth's copy: test_exec_prefix.py)."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest
from tests.conftest import fresh_database
from tests.transfer.helpers import fingerprint

from berth.cli import main
from berth.services.postgres import PostgresServer
from berth.transfer.databases import Database


def _read_chars() -> int:
    """What this thread has read through read(2) and its kind (Linux's rchar).

    The thread's, not the process's: a reaped child's reads (pg_restore's) count toward its
    parent process, and berth copies in its main thread.
    """
    for line in Path("/proc/thread-self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    raise AssertionError("no rchar in /proc/self/io")


@pytest.mark.skipif(not Path("/proc/thread-self/io").exists(), reason="Linux's /proc/…/io")
def test_a_clean_channel_reaches_pg_restore_without_passing_through_berth(
    project: Path,
    source_url: str,
    postgres_server: PostgresServer,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    with psycopg.connect(source_url, autocommit=True) as connection:
        # Hex digests compress little: an archive of about 1 MB, far above berth's own reads.
        connection.execute(
            "CREATE TABLE digest AS SELECT i, md5(i::text) || md5((-i)::text) AS hex "
            "FROM generate_series(1, 40000) i"
        )
    # Through the same channel, into a file (berth's copy): the archive's size.
    kept = project / "prod.dump"
    assert main(["db", "dump", "prod", "-o", str(kept)]) == 0
    size = kept.stat().st_size
    assert size > 1_000_000
    # Into a database that does not exist yet: no safety dump, which berth reads itself.
    with fresh_database(postgres_server) as target:
        postgres_server.drop_database(Database.from_url(target).name)
        monkeypatch.setenv("DATABASE_URL", target)
        before = _read_chars()
        assert main(["db", "pull", "prod", "--yes"]) == 0
        read = _read_chars() - before
        assert fingerprint(target) == fingerprint(source_url)

    assert read < size // 10, f"berth read {read} bytes of a {size}-byte dump"
    assert "printed" not in capsys.readouterr().err
