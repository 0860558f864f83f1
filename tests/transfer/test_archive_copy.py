"""berth.transfer.archive_copy: the archive pg_restore --jobs reads, beside the dump."""

from __future__ import annotations

import os
import time
from pathlib import Path

from berth.transfer.archive_copy import archive_copy
from berth.transfer.header import MAGIC


def test_the_copy_is_the_archive_without_the_header_and_goes_when_done(tmp_path: Path) -> None:
    dump = tmp_path / "prod.dump"
    archive = b"PGDMP" + os.urandom(200_000)
    dump.write_bytes(MAGIC + b'{"engine": "postgresql"}\n' + archive)
    with archive_copy(dump) as copy:
        assert copy.parent == tmp_path and copy.name.startswith(".prod.dump.")
        assert copy.read_bytes() == archive
    assert sorted(p.name for p in tmp_path.iterdir()) == ["prod.dump"]


def test_a_bare_pg_dump_archive_is_copied_whole(tmp_path: Path) -> None:
    dump = tmp_path / "plain.dump"
    dump.write_bytes(b"PGDMP" + b"x" * 1000)
    with archive_copy(dump) as copy:
        assert copy.read_bytes() == dump.read_bytes()


def test_only_an_old_copy_no_one_holds_is_swept(tmp_path: Path) -> None:
    dump = tmp_path / "prod.dump"
    dump.write_bytes(b"PGDMP")
    old = tmp_path / ".prod.dump.abc123.archive"
    young = tmp_path / ".prod.dump.def456.archive"
    other = tmp_path / ".other.dump.abc123.archive"
    for path in (old, young, other):
        path.write_bytes(b"PGDMP")
    hour_ago = time.time() - 3600
    os.utime(old, (hour_ago, hour_ago))
    os.utime(other, (hour_ago, hour_ago))
    with archive_copy(dump):
        pass
    assert not old.exists()
    assert young.exists(), "a copy younger than a minute may be a restore that just began"
    assert other.exists(), "another dump's copy is another restore's business"
