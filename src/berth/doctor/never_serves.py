"""Python code that never serves, judged from the project's own evidence rather than names.

A test project kept in ``t/proj/`` or ``cms/test_utils/project/`` and the settings a Sphinx
build loads look like any project's code. What says they never serve is the rest of the
project: the settings module the test runner's configuration names (pytest's
``DJANGO_SETTINGS_MODULE`` or ``--ds``, tox's ``setenv``, a ``conftest.py`` or ``runtests.py``
that sets it), a module only an image's build runs with (``RUN DJANGO_SETTINGS_MODULE=...
collectstatic``), the folder tox runs the tests in (``changedir``), the folders the package's
build leaves out (``find_packages(exclude=[...])``), a Sphinx ``conf.py``, and the URLconf only
such settings name (``ROOT_URLCONF``). A settings module that production selects (a serving
Dockerfile's or Compose service's ``DJANGO_SETTINGS_MODULE``, a ``wsgi.py`` or ``asgi.py``
outside those folders) is production's, whoever else names it.
"""

from __future__ import annotations

import configparser
import posixpath
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from berth.doctor.files import SourceFile

__all__ = ["NeverServes", "gather", "test_urlconfs"]

# os.environ.setdefault("DJANGO_SETTINGS_MODULE", "x.settings"), os.environ[...] = "...",
# monkeypatch.setenv(...), DJANGO_SETTINGS_MODULE=x.settings in an ini file.
_SELECTS = re.compile(r"""DJANGO_SETTINGS_MODULE["']?\s*(?:\]\s*)?[,:=]\s*["']?([A-Za-z_][\w.]*)""")
_DS_OPTION = re.compile(r"--ds[=\s]+([A-Za-z_][\w.]*)")
_EXCLUDE = re.compile(r"exclude\s*=\s*[\[(]([^\])]*)[\])]", re.S)
_NAME = re.compile(r"""["']([A-Za-z_][\w.]*(?:\.\*)?)["']""")
_EXAMPLE = re.compile(r"(examples?|demos?|sandbox)([_.-].*|proj(ect)?s?|apps?)?")
_EXAMPLE_WORD = re.compile(r"(^|/)(example|demo|sandbox)")
# RUN DJANGO_SETTINGS_MODULE=x.settings.static python manage.py collectstatic: build time.
_BUILD_SETTINGS = re.compile(
    r"^\s*RUN\b[^\n]*?\bDJANGO_SETTINGS_MODULE=[\"']?([A-Za-z_][\w.]*)", re.M | re.I
)
_SPHINX = re.compile(r"^(extensions|html_theme|master_doc|root_doc)\s*=", re.M)


@dataclass
class NeverServes:
    folders: dict[str, str] = field(default_factory=dict)
    """Folder (as findings name paths) -> why nothing in it serves."""
    test_settings: dict[str, str] = field(default_factory=dict)
    """Dotted settings module -> why only tests or an image's build run with it."""
    served_settings: set[str] = field(default_factory=set)
    """Dotted settings modules a serving entry point selects."""

    def folder_of(self, path: str) -> str | None:
        """Why the file at ``path`` never serves; None when nothing says so."""
        for folder, reason in self.folders.items():
            if path.startswith(folder + "/"):
                return reason
        return None

    def settings_reason(self, module: str, path: str) -> str | None:
        """Why the settings module ``module`` (at ``path``) is not production's; None if it
        may be."""
        if any(_same_module(module, served) for served in self.served_settings):
            return None
        reason = self.folder_of(path)
        if reason:
            return reason
        for named, reason in self.test_settings.items():
            if _same_module(module, named):
                return reason
        return None


def _same_module(module: str, named: str) -> bool:
    # Test runners name modules from where they run (``proj.settings`` in ``t/``); a bare
    # ``settings`` says too little to match every ``*.settings``.
    if "." not in named or "." not in module:
        return module == named
    return module.endswith("." + named) or named.endswith("." + module) or module == named


