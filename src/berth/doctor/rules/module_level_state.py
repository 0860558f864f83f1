"""BD302: a module-level dict, list or set (also one declared in a module-level ``with``, ``if``
or ``try`` block, or as a class attribute) changed from views, tasks or signal handlers, and
read as a cache or counter.

**What breaks in containers.** Each worker process of each replica has its own copy: a counter
counts per process, a cache filled on one replica is empty on the next request, and either is
reset whenever a process is recycled. It looks right on a laptop with one process.

**Fix.** Keep shared state where every replica sees it: the database (``F("count") + 1`` for
counters), or the shared cache (``cache.incr``, ``cache.set`` over Redis).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from berth.doctor.findings import Severity
from berth.doctor.python import PythonFile, Scope
from berth.doctor.registry import Hit, Pattern, Rule

rule = Rule(
    __name__,
    id="BD302",
    loses_state=True,
    slug="module-level-state",
    severity=Severity.WARNING,
    summary="module-level state changed while serving is private to one process",
    hint="keep shared state in the database (F() updates) or the shared cache (cache.incr)",
)

_CONTAINERS = frozenset(
    {
        "dict",
        "list",
        "set",
        "collections.defaultdict",
        "collections.OrderedDict",
        "collections.Counter",
        "collections.deque",
        "defaultdict",
        "OrderedDict",
        "Counter",
        "deque",
    }
)
_MUTATORS = frozenset(
    {
        "append",
        "add",
        "update",
        "setdefault",
        "pop",
        "popitem",
        "clear",
        "extend",
        "insert",
        "remove",
        "discard",
        "appendleft",
    }
)


def _mutable(file: PythonFile, value: ast.expr) -> bool:
    if isinstance(value, ast.Dict | ast.List | ast.Set):
        return True
    return isinstance(value, ast.Call) and file.qualname(value.func) in _CONTAINERS


_STATE = re.compile(
    r"^([A-Za-z_]\w*)\s*(?::[^=\n]+)?=\s*(?:\{|\[|(?:collections\.)?"
    r"(?:set|dict|list|defaultdict|OrderedDict|Counter|deque)\()",
    re.MULTILINE,
)


# A container declared first thing in a module-level with block: ``with lock: CACHE = {}``.
_WITH_STATE = re.compile(
    r"\nwith [^\n]*:\n[ \t]+([A-Za-z_]\w*)\s*(?::[^=\n]+)?=\s*(?:\{|\[|(?:collections\.)?"
    r"(?:set|dict|list|defaultdict|OrderedDict|Counter|deque)\()"
)
# An empty container among the first statements of a class serving requests (before a
# method's deeper indentation): ``class TotalsView(TemplateView):\n    _totals = {}``.
_CLASS_STATE = re.compile(
    # Possessive quantifiers keep the body's lines from being re-split on a failed match: one
    # pass over the class, which ends at its first line that is neither indented nor blank.
    r"\nclass \w++\([^)\n]*?(?:View|ViewSet|Mixin|Admin|Form|Serializer|Consumer)\b[^)\n]*+\):\n"
    r"(?:[ \t]++[^\n]*+\n|\n)*?[ ]{4}([A-Za-z_]\w*+)(?:: [^=\n]+)? = "
    r"(?:\{\}|\[\]|(?:collections\.)?(?:set|dict|list|defaultdict|OrderedDict|Counter)\(\))\n"
)


def _with_state_names(file: PythonFile) -> list[str]:
    return [match.group(1) for match in _WITH_STATE.finditer(file.text)]


def _class_state_names(file: PythonFile) -> list[str]:
    return [match.group(1) for match in _CLASS_STATE.finditer(file.text)]


def _state_names(file: PythonFile) -> list[str]:
    """Module-level containers: the lines that use them are the ones to walk."""
    return [match.group(1) for match in _STATE.finditer(file.text)]


@rule.python(
    triggers=(
        Pattern(
            (
                "= {",
                "= [",
                "={",
                "=[",
                "dict(",
                "set(",
                "list(",
                "defaultdict(",
                "Counter(",
                "deque(",
            ),
            _STATE,
        ),
        Pattern(("\nwith ",), _WITH_STATE),
    ),
    focus=lambda file: (*_state_names(file), *_with_state_names(file)),
    also=("request", "receiver", "task", "sender", "actor", ".connect("),
)
def check(file: PythonFile) -> Iterator[Hit]:
    if file.source.tooling or file.facts.get("settings"):
        return
    state = {
        target.id
        # Also inside module-level with/if/try blocks: ``with open(...) as f: CACHE = {}``.
        for node in file.nodes(ast.Assign, ast.AnnAssign)
        if isinstance(node, ast.Assign | ast.AnnAssign)
        and node.value is not None
        and _mutable(file, node.value)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Name)
    }
    state -= _expiring(file, state)
    if not state:
        return

    dynamic: dict[int, bool] = {}

    def matters(scope: Scope, value: ast.AST | None = None, name: str = "") -> bool:
        """Serving code storing what it read from the request or the database, or counting."""
        if not scope.serving or scope.function is None:
            return False
        if (
            value is not None
            and name
            and any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(value))
        ):
            return True  # HITS[k] = HITS.get(k, 0) + 1: a counter
        key = id(scope.function)
        if key not in dynamic:
            dynamic[key] = _reads_request_or_database(scope.function)
        return dynamic[key]

    def local(name: str, scope: object) -> bool:
        # A function's own variable of the same name shadows the module's.
        function = getattr(scope, "function", None)
        assigned = getattr(scope, "assigned", {})
        return function is not None and name in assigned and not _global(function, name)

    found: list[tuple[int, tuple[int, str], Hit]] = []
    for node, scope in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr in _MUTATORS
            and isinstance(func.value, ast.Name)
            and func.value.id in state
            and not local(func.value.id, scope)
            and matters(scope)
        ):
            found.append(
                (
                    node.lineno,
                    (id(scope.function), func.value.id),
                    file.hit(
                        node,
                        f"{func.value.id}.{func.attr}() changes module-level state while "
                        "serving: each process keeps its own",
                    ),
                )
            )
    for kind in (ast.Assign, ast.AugAssign):
        for node, scope in file.of(kind):
            if not scope.serving:
                continue
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]  # type: ignore[attr-defined]
            value = node.value  # type: ignore[attr-defined]
            for target in targets:
                name = getattr(getattr(target, "value", None), "id", "")
                counts = isinstance(node, ast.AugAssign)
                if (
                    isinstance(target, ast.Subscript)
                    and name in state
                    and not local(name, scope)
                    and (counts or matters(scope, value, name))
                ):
                    found.append(
                        (
                            getattr(node, "lineno", 0),
                            (id(scope.function), name),
                            file.hit(
                                node,
                                f"{name}[...] is set while serving: each process keeps its own "
                                "copy",
                            ),
                        )
                    )
                elif (
                    isinstance(target, ast.Name)
                    and target.id in state
                    and scope.function is not None
                    and _global(scope.function, target.id)
                    and (counts or matters(scope, value, target.id))
                ):
                    found.append(
                        (
                            getattr(node, "lineno", 0),
                            (id(scope.function), target.id),
                            file.hit(
                                node,
                                f"global {target.id} is reassigned while serving: each process "
                                "keeps its own",
                            ),
                        )
                    )
    # One finding per function and name: filling one cache on three lines is one problem.
    seen: set[tuple[int, str]] = set()
    for _, key, hit in sorted(found, key=lambda item: item[0]):
        if key not in seen:
            seen.add(key)
            yield hit


_CLOCKS = frozenset(
    {
        "time.time",
        "time.monotonic",
        "datetime.datetime.now",
        "datetime.datetime.utcnow",
        "django.utils.timezone.now",
    }
)


def _expiring(file: PythonFile, state: set[str]) -> set[str]:
    """Containers that also store when they were filled (``CACHE["last_check"] = time.time()``,
    ``CACHE[key] = (time.monotonic(), value)``): a per-process cache that expires on its own
    is a deliberate memo, stale at most for its lifetime, not state the replicas must share."""
    found: set[str] = set()
    for node, scope in file.of(ast.Assign):
        assert isinstance(node, ast.Assign)
        for target in node.targets:
            name = getattr(getattr(target, "value", None), "id", "")
            if not isinstance(target, ast.Subscript) or name not in state:
                continue
            values: list[ast.AST] = [node.value]
            if isinstance(node.value, ast.Name):
                values += scope.assigned.get(node.value.id, [])
            if any(
                isinstance(inner, ast.Call) and file.qualname(inner.func) in _CLOCKS
                for value in values
                for inner in ast.walk(value)
            ):
                found.add(name)
    return found


def _reads_request_or_database(function: ast.AST) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.Name) and node.id == "request":
            return True
        if isinstance(node, ast.Attribute) and node.attr in (
            "objects",
            "request",
            "_default_manager",
        ):
            return True
    return False


def _global(function: ast.AST, name: str) -> bool:
    body = getattr(function, "body", [])
    return any(
        isinstance(n, ast.Global) and name in n.names for n in body if isinstance(n, ast.stmt)
    )


# -- a class attribute shared by every instance ---------------------------------------------
#
# ``class ReportView(View): _totals = {}`` then ``self._totals[key] = ...`` in a method: the
# dict belongs to the class, so to the process, not to the request's view instance (Django's
# docs warn against it for class-based views). Reported when a serving method changes it and
# the class never gives instances their own (``self._totals = {}``).


def _shared_attribute(node: ast.AST, names: set[str], klass: str) -> str | None:
    """``self.X``, ``cls.X`` or ``Klass.X`` for a class attribute X."""
    if (
        isinstance(node, ast.Attribute)
        and node.attr in names
        and isinstance(node.value, ast.Name)
        and node.value.id in ("self", "cls", klass)
    ):
        return node.attr
    return None


@rule.python(
    triggers=(Pattern(("\nclass ",), _CLASS_STATE),),
    focus=_class_state_names,
)
def check_class_state(file: PythonFile) -> Iterator[Hit]:
    if file.source.tooling or file.facts.get("settings"):
        return
    shared: dict[str, set[str]] = {}
    for klass in file.tree.body:
        if not isinstance(klass, ast.ClassDef):
            continue
        names = {
            target.id
            for node in klass.body
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None
            if _mutable(file, node.value)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name)
        }
        # An instance given its own copy (self.X = {} in __init__ or setup) shares nothing.
        for node in ast.walk(klass):
            if isinstance(node, ast.Assign | ast.AnnAssign):
                for target in node.targets if isinstance(node, ast.Assign) else [node.target]:
                    if isinstance(target, ast.Attribute) and target.attr in names:
                        names.discard(target.attr)
        if names:
            shared[klass.name] = names
    if not shared:
        return
    reported: set[tuple[str, str]] = set()
    for kind in (ast.Call, ast.Assign, ast.AugAssign):
        for node, scope in file.of(kind):
            outer = scope.parent
            owner = outer.class_name if outer is not None else None
            if owner not in shared or not scope.serving or scope.function is None:
                continue
            assert owner is not None
            names = shared[owner]
            changed = None
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                if node.func.attr in _MUTATORS:
                    changed = _shared_attribute(node.func.value, names, owner)
            elif isinstance(node, ast.Assign | ast.AugAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Subscript):
                        changed = changed or _shared_attribute(target.value, names, owner)
            if changed is None or (owner, changed) in reported:
                continue
            if not (isinstance(node, ast.AugAssign) or _reads_request_or_database(scope.function)):
                continue
            reported.add((owner, changed))
            yield file.hit(
                node,
                f"{owner}.{changed} is a class attribute changed while serving: every "
                "instance of the process shares it, and each process keeps its own",
            )
