"""berth.transfer.local_store: the local folder's partial files."""

from __future__ import annotations

from pathlib import Path

import pytest

from berth.transfer.local_store import LocalStore
from berth.transfer.paths import PART_SUFFIX


def _files(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_partials_cleared_are_those_listed_and_those_left_since(tmp_path: Path) -> None:
    stale = tmp_path / "a" / f".old.bin.1234{PART_SUFFIX}"
    stale.parent.mkdir()
    stale.write_bytes(b"from a killed run")
    store = LocalStore(tmp_path)
    assert store.listing().entries == {}
    with pytest.raises(OSError), store.writer("b/half.bin", resume_tag="etag") as (file, _):
        file.write(b"half")
        raise OSError("the connection dropped")
    with store.writer("c/whole.bin") as (file, _):
        file.write(b"whole")
    assert len(_files(tmp_path)) == 3
    assert store.clear_partials() == 2
    assert _files(tmp_path) == ["c/whole.bin"]
    assert store.clear_partials() == 0


def test_partials_are_found_by_a_walk_when_nothing_was_listed(tmp_path: Path) -> None:
    stale = tmp_path / "deep" / "er" / f".old.bin.1234{PART_SUFFIX}"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"x")
    (tmp_path / "kept.bin").write_bytes(b"y")
    assert LocalStore(tmp_path).clear_partials() == 1
    assert _files(tmp_path) == ["kept.bin"]
