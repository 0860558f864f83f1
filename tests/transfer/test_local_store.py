"""berth.transfer.local_store: the local folder's partial files, its folders and symlinks."""

from __future__ import annotations

import concurrent.futures
from pathlib import Path

import pytest

from berth.transfer.local_store import LocalStore
from berth.transfer.paths import PART_SUFFIX, UnsafeKey


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


def test_a_symlink_at_a_name_in_a_folder_that_was_there_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("not berth's")
    root = tmp_path / "media"
    (root / "a").mkdir(parents=True)
    (root / "a" / "link.bin").symlink_to(outside)
    store = LocalStore(root)
    with store.writer("a/first.bin") as (file, _):
        file.write(b"1")
    with pytest.raises(UnsafeKey, match="through a symlink"), store.writer("a/link.bin"):
        pass
    assert outside.read_text() == "not berth's"


def test_threads_writing_into_one_new_folder_each_get_their_file(tmp_path: Path) -> None:
    # They race to make the same folders: whichever makes one, the others find it made.
    for round_ in range(20):
        root = tmp_path / f"media{round_}"
        store = LocalStore(root)
        store.listing()

        def write(number: int, store: LocalStore = store) -> None:
            with store.writer(f"x/y/z/{number}.bin") as (file, _):
                file.write(b"%d" % number)

        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            list(pool.map(write, range(32)))
        assert _files(root) == sorted(f"x/y/z/{n}.bin" for n in range(32))
