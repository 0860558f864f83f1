"""Throwaway copies of a project tree: everything an image holds, nothing it should not."""

from __future__ import annotations

from pathlib import Path

from berth.up.tree import copy_tree, remove_tree


def test_copies_leave_out_version_control_caches_and_berth_data(tmp_path: Path) -> None:
    source = tmp_path / "project"
    for name in (
        "manage.py",
        "app/views.py",
        "app/__pycache__/views.cpython-311.pyc",
        "app/stale.pyc",
        ".git/HEAD",
        ".berth/postgres/PG_VERSION",
        ".venv/bin/python",
        "frontend/node_modules/left-pad/index.js",
        "frontend/src/main.js",
    ):
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(name)
    (source / "link").symlink_to("manage.py")

    seconds = copy_tree(source, tmp_path / "copy")

    copied = sorted(
        str(path.relative_to(tmp_path / "copy")) for path in (tmp_path / "copy").rglob("*")
    )
    assert copied == [
        "app",
        "app/views.py",
        "frontend",
        "frontend/src",
        "frontend/src/main.js",
        "link",
        "manage.py",
    ]
    assert (tmp_path / "copy" / "link").is_symlink()
    assert seconds >= 0


def test_remove_tree_deletes_everything(tmp_path: Path) -> None:
    (tmp_path / "tree" / "deep").mkdir(parents=True)
    (tmp_path / "tree" / "deep" / "file").write_text("x")
    remove_tree(tmp_path / "tree")
    remove_tree(tmp_path / "tree")  # already gone: nothing to do
    assert not (tmp_path / "tree").exists()
