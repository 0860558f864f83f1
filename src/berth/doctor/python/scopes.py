"""When each node of a Python file runs: one walk of the tree gives every indexed node its scope.

At import time (module level, class bodies), in ``AppConfig.ready()``, while handling a
request, in a task, in a signal handler, or at some other time; inside ``if DEBUG:`` or a
``try`` that copes with a storage without local paths; and what each name was assigned.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

from berth.doctor.python.focus import Focus
from berth.doctor.python.imports import Names
from berth.doctor.registry import Hit

__all__ = ["Role", "Scope", "ScopeIndex", "debug_test", "once_per_function"]


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


class ScopeIndex(Names, Focus):
    """Mixed into :class:`~berth.doctor.python.PythonFile`: every indexed node with its scope."""

    _class_bases: dict[str, list[str]]
    module_scope: Scope

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

    def enclosing_bases(self, scope: Scope | None) -> list[str]:
        """The bases (qualified names) of the class ``scope`` is a method of, at any depth;
        [] outside classes."""
        here = scope
        while here is not None:
            if here.class_name is not None:
                return self._class_bases.get(here.class_name, [])
            here = here.parent
        return []

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


def _callee(node: ast.expr) -> ast.expr:
    return node.func if isinstance(node, ast.Call) else node


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


def once_per_function(found: Iterable[tuple[Scope, Hit]]) -> Iterator[Hit]:
    """The first hit of each problem in each function, saying how many more it has: one
    problem repeated on five lines of one function is one finding (module-level hits, and
    hits with different messages, are each their own)."""
    groups: dict[tuple[int, str | None], list[Hit]] = {}
    for scope, hit in found:
        function = scope.function
        key = (id(function) if function is not None else -id(hit), hit.message)
        groups.setdefault(key, []).append(hit)
    firsts = []
    for group in groups.values():
        group.sort(key=lambda hit: (hit.span.line, hit.span.column))
        first = group[0]
        if len(group) > 1 and first.message:
            message = f"{first.message} ({len(group) - 1} more in this function)"
            first = Hit(first.span, message, first.edits, first.path)
        firsts.append(first)
    return iter(sorted(firsts, key=lambda hit: (hit.span.line, hit.span.column)))


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