def gather(
    sources: Iterable[SourceFile],
    roots: Iterable[Path],
    base: Path,
    production_settings: Iterable[str],
) -> NeverServes:
    sources = list(sources)
    found = NeverServes(served_settings=set(production_settings))
    python = [s for s in sources if s.kind == "python"]
    for root in dict.fromkeys(roots):
        prefix = _prefix(root, base)
        _test_runners(root, prefix, found)
        _packaging(root, prefix, found)
    entry_points: list[tuple[SourceFile, str]] = []
    for source in python:
        # The file name from the string: SourceFile.parts parses a path, per call.
        name = source.display.rpartition("/")[2]
        if name in ("conftest.py", "runtests.py"):
            for module in _SELECTS.findall(_read(source.path)):
                found.test_settings.setdefault(module, f"{source.display} sets it for tests")
        elif name == "conf.py":
            if _SPHINX.search(_read(source.path)):
                folder = posixpath.dirname(source.display)
                if folder:
                    found.folders.setdefault(folder, f"Sphinx's documentation ({source.display})")
        elif name in ("wsgi.py", "asgi.py"):
            entry_points.extend((source, m) for m in _SELECTS.findall(_read(source.path)))
    for source in sources:
        if source.kind == "dockerfile":
            for module in _BUILD_SETTINGS.findall(_read(source.path)):
                found.test_settings.setdefault(
                    module, f"only the image's build runs with it ({source.display})"
                )
    for source, module in entry_points:
        if found.folder_of(source.display) is None:
            found.served_settings.add(module)
    _examples(python, found)
    return found


def _examples(python: list[SourceFile], found: NeverServes) -> None:
    """Folders named for examples and demos that hold a project of their own (a settings
    module or a manage.py: not a project's app named demo), unless production selects
    settings in them: the fallback when nothing else tells."""
    named = [s for s in python if _EXAMPLE_WORD.search(s.display.lower())]
    if not named:
        return  # most trees: nothing to split into parts
    served = [module.split(".") for module in found.served_settings]
    projects = [
        source.parts[:-1]
        for source in python
        if source.display.endswith(("/settings.py", "/manage.py")) or "settings/" in source.display
    ]
    for source in named:
        parts = source.parts[:-1]
        for depth, part in enumerate(parts):
            inside = parts[: depth + 1]
            if _EXAMPLE.fullmatch(part.lower()) and any(
                project[: len(inside)] == inside for project in projects
            ):
                if any(module[: len(inside)] == list(inside) for module in served):
                    break
                display = source.display.split("/")
                # display and parts differ only by the scanned folder's own prefix
                offset = len(display) - len(source.parts)
                folder = "/".join(display[: offset + depth + 1])
                found.folders.setdefault(folder, "an example or demo by its folder's name")
                break


def _prefix(root: Path, base: Path) -> str:
    """How findings name ``root``'s folder: '' for the scan's base."""
    try:
        relative = root.resolve().relative_to(base.resolve()).as_posix()
    except ValueError:
        return ""
    return "" if relative == "." else relative


def _test_runners(root: Path, prefix: str, found: NeverServes) -> None:
    ini = _ini(root / "pytest.ini", root / "tox.ini", root / "setup.cfg")
    options: list[tuple[str, dict[str, str]]] = []
    for name, section in ini:
        if name in ("pytest", "tool:pytest"):
            options.append((name, section))
    pyproject = _toml(root / "pyproject.toml")
    pytest_options = pyproject.get("tool", {}).get("pytest", {}).get("ini_options", {})
    if isinstance(pytest_options, dict):
        options.append(("tool.pytest.ini_options", {k: str(v) for k, v in pytest_options.items()}))
    for where, section in options:
        reason = f"the test runner's configuration ([{where}]) names it"
        module = section.get("DJANGO_SETTINGS_MODULE") or section.get("django_settings_module")
        if module:
            found.test_settings.setdefault(module.strip(), reason)
        for module in _DS_OPTION.findall(section.get("addopts", "")):
            found.test_settings.setdefault(module, reason)
    for name, section in ini:
        if not name.startswith("testenv"):
            continue
        setenv = section.get("setenv", "")
        # Where tox runs (changedir) and what it puts on PYTHONPATH: the folders a module
        # it names is relative to, and folders of test projects.
        folders = [_tox_folder(section.get("changedir", ""))]
        for paths in re.findall(r"PYTHONPATH\s*=\s*(\S+)", setenv):
            folders += [_tox_folder(path) for path in paths.split(":")]
        for module in _SELECTS.findall(setenv):
            reason = f"tox's [{name}] sets it"
            found.test_settings.setdefault(module, reason)
            for folder in filter(None, folders):
                found.test_settings.setdefault(f"{folder.replace('/', '.')}.{module}", reason)
        changedir = _tox_folder(section.get("changedir", ""))
        if changedir:
            folder = posixpath.join(prefix, changedir)
            found.folders.setdefault(folder, f"tox runs the tests there ([{name}] changedir)")


