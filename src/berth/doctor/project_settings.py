"""Settings modules read statically, and merged the way ``from .base import *`` merges them.

Each settings file contributes *facts*: its module-level assignments of UPPERCASE names, as
small JSON values that keep each literal's position. :class:`SettingsView` replays them for
one *leaf* module (one that no other settings module star-imports, i.e. one that
``DJANGO_SETTINGS_MODULE`` can name), skipping development-only modules and anything under
``if DEBUG:``, so a base module's SQLite that production overrides is not reported.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from berth.doctor.findings import Span
from berth.doctor.python import PythonFile, debug_test
from berth.doctor.registry import Hit
from berth.doctor.settings_fallbacks import mark_fallbacks

__all__ = [
    "SettingsView",
    "elsewhere_settings",
    "Value",
    "extract",
    "is_settings_path",
    "lookup",
    "path_of",
    "span_of",
    "strings",
    "view",
    "views",
]

# A JSON value tree: ["c", constant, span] | ["list", [items], span]
# | ["dict", [[key, value], ...], span] | ["call", qualname, [args], {kwargs}, span]
# | ["name", id, span] | ["expr", span]
Value = list[Any]

_NAME = re.compile(r"[A-Z][A-Z0-9_]*")
_SETTINGS_STEM = re.compile(r"(.*[_-])?settings([_-].*)?")
_MARKERS = frozenset({"INSTALLED_APPS", "ROOT_URLCONF", "MIDDLEWARE", "WSGI_APPLICATION"})


def is_settings_path(parts: tuple[str, ...]) -> bool:
    stem = parts[-1].removesuffix(".py")
    if stem == "global_settings":
        return False  # Django's own defaults: every project overrides what matters there
    return bool(_SETTINGS_STEM.fullmatch(stem)) or "settings" in parts[:-1]


# A module kept outside the settings package that an image copies into it as it builds
# (``cp docker/config.py settings/config.py``): a relative star import of the settings it
# extends, and settings of its own.
_ELSEWHERE = re.compile(r"^from \.+\w*(\.\w+)* import \*", re.M)
_OWN_SETTINGS = re.compile(r"^(SECRET_KEY|DATABASES|DEBUG|ALLOWED_HOSTS|STORAGES)\s*=", re.M)


def elsewhere_settings(text: str) -> bool:
    """Whether ``text`` reads as settings kept outside a settings path (see views)."""
    return "import *" in text and bool(_ELSEWHERE.search(text)) and bool(_OWN_SETTINGS.search(text))


def extract(file: PythonFile) -> dict[str, Any] | None:
    """The settings facts of ``file``, or None when it does not read as a project's settings."""
    assignments: list[list[Any]] = []
    stars: list[str] = []
    configure = False
    configure_at = -1
    tree = file.tree

    def visit(body: list[ast.stmt], debug_only: bool) -> None:
        nonlocal configure, configure_at
        for node in body:
            if isinstance(node, ast.If):
                debug = debug_test(node.test)
                first = len(assignments)
                visit(node.body, debug_only or debug == 1)
                middle = len(assignments)
                visit(node.orelse, debug_only or debug == -1)
                if not debug:
                    mark_fallbacks(node, assignments, first, middle, file)
            elif isinstance(node, ast.Try):
                visit(node.body, debug_only)
                for handler in node.handlers:
                    visit(handler.body, debug_only)
                visit(node.orelse, debug_only)
                visit(node.finalbody, debug_only)
            elif isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names):
                stars.append(file.module_name_from(node.module or "", node.level))
                assignments.append(["*", stars[-1], debug_only])
            elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if node.value is None:
                    continue
                op = "+=" if isinstance(node, ast.AugAssign) else "="
                for target in targets:
                    _assignment(file, target, node.value, op, debug_only, assignments)
            elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
                call = node.value
                name = file.qualname(call.func)
                if name.endswith("configure") and "berth" in name:
                    configure = True
                    # Where in the assignments it runs: what was written before it is governed
                    # by berth's rules (resolve.py), what comes after replaces berth's values.
                    configure_at = len(assignments)
                func = call.func
                if (
                    isinstance(func, ast.Attribute)
                    and func.attr in ("update", "append", "extend", "insert")
                    and isinstance(func.value, ast.Name | ast.Subscript)
                    and call.args
                ):
                    op = "update" if func.attr == "update" else "+="
                    value = call.args[-1]
                    if func.attr == "append" or func.attr == "insert":
                        value = ast.List(elts=[value], ctx=ast.Load())
                        ast.copy_location(value, call.args[-1])
                        value.end_lineno = call.args[-1].end_lineno
                        value.end_col_offset = call.args[-1].end_col_offset
                    _assignment(file, func.value, value, op, debug_only, assignments)

    visit(tree.body, False)
    names = {a[0] for a in assignments}
    looks_like_settings = bool(
        stars
        or configure
        or any(
            a[0] in _MARKERS and not a[1] and _meaningful(a[3]) for a in assignments if a[0] != "*"
        )
    )
    if not looks_like_settings and not ({"DATABASES", "SECRET_KEY"} <= names):
        return None
    return {
        "module": file.module,
        # Outside a settings path: production's only where an image puts it (see views).
        "elsewhere": not is_settings_path(file.source.parts),
        # Settings of a docs build or a script (docs/settings.py) never serve either.
        "development_only": file.source.development_only or file.source.tooling,
        "configure": configure,
        "configure_at": configure_at,
        "assignments": assignments,
    }


