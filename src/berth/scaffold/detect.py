"""What the generated files depend on: entry point, server kind, dependency file, Python version."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from berth.errors import BerthError
from berth.project import DjangoProject

__all__ = ["DEFAULT_PYTHON", "ScaffoldError", "Stack", "detect_stack"]

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
            "dependencies from one; `pip freeze > requirements.txt` makes a start"
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
    )


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
