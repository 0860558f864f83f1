"""The .berth folder: proved writable first, one berth up at a time, a stable key and ports."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from berth.up.datadir import DataDir
from berth.up.errors import UpError


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
