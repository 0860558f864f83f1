"""One Python file as rules see it: its tree, where each node runs, and what a path expression is.

Nothing is imported or executed. Two questions carry most rules:

- *When does this code run?* At import time (module level, class bodies), in
  ``AppConfig.ready()``, while handling a request, in a task, in a signal handler, or at
  some other time. :class:`Scope` answers it for every indexed node.
- *Where does this path point?* :meth:`PythonFile.path_kind` follows names through the
  function's own assignments and the module's, ``os.path.join``, ``Path(...) / ...``,
  f-strings and ``+``, to MEDIA_ROOT, STATIC_ROOT, BASE_DIR, the module's own folder, a
  relative path, or a temporary folder.
"""

from __future__ import annotations

import ast
import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from berth.doctor.files import SourceFile
from berth.doctor.findings import Edit, Span
from berth.doctor.registry import Hit, Registration, Trigger

__all__ = ["PathKind", "PythonFile", "Role", "Scope"]


class Role:
    """When a function runs; plain strings, so scopes and facts stay cheap to compare."""

    IMPORT = "import"
    """Module level or a class body: at import, so in the image build and in every replica."""
    READY = "ready"
    """``AppConfig.ready()``: once per process start."""
    REQUEST = "request"
    TASK = "task"
    SIGNAL = "signal"
    OTHER = "other"

    SERVING = frozenset({REQUEST, TASK, SIGNAL})
    STARTUP = frozenset({IMPORT, READY})


class PathKind:
    MEDIA = "MEDIA_ROOT"
    STATIC = "STATIC_ROOT"
    BASE = "BASE_DIR"
    CODE = "the module's own folder"
    RELATIVE = "a relative path"
    TEMP = "a temporary folder"
    UNKNOWN = "unknown"

    PROJECT_TREE = frozenset({MEDIA, STATIC, BASE, CODE})


@dataclass(eq=False)
class Scope:
    role: str
    function: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | None = None
    class_name: str | None = None
    debug_only: bool = False
    """Inside ``if settings.DEBUG:`` (or the ``else`` of ``if not DEBUG:``)."""
    parent: Scope | None = None
    assigned: dict[str, list[ast.expr]] = field(default_factory=lambda: defaultdict(list))
    """Local names and what was assigned to them, for following paths."""
    guarded: bool = False
    """Inside ``try:`` that catches NotImplementedError (or everything), or ``if`` on a test
    naming "local": code that probes whether the storage is local and copes if not."""

    @property
    def import_time(self) -> bool:
        return self.role == Role.IMPORT

    @property
    def serving(self) -> bool:
        return self.role in Role.SERVING

    def with_debug(self) -> Scope:
        copy = Scope(self.role, self.function, self.class_name, True, self.parent)
        copy.guarded = self.guarded
        copy.assigned = self.assigned
        return copy

    def with_guard(self) -> Scope:
        copy = Scope(self.role, self.function, self.class_name, self.debug_only, self.parent)
        copy.guarded = True
        copy.assigned = self.assigned
        return copy


_INDEXED: tuple[type[ast.AST], ...] = (
    ast.Call,
    ast.Attribute,
    ast.BinOp,
    ast.JoinedStr,
    ast.Assign,
    ast.AugAssign,
    ast.AnnAssign,
    ast.Subscript,
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.Global,
    ast.Name,
)

_STATEMENTS = frozenset(
    cls for cls in vars(ast).values() if isinstance(cls, type) and issubclass(cls, ast.stmt)
)

