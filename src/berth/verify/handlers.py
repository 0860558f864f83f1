"""Which of a project's files handle a URL path, read from its URLconf without importing it.

``path()``, ``re_path()`` and ``include()`` are followed from ``ROOT_URLCONF`` through the
project's own modules; a view is traced to the module it is imported from. What cannot be told
statically (patterns built in loops, views of installed packages) is left out: the answer is
the files it can name, possibly none.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from berth.project.discovery import module_file, parse_python, string_setting

__all__ = ["handler_files", "imported_files", "urlconf_files"]

_CONVERTERS = {"int": "[0-9]+", "str": "[^/]+", "slug": "[-a-zA-Z0-9_]+", "path": ".+"}
_UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
_PARAMETER = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
_DEPTH = 8


@dataclass(frozen=True)
class _Module:
    name: str
    file: Path
    tree: ast.Module


def handler_files(root: Path, settings_file: Path | None, paths: Iterable[str]) -> list[Path]:
    """The project files whose views serve any of ``paths``, in the order first matched."""
    urlconf = _root_urlconf(root, settings_file)
    module = _load(root, urlconf) if urlconf else None
    found: dict[Path, None] = {}
    if module is None:
        return []
    for path in paths:
        _, file = _resolve(root, module, list(_patterns(module.tree)), path.lstrip("/"), 0)
        if file is not None:
            found.setdefault(file)
    return list(found)


def urlconf_files(root: Path, settings_file: Path | None) -> list[Path]:
    """ROOT_URLCONF's file and the project's URLconfs it includes."""
    urlconf = _root_urlconf(root, settings_file)
    found: dict[Path, None] = {}
    pending = [urlconf] if urlconf else []
    while pending and len(found) <= 64:
        module = _load(root, pending.pop())
        if module is None or module.file in found:
            continue
        found[module.file] = None
        calls = list(_patterns(module.tree))
        while calls:
            included = _included(calls.pop(0).args[1])
            if isinstance(included, list):
                calls[:0] = included
            elif included:
                pending.append(included)
    return list(found)


def imported_files(root: Path, files: Iterable[Path]) -> list[Path]:
    """The project's modules that ``files`` import at module level (models, forms, bases)."""
    found: dict[Path, None] = {}
    for file in files:
        module = _load_file(root, file)
        if module is None:
            continue
        for dotted in _imports(module).values():
            parts = dotted.split(".")
            # `from app.models import Photo` names app.models.Photo: the module is a prefix.
            for end in range(len(parts), 0, -1):
                imported = module_file(root, ".".join(parts[:end]))
                if imported is not None:
                    if imported != file:
                        found.setdefault(imported)
                    break
    return list(found)


def _root_urlconf(root: Path, settings_file: Path | None) -> str | None:
    if settings_file is None:
        return None
    tree = parse_python(settings_file)
    named = string_setting(tree, "ROOT_URLCONF") if tree else None
    if named is not None:
        return named
    # startproject's layout, for settings that star-import a base module naming it.
    package = settings_file.parent.relative_to(root).as_posix().replace("/", ".")
    return f"{package}.urls" if package and package != "." else None


def _resolve(
    root: Path, module: _Module, calls: list[ast.Call], rest: str, depth: int
) -> tuple[bool, Path | None]:
    """Whether a pattern among ``calls`` (``module``'s urlpatterns) serves ``rest``, and the
    file of its view when that is one of the project's. As Django, the first match serves; an
    include whose patterns all fail to match lets the search go on after it."""
    if depth > _DEPTH:
        return False, None
    for call in calls:
        route, target = call.args[0], call.args[1]
        if not isinstance(route, ast.Constant) or not isinstance(route.value, str):
            continue
        included = _included(target)
        regex = _regex(_callee(call), route.value, final=included is None)
        match = regex.match(rest) if regex else None
        if match is None:
            continue
        if included is None:
            return True, _view_file(root, module, target)
        if isinstance(included, list):
            inner_module, inner_calls = module, included
        else:
            loaded = _load(root, included) if included else None
            if loaded is None:
                # An installed app's URLconf (admin, auth, berth's): taken not to serve it, so
                # the project's patterns after it are still tried.
                continue
            inner_module, inner_calls = loaded, list(_patterns(loaded.tree))
        matched, file = _resolve(root, inner_module, inner_calls, rest[match.end() :], depth + 1)
        if matched:
            return True, file
    return False, None


