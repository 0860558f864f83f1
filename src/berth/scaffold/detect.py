"""What the generated files depend on: entry point, server kind, dependency file, Python version."""

from __future__ import annotations

import ast
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from berth.errors import BerthError
from berth.project import DjangoProject

__all__ = [
    "DEFAULT_PYTHON",
    "LocalRequirement",
    "ScaffoldError",
    "Stack",
    "detect_stack",
    "local_requirements",
]

DEFAULT_PYTHON = "3.13"
_DEPENDENCY_NAMES = "requirements.txt, pyproject.toml, uv.lock or poetry.lock"


class ScaffoldError(BerthError):
    """The project lacks something the generated files need; the message says what to add."""


@dataclass(frozen=True)
class Stack:
    """The facts about a project that the generated files are made from."""

    root: Path
    settings_module: str
    application: str
    """``module:attribute`` gunicorn serves."""
    asgi: bool
    dependency_kind: str
    """``requirements``, ``pyproject``, ``uv`` or ``poetry``."""
    dependency_file: str
    """Its name, relative to ``root``: the build context is the project folder."""
    python_version: str
    name: str
    """The image and Kubernetes app name: the settings package, as a DNS label."""
    has_berth_dependency: bool
    """Whether the dependency file names django-berth, which the image's command runs."""
    local_requirements: tuple[LocalRequirement, ...] = field(default=())
    """requirements.txt's lines that need this machine's files, on which the image build fails."""


@dataclass(frozen=True)
class LocalRequirement:
    """A requirement the image build cannot install: it names a file only this machine has."""

    line: int
    """Its line number in the file (the first, when it is continued)."""
    text: str
    what: str
    """What it is: ``an editable install``, ``a path on this machine``, ``another requirements file``."""
    release: str | None = None
    """``name==version`` where ``pip freeze``'s comment above an editable install says it."""


def detect_stack(project: DjangoProject) -> Stack:
    """Read what the generated files need from ``project``; raise ScaffoldError if it is missing."""
    asgi = _serves_asgi(project)
    application = project.asgi_application if asgi else project.wsgi_application
    if application is None:
        raise ScaffoldError(
            f"no WSGI or ASGI application found for {project.settings_module}: set "
            "WSGI_APPLICATION in the settings or add a wsgi.py next to them"
        )
    dependency_file = project.dependency_file
    if dependency_file is None or dependency_file.parent != project.root:
        # The image is built from the project folder, so it cannot see a file above it; a
        # silently empty image would only fail at start-up, far from the cause.
        where = f" (found {dependency_file}, outside the build context)" if dependency_file else ""
        raise ScaffoldError(
            f"no {_DEPENDENCY_NAMES} in {project.root}{where}: the image installs the project's "
            "dependencies from one; `pip freeze --exclude-editable > requirements.txt` makes a start"
        )
    if dependency_file.name == "pyproject.toml" and not _names_dependencies(dependency_file):
        raise ScaffoldError(
            f"{dependency_file} names no dependencies (no [project] or [tool.poetry] table): the "
            f"image installs the project's dependencies from {_DEPENDENCY_NAMES}; "
            "`pip freeze --exclude-editable > requirements.txt` makes a start"
        )
    kind = project.dependency_kind
    assert kind is not None  # a dependency file was found
    package = project.settings_module.split(".")[0]
    return Stack(
        root=project.root,
        settings_module=project.settings_module,
        application=application,
        asgi=asgi,
        dependency_kind=kind,
        dependency_file=dependency_file.name,
        python_version=_python_version(project.root),
        name=re.sub(r"[^a-z0-9]+", "-", package.lower()).strip("-") or "web",
        has_berth_dependency=_names_berth(project.root, dependency_file),
        local_requirements=(
            tuple(local_requirements(dependency_file)) if kind == "requirements" else ()
        ),
    )


def _names_dependencies(pyproject: Path) -> bool:
    """Whether ``pyproject`` is a package pip can install: a ``[project]`` (or poetry's) table.
    One holding only tools' tables (``[tool.berth]``, ``[tool.ruff]``) is not."""
    try:
        table = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return True  # the build reports a broken file in its own words
    return "project" in table or "poetry" in table.get("tool", {})


