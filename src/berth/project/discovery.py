"""Find a Django project on disk without importing it: its root, settings, entry points, dependencies.

Read statically (with ``ast``) on purpose: importing the settings would run the project's
code, need its environment, and fail for the very misconfigurations berth is asked to fix.
"""

from __future__ import annotations

import ast
import os
from dataclasses import dataclass
from pathlib import Path

from berth.errors import BerthError

__all__ = [
    "find_root",
    "TOOL_FOLDERS",
    "DjangoProject",
    "ProjectNotFound",
    "find_project",
    "module_file",
    "parse_python",
    "setup_django",
    "string_setting",
]

TOOL_FOLDERS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        ".tox",
        ".nox",
        "node_modules",
        "__pycache__",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        ".hypothesis",
        ".berth",
    }
)
"""Folders in a project's tree that are its tools', not its own: version control, virtualenvs,
caches, berth's data. An image leaves them out, and the doctor does not read them."""

_MANAGE_PY = "manage.py"


class ProjectNotFound(BerthError):
    """No Django project where berth was asked to look."""


@dataclass(frozen=True)
class DjangoProject:
    root: Path
    """The folder holding manage.py; what a container image copies and runs from."""
    settings_module: str
    """Dotted path, as DJANGO_SETTINGS_MODULE takes it."""
    wsgi_application: str | None
    """``module:attribute``, as gunicorn takes it."""
    asgi_application: str | None
    dependency_file: Path | None
    """uv.lock, poetry.lock, requirements.txt or pyproject.toml: what an image installs from."""

    @property
    def manage_py(self) -> Path:
        return self.root / _MANAGE_PY

    @property
    def dependency_kind(self) -> str | None:
        """``uv``, ``poetry``, ``requirements`` or ``pyproject``; None when nothing was found."""
        if self.dependency_file is None:
            return None
        return {
            "uv.lock": "uv",
            "poetry.lock": "poetry",
            "pyproject.toml": "pyproject",
        }.get(self.dependency_file.name, "requirements")

    @property
    def settings_file(self) -> Path | None:
        return module_file(self.root, self.settings_module)


def find_root(start: Path | None = None) -> Path | None:
    """The folder holding manage.py: ``start`` (default: the current folder) or above it."""
    here = (start or Path.cwd()).resolve()
    return next(
        (folder for folder in (here, *here.parents) if (folder / _MANAGE_PY).is_file()), None
    )


def find_project(start: Path | None = None) -> DjangoProject:
    """The project whose manage.py is in ``start`` (default: the current folder) or above it."""
    root = find_root(start)
    if root is None:
        raise ProjectNotFound(
            f"no {_MANAGE_PY} in {(start or Path.cwd()).resolve()} or above it: "
            "run berth in your Django project's folder"
        )
    return _read_project(root)


def _read_project(root: Path) -> DjangoProject:
    settings_module = _settings_module(root)
    settings_trees = _settings_trees(root, settings_module)
    package = settings_module.rpartition(".")[0]
    return DjangoProject(
        root=root,
        settings_module=settings_module,
        wsgi_application=_application(root, settings_trees, "WSGI_APPLICATION", package, "wsgi"),
        asgi_application=_application(root, settings_trees, "ASGI_APPLICATION", package, "asgi"),
        dependency_file=_dependency_file(root),
    )


def _settings_module(root: Path) -> str:
    # manage.py names it in os.environ.setdefault("DJANGO_SETTINGS_MODULE", "…"); a project
    # that leaves it to the environment is taken at its word.
    tree = parse_python(root / _MANAGE_PY)
    for node in ast.walk(tree) if tree else ():
        if (
            isinstance(node, ast.Call)
            and len(node.args) == 2
            and all(isinstance(arg, ast.Constant) for arg in node.args)
            and node.args[0].value == "DJANGO_SETTINGS_MODULE"  # type: ignore[attr-defined]
            and isinstance(node.args[1].value, str)  # type: ignore[attr-defined]
        ):
            return str(node.args[1].value)  # type: ignore[attr-defined]
    from_environment = os.environ.get("DJANGO_SETTINGS_MODULE")
    if from_environment:
        return from_environment
    raise ProjectNotFound(
        f"{root / _MANAGE_PY} does not name DJANGO_SETTINGS_MODULE and the variable is unset"
    )


def _settings_trees(root: Path, settings_module: str) -> list[ast.Module]:
    """The settings module's tree, then those of the modules it star-imports, nearest first.

    Split settings (``settings/production.py`` doing ``from .base import *``, as
    cookiecutter-django does) leave WSGI_APPLICATION in the module star-imported.
    """
    trees: list[ast.Module] = []
    pending = [settings_module]
    seen: set[str] = set()
    while pending and len(seen) < _MAX_SETTINGS_MODULES:
        dotted = pending.pop(0)
        if dotted in seen:
            continue
        seen.add(dotted)
        path = module_file(root, dotted)
        tree = parse_python(path) if path else None
        if tree is None:
            continue
        trees.append(tree)
        package = dotted if path and path.name == "__init__.py" else dotted.rpartition(".")[0]
        pending.extend(
            _absolute(node, package)
            for node in tree.body
            if isinstance(node, ast.ImportFrom) and any(alias.name == "*" for alias in node.names)
        )
    return trees


# Settings star-imported through more modules than this are not real projects' layouts.
_MAX_SETTINGS_MODULES = 8


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    parts = package.split(".") if package else []
    base = parts[: len(parts) - node.level + 1]
    return ".".join([*base, *([node.module] if node.module else [])])


def _application(
    root: Path, settings: list[ast.Module], setting: str, package: str, module: str
) -> str | None:
    dotted = next(filter(None, (string_setting(tree, setting) for tree in settings)), None)
    if dotted:
        module_path, _, attribute = dotted.rpartition(".")
        return f"{module_path}:{attribute}"
    # Django's startproject layout: <package>/wsgi.py defining `application`.
    candidate = f"{package}.{module}" if package else module
    if module_file(root, candidate):
        return f"{candidate}:application"
    return None


def string_setting(tree: ast.Module, name: str) -> str | None:
    """The string literal assigned to ``name`` at module level in ``tree``, if any."""
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and any(isinstance(target, ast.Name) and target.id == name for target in node.targets)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            return node.value.value
    return None


def _dependency_file(root: Path) -> Path | None:
    # A lock file pins what was tested; it wins over the looser lists. The project may
    # live below its repository's root, so look there too, nearest first.
    for folder in (root, *root.parents):
        for name in ("uv.lock", "poetry.lock", "requirements.txt", "pyproject.toml"):
            if (folder / name).is_file():
                return folder / name
        if (folder / ".git").exists():
            break
    return None


def module_file(root: Path, dotted: str) -> Path | None:
    """The file of module ``dotted`` under ``root`` (a ``.py`` file or a package's
    ``__init__.py``); None when there is none."""
    base = root.joinpath(*dotted.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def parse_python(path: Path) -> ast.Module | None:
    """``path``'s syntax tree, read statically; None when it cannot be read or parsed."""
    try:
        # Bytes, so that a coding declaration is honoured as Python would.
        return ast.parse(path.read_bytes(), filename=str(path))
    except (OSError, SyntaxError, ValueError):
        return None


def setup_django(project: DjangoProject) -> None:
    """Load the project's settings and apps in this process, as manage.py would."""
    import sys

    import django

    root = str(project.root)
    if root not in sys.path:
        sys.path.insert(0, root)
    # As manage.py does: an explicit DJANGO_SETTINGS_MODULE in the environment wins.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", project.settings_module)
    django.setup()