def _meaningful(value: Value) -> bool:
    """A marker setting counts when it says something: not None, not an empty list."""
    if value[0] == "c":
        return value[1] is not None
    if value[0] == "list":
        return bool(value[1])
    return True


def _assignment(
    file: PythonFile,
    target: ast.expr,
    value: ast.expr,
    op: str,
    debug_only: bool,
    out: list[list[Any]],
) -> None:
    keys: list[str] = []
    while isinstance(target, ast.Subscript):
        key = target.slice
        if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
            return
        keys.append(key.value)
        target = target.value
    if isinstance(target, ast.Name) and _NAME.fullmatch(target.id):
        out.append([target.id, list(reversed(keys)), op, summarize(file, value), debug_only])
    elif isinstance(target, ast.Tuple):
        for element in target.elts:
            if isinstance(element, ast.Name) and _NAME.fullmatch(element.id):
                out.append([element.id, [], op, ["expr", _span(file, value)], debug_only])


def _span(file: PythonFile, node: ast.AST) -> list[int]:
    span = file.span(node)
    return [span.line, span.column, span.end_line, span.end_column]


def summarize(file: PythonFile, node: ast.AST, depth: int = 0) -> Value:
    span = _span(file, node)
    if depth > 12:
        return ["expr", span]
    if isinstance(node, ast.Constant):
        value = node.value
        if isinstance(value, str | int | float | bool) or value is None:
            return ["c", value, span]
        return ["expr", span]
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return ["list", [summarize(file, e, depth + 1) for e in node.elts], span]
    if isinstance(node, ast.Dict):
        items = []
        for key, item in zip(node.keys, node.values, strict=True):
            key_text = key.value if isinstance(key, ast.Constant) else None
            items.append([key_text, summarize(file, item, depth + 1)])
        return ["dict", items, span]
    if isinstance(node, ast.Call):
        name = file.qualname(node.func)
        if name == "dict" and not node.args:
            items = [[k.arg, summarize(file, k.value, depth + 1)] for k in node.keywords]
            return ["dict", items, span]
        args = [summarize(file, a, depth + 1) for a in node.args]
        kwargs = {k.arg: summarize(file, k.value, depth + 1) for k in node.keywords if k.arg}
        return ["call", name, args, kwargs, span]
    if isinstance(node, ast.Name):
        return ["name", node.id, span]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left = summarize(file, node.left, depth + 1)
        right = summarize(file, node.right, depth + 1)
        if left[0] == "list" and right[0] == "list":
            return ["list", left[1] + right[1], span]
        if left[0] == "c" and right[0] == "c" and isinstance(left[1], str):
            return ["c", f"{left[1]}{right[1]}", span]
        if left[0] == "list":
            return ["list", left[1], span]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        # BASE_DIR / "db.sqlite3": a path in the project tree
        return ["path", _path_root(file, node), span]
    return ["expr", span]