# pip's own rules: a comment starts a line or follows whitespace; a backslash continues a line.
_COMMENT = re.compile(r"(^|\s)#.*$")
_EDITABLE = re.compile(r"(-e|--editable)(\s|=|$)")
_INCLUDE = re.compile(r"(-r|--requirement|-c|--constraint)(\s|=)")
# pip freeze's line above an editable install it cannot name a source for.
_FROZEN_RELEASE = re.compile(r"^#.*\(([A-Za-z0-9][A-Za-z0-9._-]*==[^\s)]+)\)\s*$")
# PEP 508's ``name[extras] @ url``.
_DIRECT_URL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\s*(\[[^\]]*\])?\s*@\s*(?P<url>\S+)")
_ARCHIVE = (".whl", ".zip", ".tar.gz", ".tgz", ".tar.bz2")


def local_requirements(path: Path) -> list[LocalRequirement]:
    """The lines of a requirements file the image build cannot install.

    The Dockerfile copies the requirements file alone before ``pip install -r`` (so that the
    dependencies' layer is cached): an editable install, a path, a ``file:`` URL or another
    requirements file is not there. ``pip freeze`` writes ``-e /path`` for each package
    installed with ``pip install -e``, berth itself among them in a clone.
    """
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    found: list[LocalRequirement] = []
    previous = ""
    number = 0
    while number < len(lines):
        first = number
        raw = lines[number]
        while raw.endswith("\\") and number + 1 < len(lines):
            number += 1
            raw = raw[:-1] + lines[number]
        number += 1
        text = _COMMENT.sub("", raw).strip()
        what = _what_is_local(text) if text else None
        if what is not None:
            release = _FROZEN_RELEASE.match(previous)
            found.append(
                LocalRequirement(first + 1, text, what, release.group(1) if release else None)
            )
        previous = raw.strip()
    return found


def _what_is_local(text: str) -> str | None:
    if _EDITABLE.match(text):
        return "an editable install"
    if _INCLUDE.match(text):
        return "another requirements file"
    if text.startswith("-"):
        return None  # --index-url, --hash and the like
    spec = text.split(";", 1)[0].strip()
    direct = _DIRECT_URL.match(spec)
    if direct is not None:
        return "a path on this machine" if direct.group("url").startswith("file:") else None
    if spec.startswith(("file:", ".", "/", "~")):
        return "a path on this machine"
    if "://" not in spec and ("/" in spec or "\\" in spec or spec.endswith(_ARCHIVE)):
        return "a path on this machine"
    return None


def _serves_asgi(project: DjangoProject) -> bool:
    # startproject writes both wsgi.py and asgi.py, so a file alone says nothing: ASGI is
    # chosen when the settings ask for it (Channels, async views), or when it is all there is.
    if project.wsgi_application is None:
        return project.asgi_application is not None
    settings_file = project.settings_file
    if settings_file is None or project.asgi_application is None:
        return False
    try:
        tree = ast.parse(settings_file.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, UnicodeDecodeError):
        return False
    return any(
        isinstance(node, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "ASGI_APPLICATION" for t in node.targets)
        for node in tree.body
    )


def _python_version(root: Path) -> str:
    # pyenv and uv both write .python-version; its major.minor picks the base image.
    try:
        first = (root / ".python-version").read_text(encoding="utf-8").split()[0]
    except (OSError, IndexError):
        return DEFAULT_PYTHON
    match = re.match(r"(3\.\d+)", first)
    return match.group(1) if match else DEFAULT_PYTHON


def _names_berth(root: Path, dependency_file: Path) -> bool:
    # A lock file lists every package; its pyproject.toml is what the user wrote.
    candidates = [dependency_file, root / "pyproject.toml"]
    for path in candidates:
        try:
            text = path.read_text(encoding="utf-8").lower()
        except OSError:
            continue
        if re.search(r"django[-_]berth", text):
            return True
    return False
