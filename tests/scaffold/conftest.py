"""A copy of the reference project (example/) to run berth init in."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "example"
# Only what detection reads: the generated files must not depend on the rest of the project.
_COPIED = ("manage.py", "requirements.txt", "gallery_site")


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    root = tmp_path / "example"
    root.mkdir()
    (root / ".git").mkdir()  # the dependency search stops here, as at a repository's root
    for name in _COPIED:
        source = EXAMPLE / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, root / name)
    return root