# Bases whose methods run while a request is served.
_SERVING_BASES = re.compile(
    r"(View|ViewSet|APIView|Mixin|Admin|ModelAdmin|Form|FormSet|Serializer|Consumer|Widget)$"
)
# Modules whose functions are request handlers or called from them.
_REQUEST_MODULES = frozenset({"views", "api", "admin", "forms", "viewsets", "consumers", "ajax"})
_TASK_MODULES = frozenset({"tasks", "jobs", "cron", "actors"})
_SIGNAL_MODULES = frozenset({"signals", "handlers", "receivers"})
_TASK_DECORATORS = frozenset(
    {
        "task",
        "shared_task",
        "actor",
        "job",
        "periodic_task",
        "db_task",
        "db_periodic_task",
        "background",
        "cron",
    }
)
_TOOLING_PACKAGES = ("invoke", "fabric", "nox", "pytest", "click", "typer")
_VIEW_DECORATORS = frozenset(
    {
        "login_required",
        "permission_required",
        "require_POST",
        "require_GET",
        "require_http_methods",
        "csrf_exempt",
        "api_view",
        "staff_member_required",
        "user_passes_test",
    }
)
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


class PythonFile:
    def __init__(self, source: SourceFile, text: str, tree: ast.Module) -> None:
        self.source = source
        self.text = text
        self.tree = tree
        self._line_starts: list[int] | None = None
        self._class_bases: dict[str, list[str]] = {}
        self._focus: list[int] | None = None
        self.facts: dict[str, Any] = {}
        """What this file tells project checkers (model fields, settings); JSON-able."""

    # -- positions ---------------------------------------------------------------------------

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def _column(self, line: int, byte_offset: int) -> int:
        """ast counts columns in UTF-8 bytes; findings count characters."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if text.isascii():
            return byte_offset
        return len(text.encode()[:byte_offset].decode(errors="replace"))

    def span(self, node: ast.AST) -> Span:
        line = getattr(node, "lineno", 1)
        end_line = getattr(node, "end_lineno", None) or line
        column = self._column(line, getattr(node, "col_offset", 0))
        end_offset = getattr(node, "end_col_offset", None)
        end_column = self._column(end_line, end_offset) if end_offset is not None else column
        return Span(line, column + 1, end_line, end_column + 1)

    def offset(self, line: int, byte_column: int) -> int:
        """The character offset in ``text`` of an ast position."""
        if self._line_starts is None:
            starts, total = [0], 0
            for text_line in self.text.splitlines(keepends=True):
                total += len(text_line)
                starts.append(total)
            self._line_starts = starts
        return self._line_starts[line - 1] + self._column(line, byte_column)

    def node_range(self, node: ast.AST) -> tuple[int, int]:
        start = self.offset(node.lineno, node.col_offset)  # type: ignore[attr-defined]
        end = self.offset(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]
        return start, end

    def hit(self, node: ast.AST, message: str | None = None, edits: tuple[Edit, ...] = ()) -> Hit:
        return Hit(self.span(node), message, edits)

    def focus(self, registrations: Iterable[tuple[Any, Registration]]) -> None:
        """Walk only statements on lines where these checkers' triggers (or focus words) occur.

        Most of a file is irrelevant to the few rules it triggers: a statement whose lines
        hold no trigger is skipped whole, except that an assignment is still recorded (a path
        is often built a few lines before it is opened).
        """
        words: list[Trigger] = []
        for _, registration in registrations:
            words.extend(registration.triggers)
            if registration.focus is not None:
                words.extend(registration.focus(self))
        text = self.text
        # Character offsets where a word occurs (or a pattern's match spans), turned into line
        # numbers by counting newlines between consecutive offsets: C loops only, where a
        # table of every line's start cost a Python step per line of the file.
        starts: list[int] = []
        spans: list[tuple[int, int]] = []
        for word in dict.fromkeys(words):
            if isinstance(word, str):
                index = text.find(word)
                while index != -1:
                    starts.append(index)
                    index = text.find(word, index + 1)
            elif any(literal in text for literal in word.literals):
                for match in word.regex.finditer(text):
                    spans.append((match.start(), max(match.end() - 1, match.start())))
        lines: set[int] = set()
        offsets = sorted({*starts, *(end for _, end in spans), *(start for start, _ in spans)})
        line, previous, line_of = 1, 0, {}
        for offset in offsets:
            line += text.count("\n", previous, offset)
            previous = offset
            line_of[offset] = line
        lines.update(line_of[offset] for offset in starts)
        for start, end in spans:
            lines.update(range(line_of[start], line_of[end] + 1))
        self._focus = sorted(lines)

    def _focused(self, node: ast.AST) -> bool:
        focus = self._focus
        if focus is None:
            return True
        first = node.lineno  # type: ignore[attr-defined]
        decorators = getattr(node, "decorator_list", None)
        if decorators:
            first = min(first, *(d.lineno for d in decorators))
        index = bisect_left(focus, first)
        return index < len(focus) and focus[index] <= (node.end_lineno or first)  # type: ignore[attr-defined]

    # -- names -------------------------------------------------------------------------------

    @cached_property
    def imports(self) -> dict[str, str]:
        """Local name -> dotted name it was imported as (``FSS`` -> ``django...FileSystemStorage``)."""
        self._imports: dict[str, str] = {}
        for node in self.nodes(ast.Import, ast.ImportFrom):
            self._add_import(node)  # type: ignore[arg-type]
        return self._imports

    def _add_import(self, node: ast.Import | ast.ImportFrom) -> None:
        names = self._imports
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    names.setdefault(alias.asname, alias.name)
                else:
                    top = alias.name.split(".")[0]
                    names.setdefault(top, top)
            return
        names_from = self.module_name_from(node.module or "", node.level)
        for alias in node.names:
            names.setdefault(alias.asname or alias.name, f"{names_from}.{alias.name}")

    @cached_property
    def module(self) -> str:
        """The dotted name the path suggests (``app/views.py`` -> ``app.views``)."""
        parts = list(self.source.parts)
        parts[-1] = parts[-1].removesuffix(".py")
        if parts[-1] == "__init__":
            parts.pop()
        return ".".join(parts)

    def module_name_from(self, module: str, level: int) -> str:
        """The absolute name of ``from <level dots><module> import ...`` in this file."""
        if not level:
            return module
        package = list(self.source.parts[:-1])
        if level > 1:
            package = package[: len(package) - (level - 1)]
        return ".".join(p for p in (*package, module) if p)

    def nodes(self, *types: type[ast.AST]) -> Iterator[ast.AST]:
        """Top-level statements of those types, and those nested in if/try blocks."""
        stack: list[ast.stmt] = list(reversed(self.tree.body))
        while stack:
            node = stack.pop()
            if isinstance(node, types):
                yield node
            if isinstance(node, ast.If | ast.Try | ast.With):
                for block in ("body", "orelse", "finalbody", "handlers"):
                    stack.extend(reversed(getattr(node, block, [])))
            elif isinstance(node, ast.ExceptHandler):
                stack.extend(reversed(node.body))

    def qualname(self, node: ast.AST | None) -> str:
        """``os.path.join`` for ``osp.join`` when ``import os.path as osp``; '' if not a name."""
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return ""
        parts.append(self.imports.get(node.id, node.id))
        return ".".join(reversed(parts))

    def is_setting(self, node: ast.AST, *names: str) -> bool:
        """``settings.NAME``, ``getattr(settings, "NAME", ...)`` or a bare ``NAME``."""
        if isinstance(node, ast.Name):
            return node.id in names
        if isinstance(node, ast.Attribute) and node.attr in names:
            return self.qualname(node.value).endswith("settings")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
        ):
            return node.args[1].value in names and self.qualname(node.args[0]).endswith("settings")
        return False

    # -- where code runs ---------------------------------------------------------------------

    @cached_property
    def index(self) -> dict[type[ast.AST], list[tuple[ast.AST, Scope]]]:
        """Every node of the indexed types with the scope it runs in: one walk of the tree."""
        found: dict[type[ast.AST], list[tuple[ast.AST, Scope]]] = defaultdict(list)
        self.imports  # noqa: B018 - the map the walk adds nested imports to
        indexed = frozenset(_INDEXED)
        module_scope = Scope(Role.IMPORT)
        stack: list[tuple[ast.AST, Scope]] = [(self.tree, module_scope)]
        connected = self._connected_handlers
        pop, push = stack.pop, stack.append
        statements = _STATEMENTS
        while stack:
            node, scope = pop()
            kind = type(node)
            if kind in statements and not self._focused(node):
                # Not walked; its assignment still tells what a name holds.
                if kind is ast.Assign:
                    for target in node.targets:  # type: ignore[attr-defined]
                        if isinstance(target, ast.Name):
                            scope.assigned[target.id].append(node.value)  # type: ignore[attr-defined]
                continue
            if kind in indexed:
                found[kind].append((node, scope))
            if kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
                function: ast.FunctionDef = node  # type: ignore[assignment]
                for child in (*function.decorator_list, function.args):
                    push((child, scope))
                if function.returns is not None:
                    push((function.returns, scope))
                inner = Scope(
                    self._role(function, scope, connected),
                    function,
                    None,
                    scope.debug_only,
                    scope,
                )
                for statement in function.body:
                    push((statement, inner))
                continue
            if kind is ast.ClassDef:
                klass: ast.ClassDef = node  # type: ignore[assignment]
                for child in (*klass.decorator_list, *klass.bases, *klass.keywords):
                    push((child, scope))
                body_scope = Scope(
                    scope.role, scope.function, klass.name, scope.debug_only, scope.parent
                )
                body_scope.assigned = scope.assigned
                self._class_bases[klass.name] = [self.qualname(base) for base in klass.bases]
                for statement in klass.body:
                    push((statement, body_scope))
                continue
            if kind is ast.Lambda:
                lam: ast.Lambda = node  # type: ignore[assignment]
                push((lam.body, Scope(scope.role, lam, None, scope.debug_only, scope)))
                continue
            if kind is ast.If:
                branch: ast.If = node  # type: ignore[assignment]
                push((branch.test, scope))
                debug = debug_test(branch.test)
                body_scope = scope.with_debug() if debug == 1 else scope
                if "local" in ast.unparse(branch.test).lower():
                    body_scope = body_scope.with_guard()
                if _main_guard(branch.test):
                    # `if __name__ == "__main__":` runs as a script, not on import.
                    body_scope = Scope(Role.OTHER, None, None, scope.debug_only, scope)
                else_scope = scope.with_debug() if debug == -1 else scope
                for statement in branch.body:
                    push((statement, body_scope))
                for statement in branch.orelse:
                    push((statement, else_scope))
                continue
            if kind is ast.Try or kind is ast.TryStar:
                attempt: ast.Try = node  # type: ignore[assignment]
                inner_scope = scope.with_guard() if _guards(attempt) else scope
                for statement in attempt.body:
                    push((statement, inner_scope))
                others: list[ast.AST] = [*attempt.handlers, *attempt.orelse, *attempt.finalbody]
                for other in others:
                    push((other, scope))
                continue
            if kind is ast.Import or kind is ast.ImportFrom:
                # Imports inside functions (``from PIL import Image``) name things too.
                self._add_import(node)  # type: ignore[arg-type]
            elif kind is ast.Assign:
                assign: ast.Assign = node  # type: ignore[assignment]
                for target in assign.targets:
                    if isinstance(target, ast.Name):
                        scope.assigned[target.id].append(assign.value)
            elif kind is ast.With or kind is ast.AsyncWith:
                for item in node.items:  # type: ignore[attr-defined]
                    if isinstance(item.optional_vars, ast.Name):
                        scope.assigned[item.optional_vars.id].append(item.context_expr)
            elif kind is ast.AnnAssign:
                annotated: ast.AnnAssign = node  # type: ignore[assignment]
                if isinstance(annotated.target, ast.Name) and annotated.value is not None:
                    scope.assigned[annotated.target.id].append(annotated.value)
            for child in ast.iter_child_nodes(node):
                push((child, scope))
        self.module_scope = module_scope
        return found

    def of(self, kind: type[ast.AST]) -> list[tuple[ast.AST, Scope]]:
        return self.index.get(kind, [])

    def scope_chain(self, scope: Scope | None) -> Iterator[Scope]:
        """``scope`` and the scopes it sees names of, innermost first, the module's last."""
        here = scope
        while here is not None:
            yield here
            if here.parent is None and here is not self.module_scope:
                here = self.module_scope
            else:
                here = here.parent

    @cached_property
    def _connected_handlers(self) -> frozenset[str]:
        """Functions passed to ``some_signal.connect(handler)`` in this module."""
        if ".connect(" not in self.text:
            return frozenset()
        return frozenset(re.findall(r"\.connect\(\s*([A-Za-z_]\w*)\s*[,)]", self.text))

    def _role(
        self,
        function: ast.FunctionDef | ast.AsyncFunctionDef,
        outer: Scope,
        connected: frozenset[str],
    ) -> str:
        if outer.function is not None:
            # A closure runs when (and where) its enclosing function does.
            return outer.role
        decorators = [self.qualname(_callee(d)) for d in function.decorator_list]
        short = {name.rsplit(".", 1)[-1] for name in decorators}
        if any(name.startswith(_TOOLING_PACKAGES) for name in decorators):
            return Role.OTHER
        if short & _TASK_DECORATORS:
            return Role.TASK
        if "receiver" in short or function.name in connected:
            return Role.SIGNAL
        if short & _VIEW_DECORATORS:
            return Role.REQUEST
        arguments = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
        class_name = outer.class_name
        bases = self._class_bases.get(class_name, []) if class_name else []
        if class_name is not None:
            if function.name == "ready" and any(b.endswith("AppConfig") for b in bases):
                return Role.READY
            if any(_SERVING_BASES.search(b.rsplit(".", 1)[-1]) for b in bases) or (
                _SERVING_BASES.search(class_name)
            ):
                return Role.REQUEST
            if function.name in ("save", "delete") and any(b.endswith("Model") for b in bases):
                return Role.REQUEST
            if function.name == "run" and any(b.endswith("Task") for b in bases):
                return Role.TASK
        if "request" in arguments[:3]:
            return Role.REQUEST
        if arguments[:1] == ["sender"] and function.args.kwarg is not None:
            return Role.SIGNAL
        module = self.source.parts[-1].removesuffix(".py")
        package = self.source.parts[-2] if len(self.source.parts) > 1 else ""
        for name in (module, package):
            if name in _REQUEST_MODULES:
                return Role.REQUEST
            if name in _TASK_MODULES:
                return Role.TASK
            if name in _SIGNAL_MODULES:
                return Role.SIGNAL
        return Role.OTHER

    # -- paths -------------------------------------------------------------------------------

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

    def _name_kind(self, name: str, scope: Scope | None, depth: int) -> str:
        for here in self.scope_chain(scope):
            values = here.assigned.get(name)
            if values:
                kinds = {self.path_kind(value, here, depth + 1) for value in values}
                kinds.discard(PathKind.UNKNOWN)
                return kinds.pop() if len(kinds) == 1 else PathKind.UNKNOWN
        return PathKind.UNKNOWN

    module_scope: Scope


def _callee(node: ast.expr) -> ast.expr:
    return node.func if isinstance(node, ast.Call) else node


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


def _guards(attempt: ast.Try) -> bool:
    """Whether a ``try`` copes with a storage that has no local path."""
    for handler in attempt.handlers:
        if handler.type is None:
            return True
        names = ast.unparse(handler.type)
        if any(name in names for name in ("NotImplementedError", "Exception", "AttributeError")):
            return True
    return False


def _main_guard(test: ast.expr) -> bool:
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and len(test.comparators) == 1
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value == "__main__"
    )


def debug_test(test: ast.expr) -> int:
    """1 if ``if test:`` holds only under DEBUG, -1 if its ``else`` does, else 0."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return -debug_test(test.operand)
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return 1 if any(debug_test(value) == 1 for value in test.values) else 0
    if isinstance(test, ast.Name):
        return 1 if test.id == "DEBUG" else 0
    if isinstance(test, ast.Attribute):
        return 1 if test.attr == "DEBUG" else 0
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        # "test" in sys.argv: the test runner
        left = test.left
        if isinstance(left, ast.Constant) and left.value == "test":
            return 1
    return 0
