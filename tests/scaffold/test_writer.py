from __future__ import annotations

import re
from pathlib import Path

from berth.scaffold.writer import Action, apply_changes, is_berth_file, plan_changes, with_header


def test_unedited_file_is_refreshed_edited_file_is_kept(tmp_path: Path) -> None:
    apply_changes(tmp_path, plan_changes(tmp_path, {"a.yaml": with_header("one\n")}))
    assert is_berth_file((tmp_path / "a.yaml").read_text())
    (change,) = plan_changes(tmp_path, {"a.yaml": with_header("two\n")})
    assert change.action is Action.UPDATE
    apply_changes(tmp_path, [change])
    (tmp_path / "a.yaml").write_text((tmp_path / "a.yaml").read_text() + "mine\n")
    (kept,) = plan_changes(tmp_path, {"a.yaml": with_header("three\n")})
    assert kept.action is Action.KEEP
    assert "-mine" in kept.diff() and "+three" in kept.diff()
    apply_changes(tmp_path, [kept])
    assert "mine" in (tmp_path / "a.yaml").read_text()
    (forced,) = plan_changes(tmp_path, {"a.yaml": with_header("three\n")}, force=True)
    assert forced.action is Action.OVERWRITE


def test_a_file_without_header_is_the_users(tmp_path: Path) -> None:
    (tmp_path / "Dockerfile").write_text("FROM scratch\n")
    (change,) = plan_changes(tmp_path, {"Dockerfile": with_header("FROM python\n")})
    assert change.action is Action.KEEP


def test_a_header_whose_hash_does_not_match_counts_as_an_edit(tmp_path: Path) -> None:
    tampered = re.sub(r"sha256:[0-9a-f]{12}", "sha256:000000000000", with_header("x\n"))
    (tmp_path / "f").write_text(tampered)
    (change,) = plan_changes(tmp_path, {"f": with_header("y\n")})
    assert change.action is Action.KEEP
