"""Files written whole or not at all: what a killed writer leaves, and a disk that fills up."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from berth.services.files import DiskFullError, NotAFileError, atomic_file, remove_orphaned_parts

_WRITER = """
import sys, time
from pathlib import Path
from berth.services.files import atomic_file
with atomic_file(Path(sys.argv[1])) as file:
    file.write(b"half a dump")
    file.flush()
    print("writing", flush=True)
    time.sleep(600)
"""


def _writer(path: Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    assert process.stdout.readline() == "writing\n"
    return process


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_a_killed_writers_part_is_removed_and_a_live_writers_kept(tmp_path: Path) -> None:
    killed = _writer(tmp_path / "safety-prod.dump")
    killed.send_signal(signal.SIGKILL)
    killed.wait()
    killed.stdout.close()  # type: ignore[union-attr]
    live = _writer(tmp_path / "prod.dump")
    try:
        parts = sorted(tmp_path.glob(".*.part"))
        assert len(parts) == 2 and not (tmp_path / "safety-prod.dump").exists()
        for part in parts:
            _age(part, 3600)
        removed = remove_orphaned_parts(tmp_path)
        assert [path.name for path in removed] == [
            part.name for part in parts if part.name.startswith(".safety-prod.dump.")
        ]
        assert len(list(tmp_path.glob(".*.part"))) == 1  # the live writer's, still held
    finally:
        live.kill()
        live.wait()
        live.stdout.close()  # type: ignore[union-attr]


def test_a_fresh_part_is_kept_even_when_no_one_holds_it_yet(tmp_path: Path) -> None:
    """Between making its temporary and locking it a writer holds nothing: a minute's grace."""
    (tmp_path / ".prod.dump.abc.part").write_bytes(b"")
    assert remove_orphaned_parts(tmp_path) == []


@pytest.mark.skipif(
    os.geteuid() != 0, reason="a full disk is a small tmpfs: mounting one needs root"
)
def test_a_full_disk_is_one_line_naming_the_folder_and_leaves_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "small"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)], check=True)
    try:
        with pytest.raises(DiskFullError) as caught, atomic_file(folder / "x.dump") as file:
            file.write(b"\0" * (256 << 10))
        assert (
            str(caught.value) == f"no space left on the device of {folder}: x.dump was not written"
        )
        assert list(folder.iterdir()) == []
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_name_that_is_not_a_regular_file_is_never_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(NotAFileError, match="pipe is not a regular file"), atomic_file(fifo):
        pass
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]
