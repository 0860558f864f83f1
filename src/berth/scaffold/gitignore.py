"""berth init's lines in a project's ``.gitignore``: what must never be committed, the same
:data:`~berth.scaffold.dockerignore.DATA_EXCLUDES` that never enter an image."""

from __future__ import annotations

from pathlib import Path

from berth.scaffold.dockerignore import gitignore_lines
from berth.services.files import atomic_file, file_mode

__all__ = ["add_gitignore_lines", "missing_gitignore_lines"]

_COMMENT = (
    "# Never committed (berth init): berth's data, data/, dumps, SQLite databases, .env files"
)


def missing_gitignore_lines(root: Path) -> list[str]:
    """The lines ``root/.gitignore`` lacks, in order.

    An exception (``!/.env.example``) follows the pattern it makes an exception to: once a
    line is missing, the exceptions after it are added again, so that they come after it.
    """
    try:
        text = (root / ".gitignore").read_text(encoding="utf-8")
    except FileNotFoundError:
        text = ""
    present = {line.strip() for line in text.splitlines()}
    missing: list[str] = []
    for line in gitignore_lines():
        if line not in present or (line.startswith("!") and missing):
            missing.append(line)
    return missing


def add_gitignore_lines(root: Path, lines: list[str]) -> None:
    """Append ``lines`` to ``root/.gitignore`` (made if missing), replacing it whole: an
    interrupted write leaves the previous file."""
    path = root / ".gitignore"
    try:
        old = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        old = ""
    separator = "\n" if old and not old.endswith("\n") else ""
    text = f"{old}{separator}{_COMMENT}\n" + "".join(f"{line}\n" for line in lines)
    with atomic_file(path, mode=file_mode(path)) as file:
        file.write(text.encode("utf-8"))