def _tox_folder(value: str) -> str:
    """A folder tox names, relative to tox.ini; '' for tox.ini's own or one it cannot tell."""
    value = value.strip().replace("{toxinidir}", "").strip("/")
    if not value or "{" in value or value.startswith(".."):
        return ""
    value = posixpath.normpath(value)
    return "" if value == "." else value


def _packaging(root: Path, prefix: str, found: NeverServes) -> None:
    """Folders the package's build leaves out: what a deployment of the package never has."""
    names: list[str] = []
    setup = _read(root / "setup.py")
    if "find_packages" in setup or "find_namespace_packages" in setup:
        for match in _EXCLUDE.finditer(setup):
            names.extend(_NAME.findall(match[1]))
    for name, section in _ini(root / "setup.cfg"):
        if name == "options.packages.find":
            names.extend(section.get("exclude", "").split())
    find = _toml(root / "pyproject.toml").get("tool", {}).get("setuptools", {})
    find = find.get("packages", {}) if isinstance(find, dict) else {}
    find = find.get("find", {}) if isinstance(find, dict) else {}
    if isinstance(find, dict) and isinstance(find.get("exclude"), list):
        names.extend(str(n) for n in find["exclude"])
    for name in names:
        name = name.strip().strip(",").removesuffix(".*")
        if not name or "*" in name:
            continue
        folder = posixpath.join(prefix, name.replace(".", "/")).strip("/")
        found.folders.setdefault(folder, "the package's build leaves it out")


def _ini(*paths: Path) -> list[tuple[str, dict[str, str]]]:
    sections: list[tuple[str, dict[str, str]]] = []
    for path in paths:
        text = _read(path)
        if not text:
            continue
        parser = configparser.RawConfigParser(strict=False, interpolation=None)
        parser.optionxform = str  # type: ignore[assignment,method-assign]
        try:
            parser.read_string(text, source=str(path))
        except configparser.Error:
            continue
        sections.extend((name, dict(parser[name])) for name in parser.sections())
    return sections


def _toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def test_urlconfs(
    found: NeverServes,
    settings: dict[str, dict[str, Any]],
    python: Iterable[str],
    served: Iterable[str],
) -> dict[str, str]:
    """URLconf files (as findings name them) that only test or development settings name as
    their ROOT_URLCONF (``ROOT_URLCONF = "cms.test_utils.project.urls"`` in the tests'
    settings), each with why; ``served``: the ROOT_URLCONFs of production's settings."""
    named: dict[str, str] = {}
    for path, fact in settings.items():
        reason = (
            "development settings by their name"
            if fact["development_only"]
            else found.settings_reason(fact["module"], path)
        )
        if not reason:
            continue
        for assignment in fact["assignments"]:
            if assignment[0] == "ROOT_URLCONF" and not assignment[1]:
                value = assignment[3]
                if value[0] == "c" and isinstance(value[1], str):
                    named.setdefault(value[1], f"the URLconf only {path} names ({reason})")
    served = list(served)
    files: dict[str, str] = {}
    for dotted, reason in named.items():
        if any(_same_module(dotted, other) for other in served):
            continue
        for display in python:
            module = display.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
            if _same_module(module, dotted):
                files[display] = reason
    return files