def _path_root(file: PythonFile, node: ast.AST) -> str:
    while isinstance(node, ast.BinOp):
        node = node.left
    return file.qualname(node) or "?"


def span_of(value: Value) -> Span:
    return Span(*_raw_span(value)[:4])


def path_of(value: Value, default: str) -> str:
    span = _raw_span(value)
    return str(span[4]) if len(span) > 4 else default


def _raw_span(value: Value) -> list[Any]:
    span: list[Any] = value[4] if value[0] == "call" else value[-1]
    return span


def strings(value: Value) -> Iterator[tuple[str, Value]]:
    """Every string literal inside ``value``, with its node (for its position)."""
    kind = value[0]
    if kind == "c":
        if isinstance(value[1], str):
            yield value[1], value
    elif kind == "list":
        for item in value[1]:
            yield from strings(item)
    elif kind == "dict":
        for _, item in value[1]:
            yield from strings(item)
    elif kind == "call":
        for item in value[2]:
            yield from strings(item)
        for item in value[3].values():
            yield from strings(item)


def lookup(value: Value | None, *keys: str) -> Value | None:
    for key in keys:
        if value is None or value[0] != "dict":
            return None
        value = next((item for k, item in value[1] if k == key), None)
    return value


@dataclass
class SettingsView:
    """One leaf settings module's effective values, as production would load them."""

    module: str
    path: str
    values: dict[str, Value]
    configure: bool
    governed: frozenset[str] = frozenset()
    """Settings whose value was written before a ``berth.configure(globals())`` call and not
    assigned again after it: berth's rules decide what a served process gets (its environment
    wins; DEBUG is off unless the variable says so; startproject's key is refused)."""

    def get(self, name: str, *keys: str) -> Value | None:
        return lookup(self.values.get(name), *keys)

    def string(self, name: str, *keys: str) -> str | None:
        value = self.get(name, *keys)
        if value is not None and value[0] == "c" and isinstance(value[1], str):
            return str(value[1])
        return None

    def hit(self, value: Value, message: str | None = None) -> Hit:
        """A finding at ``value``, in the file that wrote it (maybe a base of this module)."""
        return Hit(span_of(value), message, path=path_of(value, self.path))


def views(
    facts: dict[str, dict[str, Any]],
    never: Callable[[str, str], str | None] | None = None,
    selected: Iterable[str] = (),
) -> list[SettingsView]:
    """The production views: leaf, not development-only settings modules, merged over bases.

    ``never(module, path)`` says why a module is not production's (a test runner names it,
    say), or None. ``selected``: the modules production selects (a serving image's
    ``DJANGO_SETTINGS_MODULE``): in their package, they alone are production's, even when the
    image makes them as it builds (``cp docker/config.py settings/config.py``) and the scan
    does not have them.
    """
    facts = {path: fact for path, fact in facts.items() if not fact.get("elsewhere")} | {
        path: fact
        for module in selected
        if view(facts, module) is None
        for path, fact in _placed(facts, module).items()
    }
    return _leaves(facts, never)


def _placed(facts: dict[str, dict[str, Any]], module: str) -> dict[str, dict[str, Any]]:
    """A module kept elsewhere, named like ``module`` and extending a module of its package,
    as the image places it there: its star imports resolved from ``module``'s package."""
    package, _, name = module.rpartition(".")
    known = {fact["module"] for fact in facts.values() if not fact.get("elsewhere")}
    placed = {}
    for path, fact in facts.items():
        own_package, _, own_name = fact["module"].rpartition(".")
        if not fact.get("elsewhere") or own_name != name:
            continue
        assignments = []
        for assignment in fact["assignments"]:
            if assignment[0] == "*" and own_package and assignment[1].startswith(own_package):
                target = package + assignment[1][len(own_package) :]
                assignment = ["*", target, assignment[2]]
            assignments.append(assignment)
        targets = [a[1] for a in assignments if a[0] == "*"]
        if any(t in known or any(k.endswith("." + t) for k in known) for t in targets):
            placed[path] = {**fact, "module": module, "assignments": assignments}
    return placed


