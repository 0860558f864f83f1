"""Throwaway copies of a project tree: what a container's copy-on-write layer over its image is.

A replica writes into its own copy and nothing else sees it; the copy is deleted with the
replica. Version control, virtualenvs, caches and compiled files are left out of every copy;
the image's copy of the project also leaves out what its ``.dockerignore`` and berth's
:data:`~berth.scaffold.dockerignore.DATA_EXCLUDES` do (see :mod:`berth.up.image`).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from berth.project.discovery import TOOL_FOLDERS
from berth.scaffold.dockerignore import IgnoreRules
from berth.up.errors import UpError

__all__ = [
    "SCRATCH_PREFIX",
    "TOOL_EXCLUDES",
    "PrivateTree",
    "copy_tree",
    "private_tree",
    "ignorer",
    "remove_tree",
]

SCRATCH_PREFIX = "berth-up-"
"""The temporary folder of one berth up: its image and its replicas' trees."""

TOOL_EXCLUDES = (
    *(f"**/{name}" for name in sorted(TOOL_FOLDERS | {".DS_Store"})),
    "**/*.py[co]",
)
"""Left out of every copy, at any depth, as ``.dockerignore`` patterns: the tools' folders
(version control, virtualenvs, caches, berth's data), macOS's folder metadata, compiled files."""


def ignorer(source: Path, rules: IgnoreRules) -> Callable[[str, list[str]], set[str]]:
    """What a copy of ``source`` leaves out, as shutil.copytree's ``ignore`` asks: the image's
    copies and the --watch file scan skip the same names."""

    def ignored(folder: str, names: list[str]) -> set[str]:
        relative = Path(folder).relative_to(source).as_posix()
        prefix = "" if relative == "." else f"{relative}/"
        left_out = set()
        for name in names:
            path = f"{prefix}{name}"
            if not rules.excludes(path):
                continue
            entry = os.path.join(folder, name)
            # A folder an exception reaches into is walked; what it excludes inside stays out.
            walked = os.path.isdir(entry) and not os.path.islink(entry)
            if not (walked and rules.may_keep_below(path)):
                left_out.add(name)
        return left_out

    return ignored


def copy_tree(source: Path, destination: Path, rules: IgnoreRules | None = None) -> float:
    """Copy ``source`` to ``destination`` (which must not exist); return the seconds it took.

    ``rules`` says what is left out; by default :data:`TOOL_EXCLUDES`.

    shutil.copytree rather than ``cp --reflink``: it can leave folders out at any depth, and
    Linux's copy_file_range under it is as fast as cp on filesystems without reflinks.
    Symbolic links stay links, as ``COPY`` keeps them in an image.
    """
    started = time.perf_counter()
    try:
        shutil.copytree(
            source,
            destination,
            symlinks=True,
            ignore=ignorer(source, rules or IgnoreRules(TOOL_EXCLUDES)),
        )
    except (OSError, shutil.Error) as error:
        remove_tree(destination)
        raise UpError(f"cannot copy {source} to {destination}: {_first_problem(error)}") from None
    return time.perf_counter() - started


class PrivateTree:
    """One container's disk: ``app/``, a copy of the image, and its own ``tmp/`` and ``home/``."""

    def __init__(self, folder: Path, copy_seconds: float = 0.0) -> None:
        self.folder = folder
        self.copy_seconds = copy_seconds

    @property
    def app(self) -> Path:
        return self.folder / "app"

    def variables(self, hostname: str, pythonpath: str | None) -> dict[str, str]:
        """What a process in it gets as a container's own: hostname, TMPDIR, HOME, the copy
        first on PYTHONPATH (it must import its own files, not the original tree)."""
        return {
            "HOSTNAME": hostname,
            "TMPDIR": str(self.folder / "tmp"),
            "HOME": str(self.folder / "home"),
            "PYTHONPATH": os.pathsep.join([str(self.app), *filter(None, [pythonpath])]),
        }


def private_tree(image: Path, parent: Path, name: str) -> PrivateTree:
    """A new ``PrivateTree`` under ``parent`` copied from ``image``; nothing is left on failure."""
    folder = Path(tempfile.mkdtemp(prefix=f"{name}.", dir=parent))
    try:
        copy_seconds = copy_tree(image, folder / "app")
        for private in ("tmp", "home"):
            (folder / private).mkdir()
    except BaseException:
        remove_tree(folder)
        raise
    return PrivateTree(folder, copy_seconds)


def remove_tree(path: Path) -> None:
    """Delete ``path`` and everything in it; a left-over file in a temporary folder is harmless."""
    shutil.rmtree(path, ignore_errors=True)


def _first_problem(error: BaseException) -> str:
    if isinstance(error, shutil.Error) and error.args and isinstance(error.args[0], list):
        source, _, problem = error.args[0][0]
        return f"{source}: {problem}"
    return str(getattr(error, "strerror", None) or error)
