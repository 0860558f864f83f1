"""Which files the doctor reads, what kind each is, and what its path says about it.

Kinds come from names, never from importing or running anything. A path also tells whether a
file is development-only (``settings/dev.py``, ``compose.override.yaml``, ``Dockerfile.dev``),
test code, or tooling that never runs in a serving replica (management commands, migrations).
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from berth.doctor.registry import FileKind
from berth.project.discovery import TOOL_FOLDERS

__all__ = [
    "DEFAULT_EXCLUDES",
    "SourceFile",
    "discover",
    "compose_named",
    "is_excluded",
    "kind_of",
    "says_development",
]

DEFAULT_EXCLUDES: tuple[str, ...] = (
    *sorted(TOOL_FOLDERS),
    "build",
    "dist",
    "*.egg-info",
)

_DOCKERFILE = re.compile(r"(Dockerfile|Containerfile)([.-].+)?|.+\.(Dockerfile|dockerfile)")
_COMPOSE = re.compile(r"(docker-)?compose([.-][\w.-]+)?\.ya?ml")
_SHELL_NAMES = re.compile(r"(docker-)?entrypoint(\.\w+)?|start(-\w+)?|run(-\w+)?|boot(-\w+)?")
_SHELL_STARTS = ("docker-entrypoint", "entrypoint", "start", "run", "boot")
# One word of a path that marks it development-only. Matched against the stem's parts split
# on "_", "-" and ".", and against folder names, so "dev.py", "settings_local.py",
# "docker-compose.dev.yml" and "settings/test/" count, but "device.py" does not.
_DEV_WORDS = frozenset(
    {
        "dev",
        "devel",
        "develop",
        "development",
        "local",
        "test",
        "tests",
        "testing",
        "unittest",
        "unittests",
        "ci",
        "debug",
        "override",
        "example",
        "examples",
        "demo",
        "sandbox",
        "testproject",
        "test_project",
        "example_project",
    }
)
_TEST_PARTS = frozenset({"tests", "test", "testing", "testproject", "test_project", "testapp"})
# A folder whose first word says test (test_utils, tests-project, testing_tools) or that is a
# test project by its one word (testsite, testproj, tests_app).
_TEST_FOLDER = re.compile(r"(tests?|testing)([_.-].*|proj(ect)?s?|apps?|sites?|server|utils?)?")
_TOOLING_DIRS = frozenset({"migrations", "docs", "doc", "bench", "benchmarks", "scripts"})


@dataclass(frozen=True, slots=True)
class SourceFile:
    path: Path
    """Where to read it."""
    display: str
    """How findings name it: relative to the base folder (the project's), forward slashes."""
    kind: FileKind
    relative: str = ""
    """Relative to the folder the scan was asked for: what its role is read from, so that a
    project kept under someone's ``tests/`` folder is not taken for test code."""

    @property
    def parts(self) -> tuple[str, ...]:
        return PurePosixPath(self.relative or self.display).parts

    @property
    def development_only(self) -> bool:
        """The path says so: a dev/local/test settings module, a Compose override, ..."""
        return any(says_development(part) for part in self.parts)

    @property
    def test_code(self) -> bool:
        name = self.parts[-1]
        return (
            any(_test_folder(part) for part in self.parts[:-1])
            or name.startswith("test_")
            or name.endswith("_test.py")
            or name in ("tests.py", "conftest.py", "test.py")
        )

    @property
    def tooling(self) -> bool:
        """Code that runs in a one-off job or on a developer's machine, never while serving."""
        parts = self.parts
        if self.test_code or parts[-1] in ("setup.py", "manage.py", "noxfile.py", "fabfile.py"):
            return True
        if any(part in _TOOLING_DIRS for part in parts[:-1]):
            return True
        return "management" in parts[:-1] and "commands" in parts[:-1]


def compose_named(name: str) -> bool:
    """Named as Compose files are (compose.yaml, docker-compose.prod.yml)."""
    lower = name.lower()
    return "compose" in lower and bool(_COMPOSE.fullmatch(lower))


def says_development(name: str) -> bool:
    """Whether a name (a path part, a settings module, a build target) has a development
    word: ``dev.py``, ``settings.local``, ``development_build``, but not ``device``."""
    stem = name.lower()
    return stem in _DEV_WORDS or any(word in _DEV_WORDS for word in re.split(r"[_.\-/]", stem))


def _test_folder(name: str) -> bool:
    return name in _TEST_PARTS or bool(_TEST_FOLDER.fullmatch(name.lower()))


def kind_of(name: str) -> FileKind | None:
    lower = name.lower()
    if lower.endswith(".py"):
        return "python"
    # Each pattern is tried only on names holding its word: a tree has thousands of names
    # (translations, compiled files) that are none of these, and this runs for every one.
    if ("ockerfile" in lower or "ontainerfile" in lower) and _DOCKERFILE.fullmatch(name):
        return "dockerfile"
    if "compose" in lower and _COMPOSE.fullmatch(lower):
        return "compose"
    if lower.endswith((".yml", ".yaml")):
        # production.yml, local.yml (cookiecutter-django's older names): Compose files by
        # their content, a top-level services: mapping, which the parser checks first.
        return "compose"
    if lower.endswith((".conf", ".conf.template", ".nginx")) or lower == "nginx.conf":
        return "nginx"
    if lower.endswith(".sh") or (lower.startswith(_SHELL_STARTS) and _SHELL_NAMES.fullmatch(lower)):
        return "shell"
    if lower == "procfile" or lower.startswith("procfile."):
        return "procfile"
    if lower.endswith(".ini"):
        return "uwsgi"  # only [uwsgi] options are read: a tox.ini or pytest.ini holds none
    if lower.endswith((".html", ".htm", ".txt.html", ".jinja", ".jinja2", ".j2")):
        return "template"
    return None


_EXCLUDED_NAMES = frozenset(p for p in DEFAULT_EXCLUDES if "*" not in p)


def _excluded_by_default(name: str) -> bool:
    return name in _EXCLUDED_NAMES or name.endswith(".egg-info")


def is_excluded(display: str, patterns: Iterable[str]) -> bool:
    """Whether a path (or one of its folders) matches a pattern: ``legacy/``, ``*.gen.py``."""
    parts = PurePosixPath(display).parts
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatchcase(display, pattern) or fnmatch.fnmatchcase(display, pattern + "/*"):
            return True
        if "/" not in pattern and any(fnmatch.fnmatchcase(part, pattern) for part in parts):
            return True
    return False


def discover(
    paths: Iterable[Path], base: Path, exclude: Iterable[str] = ()
) -> Iterator[SourceFile]:
    """Every file the doctor has a kind for, under ``paths`` (files or folders), sorted."""
    patterns = tuple(exclude)
    base = base.resolve()
    seen: set[str] = set()
    for start in paths:
        start = start.resolve()
        if start.is_file():
            kind = kind_of(start.name)
            if kind is not None and str(start) not in seen:
                seen.add(str(start))
                yield SourceFile(start, _display(start, base), kind, start.name)
            continue
        # Names are joined as strings, not Paths: on a tree of a thousand files pathlib's
        # parsing was a third of a warm run.
        where = _display(start, base)
        prefix = "" if where == "." else where + "/"
        found: list[SourceFile] = []
        folders = [(str(start), "")]
        while folders:
            folder, relative = folders.pop()
            try:
                with os.scandir(folder) as listing:
                    entries = list(listing)
            except OSError:
                continue  # unreadable, or gone since it was listed: os.walk skips it too
            for entry in entries:
                name = entry.name
                inside = relative + name
                try:
                    is_folder = entry.is_dir()
                except OSError:
                    is_folder = False
                if is_folder:
                    # Excludes apply below what was asked for: scanning site-packages/ or a
                    # folder named "build" on purpose still works. Like os.walk, symbolic
                    # links to folders are not followed.
                    if (
                        _excluded_by_default(name)
                        or name.startswith(".")
                        or entry.is_symlink()
                        or (patterns and is_excluded(inside, patterns))
                    ):
                        continue
                    folders.append((entry.path, inside + "/"))
                    continue
                kind = kind_of(name)
                if kind is None or entry.path in seen:
                    continue
                display = prefix + inside
                if patterns and (is_excluded(inside, patterns) or is_excluded(display, patterns)):
                    continue
                seen.add(entry.path)
                found.append(SourceFile(Path(entry.path), display, kind, inside))
        yield from sorted(found, key=lambda f: f.display)


def _display(path: Path, base: Path) -> str:
    try:
        return path.relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()
