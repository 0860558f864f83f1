"""What every local service shares: secret files."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from berth.services.processes import write_secret


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