def _patterns(tree: ast.Module) -> Iterator[ast.Call]:
    """``path(...)``-like calls put in ``urlpatterns`` (assigned, ``+=``, append, extend)."""
    for node in tree.body:
        values: list[ast.expr] = []
        if isinstance(node, ast.Assign | ast.AugAssign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == "urlpatterns" for t in targets):
                values = [node.value] if node.value is not None else []
        elif (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Attribute)
            and node.value.func.attr in ("append", "extend")
            and isinstance(node.value.func.value, ast.Name)
            and node.value.func.value.id == "urlpatterns"
        ):
            values = list(node.value.args)
        for value in values:
            yield from _calls(value)


def _calls(value: ast.expr) -> Iterator[ast.Call]:
    if isinstance(value, ast.List | ast.Tuple):
        for item in value.elts:
            yield from _calls(item)
    elif isinstance(value, ast.BinOp) and isinstance(value.op, ast.Add):
        yield from _calls(value.left)
        yield from _calls(value.right)
    elif (
        isinstance(value, ast.Call)
        and _callee(value) in ("path", "re_path", "url")
        and len(value.args) >= 2
    ):
        yield value


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _regex(kind: str, route: str, *, final: bool) -> re.Pattern[str] | None:
    if kind in ("re_path", "url"):
        pattern = route
    else:
        parts, last = [], 0
        for parameter in _PARAMETER.finditer(route):
            parts.append(re.escape(route[last : parameter.start()]))
            converter = parameter.group("converter") or "str"
            parts.append(_UUID if converter == "uuid" else _CONVERTERS.get(converter, "[^/]+"))
            last = parameter.end()
        parts.append(re.escape(route[last:]))
        pattern = "".join(parts) + ("$" if final else "")
    try:
        return re.compile(pattern)
    except re.error:
        return None


def _included(target: ast.expr) -> str | list[ast.Call] | None:
    """What ``include(...)`` names: a module (dotted, '' if it cannot be told), or patterns
    listed in place; None when ``target`` is a view."""
    if not (isinstance(target, ast.Call) and _callee(target) == "include" and target.args):
        return None
    first = target.args[0]
    if isinstance(first, ast.Tuple) and first.elts:
        first = first.elts[0]  # include(("app.urls", "namespace"))
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value
    if isinstance(first, ast.List):
        return list(_calls(first))
    return ""


def _view_file(root: Path, module: _Module, view: ast.expr) -> Path | None:
    """The file a view comes from: ``views.detail``, ``DetailView.as_view()``, ``detail``."""
    if isinstance(view, ast.Call) and isinstance(view.func, ast.Attribute):
        view = view.func.value  # SomeView.as_view(...) -> SomeView
    names: list[str] = []
    while isinstance(view, ast.Attribute):
        names.insert(0, view.attr)
        view = view.value
    if not isinstance(view, ast.Name):
        return None
    imported = _imports(module).get(view.id)
    if imported is None:
        return module.file  # defined in the URLconf itself
    # `from app import views` then `views.detail`: the module is app.views, or app if `views`
    # is a name in it; the longest dotted prefix that is a project file wins.
    dotted = [*imported.split("."), *names]
    for end in range(len(dotted), 0, -1):
        file = module_file(root, ".".join(dotted[:end]))
        if file is not None:
            return file
    return None


def _imports(module: _Module) -> dict[str, str]:
    package = module.name.rpartition(".")[0]
    if module.file.name == "__init__.py":
        package = module.name
    names: dict[str, str] = {}
    for node in module.tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0]
                )
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".") if package else []
                parent = parent[: len(parent) - (node.level - 1)] if node.level > 1 else parent
                base = ".".join([*parent, base] if base else parent)
            for alias in node.names:
                names[alias.asname or alias.name] = f"{base}.{alias.name}" if base else alias.name
    return names


def _load(root: Path, dotted: str) -> _Module | None:
    file = module_file(root, dotted) if dotted else None
    tree = parse_python(file) if file else None
    return _Module(dotted, file, tree) if file and tree else None


def _load_file(root: Path, file: Path) -> _Module | None:
    try:
        relative = file.resolve().relative_to(root.resolve()).with_suffix("")
    except ValueError:
        return None
    parts = list(relative.parts)
    if parts and parts[-1] == "__init__":
        parts.pop()
    tree = parse_python(file)
    return _Module(".".join(parts), file, tree) if tree else None
