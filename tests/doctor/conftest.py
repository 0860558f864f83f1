"""Helpers for the doctor's tests: a project written into a temporary folder, scanned in-process."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from berth.doctor.engine import Options, Report, scan


@pytest.fixture(autouse=True)
def private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """The doctor's cache goes to a temporary folder, never the developer's ~/.cache."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    yield folder


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def run(root: Path, files: dict[str, str] | None = None, **options: object) -> Report:
    if files:
        write(root, files)
    settings = {"paths": [root], "base": root, "jobs": 1, "cache_folder": None}
    settings.update(options)
    return scan(Options(**settings))  # type: ignore[arg-type]


def found(root: Path, files: dict[str, str], rule: str | None = None) -> list[tuple[str, int, str]]:
    """(path, line, rule) of each finding, of one rule when given."""
    return [
        (f.path, f.line, f.rule)
        for f in run(root, files).findings
        if rule is None or f.rule == rule
    ]


def lines(root: Path, files: dict[str, str], rule: str) -> list[tuple[str, int]]:
    return [(path, line) for path, line, _ in found(root, files, rule)]
