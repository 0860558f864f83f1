"""Where a path expression points, as far as can be told statically.

:meth:`PathInference.path_kind` follows names through the function's own assignments and the
module's, ``os.path.join``, ``Path(...) / ...``, f-strings and ``+``, to MEDIA_ROOT,
STATIC_ROOT, BASE_DIR, the module's own folder, a relative path, or a temporary folder.
"""

from __future__ import annotations

import ast
import re

from berth.doctor.python.scopes import Scope, ScopeIndex

__all__ = ["PathInference", "PathKind"]


class PathKind:
    MEDIA = "MEDIA_ROOT"
    STATIC = "STATIC_ROOT"
    BASE = "BASE_DIR"
    CODE = "the module's own folder"
    RELATIVE = "a relative path"
    TEMP = "a temporary folder"
    UNKNOWN = "unknown"

    PROJECT_TREE = frozenset({MEDIA, STATIC, BASE, CODE})


_BASE_NAMES = frozenset({"BASE_DIR", "PROJECT_ROOT", "PROJECT_DIR", "ROOT_DIR", "SITE_ROOT"})
_TEMP_CALLS = frozenset(
    {
        "tempfile.mkdtemp",
        "tempfile.gettempdir",
        "tempfile.mkstemp",
        "tempfile.mktemp",
        "tempfile.TemporaryDirectory",
        "tempfile.NamedTemporaryFile",
        "tempfile.TemporaryFile",
        "tempfile.SpooledTemporaryFile",
    }
)
_PASS_THROUGH = frozenset(
    {
        "str",
        "os.fspath",
        "os.path.abspath",
        "os.path.realpath",
        "os.path.normpath",
        "os.path.expanduser",
        "pathlib.Path",
        "pathlib.PurePath",
        "pathlib.PosixPath",
        "django.utils._os.safe_join",
        "os.path.join",
        "posixpath.join",
    }
)
_PATH_METHODS = frozenset(
    {"joinpath", "resolve", "absolute", "with_suffix", "with_name", "expanduser"}
)


class PathInference(ScopeIndex):
    """Mixed into :class:`~berth.doctor.python.PythonFile`: the kind of a path expression."""

    def path_kind(self, node: ast.AST | None, scope: Scope | None, depth: int = 0) -> str:
        """Where the path ``node`` evaluates to points, as far as can be told statically."""
        if node is None or depth > 8:
            return PathKind.UNKNOWN
        if self.is_setting(node, "MEDIA_ROOT"):
            return PathKind.MEDIA
        if self.is_setting(node, "STATIC_ROOT"):
            return PathKind.STATIC
        if self.is_setting(node, *_BASE_NAMES):
            return PathKind.BASE
        if isinstance(node, ast.Name):
            if node.id == "__file__":
                return PathKind.CODE
            return self._name_kind(node.id, scope, depth)
        if isinstance(node, ast.Constant):
            return _literal_kind(node.value)
        if isinstance(node, ast.JoinedStr):
            if not node.values:
                return PathKind.UNKNOWN
            first = node.values[0]
            if isinstance(first, ast.FormattedValue):
                return self.path_kind(first.value, scope, depth + 1)
            return self.path_kind(first, scope, depth + 1)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div | ast.Add | ast.Mod):
            return self.path_kind(node.left, scope, depth + 1)
        if isinstance(node, ast.Attribute):
            if node.attr in ("parent", "parents"):
                return _parent(self.path_kind(node.value, scope, depth + 1))
            if node.attr == "name":
                # NamedTemporaryFile().name, a temporary file's path.
                kind = self.path_kind(node.value, scope, depth + 1)
                return kind if kind == PathKind.TEMP else PathKind.UNKNOWN
            return PathKind.UNKNOWN
        if isinstance(node, ast.Subscript):
            if isinstance(node.value, ast.Attribute) and node.value.attr == "parents":
                return _parent(self.path_kind(node.value.value, scope, depth + 1))
            return PathKind.UNKNOWN
        if isinstance(node, ast.Call):
            name = self.qualname(node.func)
            if name in _TEMP_CALLS:
                return PathKind.TEMP
            if name in ("os.path.dirname", "posixpath.dirname") and node.args:
                return _parent(self.path_kind(node.args[0], scope, depth + 1))
            if name in _PASS_THROUGH and node.args:
                return self.path_kind(node.args[0], scope, depth + 1)
            if isinstance(node.func, ast.Attribute) and node.func.attr in _PATH_METHODS:
                return self.path_kind(node.func.value, scope, depth + 1)
        return PathKind.UNKNOWN

    def path_origin(self, node: ast.expr, scope: Scope | None, depth: int = 0) -> ast.expr:
        """The expression a path is built from, past the joins, conversions, f-strings and
        local names that :meth:`path_kind` follows: a parameter's name, a FieldFile's
        ``.path``, a call that is not a path helper."""
        if depth > 8:
            return node
        if isinstance(node, ast.Name):
            for here in self.scope_chain(scope):
                values = here.assigned.get(node.id)
                if values:
                    if len(values) != 1 or _names(values[0], node.id):
                        return node  # rebuilt from itself (``path = join(path, x)``): stop here
                    return self.path_origin(values[0], here, depth + 1)
            return node
        inner: ast.expr | None = None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div | ast.Add | ast.Mod):
            inner = node.left
        elif isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            inner = first.value if isinstance(first, ast.FormattedValue) else None
        elif isinstance(node, ast.Attribute) and node.attr == "parent":
            inner = node.value
        elif isinstance(node, ast.Call) and node.args:
            name = self.qualname(node.func)
            if name in _PASS_THROUGH or name in ("os.path.dirname", "posixpath.dirname"):
                inner = node.args[0]
            elif isinstance(node.func, ast.Attribute) and node.func.attr in _PATH_METHODS:
                inner = node.func.value
        return node if inner is None else self.path_origin(inner, scope, depth + 1)

    def _name_kind(self, name: str, scope: Scope | None, depth: int) -> str:
        for here in self.scope_chain(scope):
            values = here.assigned.get(name)
            if values:
                kinds = {self.path_kind(value, here, depth + 1) for value in values}
                kinds.discard(PathKind.UNKNOWN)
                return kinds.pop() if len(kinds) == 1 else PathKind.UNKNOWN
        return PathKind.UNKNOWN


def _names(node: ast.expr, name: str) -> bool:
    return any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node))


def _parent(kind: str) -> str:
    # The folder of a file in the project tree is still the project tree.
    return kind if kind in PathKind.PROJECT_TREE or kind == PathKind.TEMP else PathKind.UNKNOWN


_URLISH = re.compile(r"^[a-z][a-z0-9+.-]*://|^[/~]|\s|^\.?$|^-$|[{%$]")


def _literal_kind(value: object) -> str:
    if not isinstance(value, str):
        return PathKind.UNKNOWN
    if value.startswith(("/tmp", "/var/tmp", "/dev/shm")):
        return PathKind.TEMP
    if _URLISH.search(value) or not re.search(r"[\w]", value):
        return PathKind.UNKNOWN
    return PathKind.RELATIVE
