"""What every local service shares: secret files."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from berth.services.processes import (
    is_same_process,
    process_started,
    wait_exited,
    write_secret,
)


def test_a_secret_rewritten_over_a_looser_file_ends_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "password"
    path.write_text("old\n")
    path.chmod(0o644)
    write_secret(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text() == "new\n"
    assert [entry.name for entry in tmp_path.iterdir()] == ["password"]


def test_a_failed_write_leaves_the_previous_secret_and_no_other_file(tmp_path: Path) -> None:
    path = tmp_path / "password"
    write_secret(path, "kept")
    with pytest.raises(UnicodeEncodeError):
        write_secret(path, "half\udc80")  # a lone surrogate: UTF-8 cannot encode it
    assert path.read_text() == "kept\n"
    assert [entry.name for entry in tmp_path.iterdir()] == ["password"]


def test_a_process_stays_itself_when_the_wall_clock_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """CI: an NTP step between the berth up that wrote up.json and the command that read it
    moved psutil's boot time by a second, and every command said no berth up was running."""
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        written = process_started(child.pid)
        stepped = psutil.boot_time() + 1.0
        monkeypatch.setattr(psutil, "boot_time", lambda: stepped)
        if sys.platform == "linux":
            monkeypatch.setattr("psutil._pslinux.boot_time", lambda: stepped)
        assert is_same_process(child.pid, written)
        assert not is_same_process(child.pid, (written or 0) - 0.5)
        assert not is_same_process(os.getpid(), written)
    finally:
        child.kill()
        child.wait()
    assert not is_same_process(child.pid, written)


def test_wait_exited_answers_none_while_the_child_runs_and_its_status_once_it_ended() -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read(); sys.exit(3)"], stdin=subprocess.PIPE
    )
    try:
        assert wait_exited(child, 0.05) is None
        assert child.stdin is not None
        child.stdin.close()
        assert wait_exited(child, 60) == 3
        assert wait_exited(child, 0) == 3  # reaped already: the status kept
    finally:
        child.kill()
        child.wait()


def test_wait_exited_is_woken_by_the_exit_not_by_its_timeout() -> None:
    # Not a speed test: a wait that slept out its timeout would take the whole minute.
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0.2)"])
    started = time.monotonic()
    assert wait_exited(child, 60) == 0
    assert time.monotonic() - started < 30
