"""The .berth folder: proved writable first, one berth up at a time, a stable key and ports."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from berth.services.processes import process_started
from berth.up.console import Console
from berth.up.datadir import DataDir
from berth.up.errors import UpError
from berth.up.leftovers import stop_leftovers


def test_prepare_makes_the_folder_and_its_logs(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path)
    data_dir.prepare()
    assert data_dir.path == tmp_path / ".berth"
    assert data_dir.logs.is_dir()
    assert sorted(p.name for p in data_dir.path.iterdir()) == ["logs"]  # the probe is gone


def test_a_file_in_the_way_is_one_line(tmp_path: Path) -> None:
    (tmp_path / ".berth").write_text("not a folder")
    with pytest.raises(UpError) as raised:
        DataDir(tmp_path).prepare()
    assert str(raised.value) == (
        f"cannot write to {tmp_path / '.berth'}: it is not a folder "
        "(berth up keeps its services' data and logs there)"
    )


def test_the_secret_key_is_made_once_and_kept_private(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path)
    data_dir.prepare()
    key = data_dir.secret_key()
    assert len(key) >= 50
    assert DataDir(tmp_path).secret_key() == key
    assert stat.S_IMODE((data_dir.path / "secret_key").stat().st_mode) == 0o600


def test_ports_are_remembered(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path)
    data_dir.prepare()
    assert data_dir.remembered_port("postgres") is None
    data_dir.remember_port("postgres", 54321)
    data_dir.remember_port("s3", 9000)
    assert DataDir(tmp_path).remembered_port("postgres") == 54321
    (data_dir.path / "ports.json").write_text("{broken")
    assert data_dir.remembered_port("s3") is None


def test_a_second_lock_names_the_running_berth_up(tmp_path: Path) -> None:
    first, second = DataDir(tmp_path), DataDir(tmp_path)
    first.prepare()
    first.lock()
    first.state_file.write_text(json.dumps({"pid": 4242, "url": "http://127.0.0.1:8000"}))
    try:
        with pytest.raises(UpError) as raised:
            second.lock()
        assert str(raised.value) == (
            "berth up already runs in this project (pid 4242, http://127.0.0.1:8000): stop it first"
        )
    finally:
        first.unlock()
    second.lock()
    second.unlock()


def _state_naming(data_dir: DataDir, pid: int, started: float | None) -> None:
    data_dir.path.mkdir(exist_ok=True)
    data_dir.state_file.write_text(json.dumps({"pid": pid, "pid_started": started}))


def test_a_berth_up_counts_as_running_only_while_it_holds_the_lock(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path)
    data_dir.prepare()
    # A file a killed berth up left, naming a live process (this one): not running.
    _state_naming(data_dir, os.getpid(), process_started(os.getpid()))
    assert data_dir.running_state() is None
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(data_dir.path / "up.lock")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        # Locked, but up.json names a pid whose start time is not its own: a reused pid.
        _state_naming(data_dir, holder.pid, 12345.0)
        assert data_dir.running_state() is None
        _state_naming(data_dir, holder.pid, process_started(holder.pid))
        assert data_dir.running_state() == {
            "pid": holder.pid,
            "pid_started": process_started(holder.pid),
        }
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()


HOLD_LOCK = """
import fcntl, sys, time
handle = open(sys.argv[1], "ab")
fcntl.flock(handle, fcntl.LOCK_EX)
print("locked", flush=True)
time.sleep(60)
"""


def test_leftovers_are_stopped_only_when_they_are_the_process_named(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path)
    data_dir.prepare()
    stray = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        started = process_started(stray.pid)
        data_dir.state_file.write_text(
            json.dumps(
                {
                    "replicas": [{"name": "web-1", "pid": stray.pid, "pid_started": started}],
                    # A pid from the file whose process started at another time: not ours.
                    "services": {"s3": {"pid": other.pid, "pid_started": started - 100}},
                }
            )
        )
        said = io.StringIO()
        stop_leftovers(data_dir.state_file, Console(said))
        assert stray.wait(timeout=10) is not None
        assert other.poll() is None, "a process that only shares a pid was signalled"
        assert said.getvalue().strip() == (
            f"berth | stopped what a killed berth up left running: web-1 (pid {stray.pid})"
        )
        assert not data_dir.state_file.exists()
    finally:
        for process in (stray, other):
            process.kill()
            process.wait()