def _leaves(
    facts: dict[str, dict[str, Any]], never: Callable[[str, str], str | None] | None
) -> list[SettingsView]:
    modules, find = _index(facts)
    imported: set[str] = set()
    for _, fact in modules.values():
        for assignment in fact["assignments"]:
            if assignment[0] == "*":
                target = find(assignment[1])
                if target is not None and not assignment[2]:
                    imported.add(target[1]["module"])
    return [
        _view(path, fact, find, production=True)
        for module, (path, fact) in sorted(modules.items())
        if module not in imported
        and not fact["development_only"]
        and not (never is not None and never(module, path))
    ]


def view(facts: dict[str, dict[str, Any]], module: str) -> SettingsView | None:
    """The view of ``module`` itself, as DJANGO_SETTINGS_MODULE names it: leaf or not,
    development-only or not."""
    modules, find = _index(facts)
    entry = modules.get(module)
    return None if entry is None else _view(*entry, find)


def _index(facts: dict[str, dict[str, Any]]) -> tuple[dict[str, tuple[str, dict[str, Any]]], Any]:
    modules = {f["module"]: (path, f) for path, f in facts.items()}

    def find(dotted: str) -> tuple[str, dict[str, Any]] | None:
        if dotted in modules:
            return modules[dotted]
        for name, entry in modules.items():
            if name.endswith("." + dotted) or dotted.endswith("." + name):
                return entry
        return None

    return modules, find


def _view(path: str, fact: dict[str, Any], find: Any, production: bool = False) -> SettingsView:
    values: dict[str, Value] = {}
    governed: set[str] = set()
    _replay(path, fact, values, find, set(), production, governed)
    return SettingsView(fact["module"], path, values, fact["configure"], frozenset(governed))


def _replay(
    path: str,
    fact: dict[str, Any],
    values: dict[str, Value],
    find: Any,
    seen: set[str],
    production: bool = False,
    governed: set[str] | None = None,
) -> None:
    """``production``: skip what runs only as a fallback (see FALLBACK). ``governed`` gathers
    the names set before a ``berth.configure()`` call and not after it."""
    seen.add(fact["module"])
    governed = set() if governed is None else governed
    configure_at = fact.get("configure_at", -1)
    for index, assignment in enumerate(fact["assignments"]):
        if index == configure_at:
            governed.update(values)
        if assignment[0] == "*":
            name, target, debug_only = assignment
            entry = find(target)
            # A development module star-imported at the end ("try: from .local import *")
            # changes development, not production.
            if entry is None or debug_only or entry[1]["module"] in seen:
                continue
            if entry[1]["development_only"]:
                continue
            _replay(entry[0], entry[1], values, find, seen, production, governed)
            continue
        name, keys, op, value, debug_only = assignment
        if debug_only is True or (debug_only and production):
            continue
        governed.discard(name)
        value = _tagged(value, path)
        if not keys and op == "=":
            values[name] = value
            continue
        current = values.get(name)
        if current is None:
            current = ["dict", [], value[-1]] if keys or op == "update" else ["list", [], value[-1]]
            values[name] = current
        _merge(current, keys, op, value)
    if configure_at == len(fact["assignments"]):
        governed.update(values)


def _tagged(value: Any, path: str) -> Any:
    """A copy of ``value`` whose spans also name the file (their fifth element)."""
    if isinstance(value, list):
        if len(value) == 4 and all(isinstance(v, int) for v in value):
            return [*value, path]
        return [_tagged(v, path) for v in value]
    if isinstance(value, dict):
        return {k: _tagged(v, path) for k, v in value.items()}
    return value


def _merge(current: Value, keys: list[str], op: str, value: Value) -> None:
    if keys:
        if current[0] != "dict":
            return
        key, rest = keys[0], keys[1:]
        for item in current[1]:
            if item[0] == key:
                if rest or op != "=":
                    _merge(item[1], rest, op, value)
                else:
                    item[1] = value
                return
        current[1].append([key, value if not rest else ["dict", [], value[-1]]])
        if rest:
            _merge(current[1][-1][1], rest, op, value)
        return
    if (
        op == "+="
        and current[0] == "list"
        and value[0] == "list"
        or op == "update"
        and current[0] == "dict"
        and value[0] == "dict"
    ):
        current[1].extend(value[1])
