"""BD206: a temporary file handed from one request to the next (or to a task), or
``FILE_UPLOAD_TEMP_DIR`` set to a fixed folder of the project or the machine.

**What breaks in containers.** The temporary folder is the replica's own. An upload kept there
(``NamedTemporaryFile(delete=False)``, ``mkstemp``, a folder under ``gettempdir()``) whose name
goes back to the client, in a form, the session or a redirect, is looked for by the next
request, which the load balancer may send to another replica: the "confirm" step of a
two-step import fails there. A task queued with such a path runs in a worker, often another
container, whose temporary folder does not have it. A fixed ``FILE_UPLOAD_TEMP_DIR`` is not
created by Django: in a fresh container it does not exist and every large upload fails with
``FileNotFoundError``; inside the project tree it writes into the image, which may be
read-only.

**Fix.** Keep what the next request needs where every replica sees it: the default storage
(``default_storage.save(...)``, then delete it), the database, or the shared cache; a library's
temporary storage setting chooses that place (a media or cache storage instead of a temporary
folder). Leave ``FILE_UPLOAD_TEMP_DIR`` unset: Django then uses the system's temporary folder
(``TMPDIR``), which exists in every container.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from berth.doctor.findings import Severity, Span
from berth.doctor.project import Project
from berth.doctor.python import PathKind, PythonFile, Role, Scope
from berth.doctor.registry import Hit, Pattern, Rule

rule = Rule(
    __name__,
    id="BD206",
    loses_state=True,
    slug="local-temp-dir",
    severity=Severity.WARNING,
    summary="a temporary file outlives its request, or FILE_UPLOAD_TEMP_DIR names a fixed folder",
    hint="keep what the next request needs in the default storage, the database or the shared "
    "cache; leave FILE_UPLOAD_TEMP_DIR unset (set TMPDIR to move it)",
)

_PROJECT_ROOTS = ("BASE_DIR", "PROJECT_ROOT", "PROJECT_DIR", "ROOT_DIR")


@rule.project
def check(project: Project) -> Iterator[Hit]:
    for view in project.settings:
        value = view.get("FILE_UPLOAD_TEMP_DIR")
        if value is None:
            continue
        fixed = (
            (value[0] == "c" and isinstance(value[1], str) and value[1])
            or (value[0] == "path" and str(value[1]).endswith(_PROJECT_ROOTS))
            or (
                value[0] == "call"
                and value[1] in ("os.path.join", "pathlib.Path", "str")
                and value[2]
                and value[2][0][0] in ("name", "path")
                and str(value[2][0][1]).endswith(_PROJECT_ROOTS)
            )
        )
        if fixed:
            yield view.hit(value)


# -- temporary files handed between requests ------------------------------------------------
#
# The evidence that a temporary file crosses requests is its name coming back from the client:
# a view reopens it from a form's cleaned_data, request.POST/GET or the session. Alone, a
# temporary file is the right tool (used and deleted within one request), so nothing else is
# reported.

# A task queued with a temporary path runs in a worker, often another container.
_QUEUE_CALLS = (".delay(", ".apply_async(", "async_task(", ".enqueue(")
_QUEUE_NAMES = frozenset({"delay", "apply_async", "async_task", "enqueue"})


_REQUEST_DATA = frozenset({"POST", "GET", "session", "data", "query_params"})
_REOPEN = Pattern(
    ("cleaned_data", "request."),
    re.compile(r"name\s*=\s*[\w.]*?(?:cleaned_data|request\.(?:POST|GET|session|data))\b"),
)
_RETURNS_CLASS = re.compile(r"^[ \t]+return [A-Z]\w*[ \t]*$", re.MULTILINE)
_KEPT_TEMP = frozenset({"tempfile.NamedTemporaryFile", "tempfile.mkstemp", "tempfile.mkdtemp"})
_TEMP_FOLDER = frozenset({"tempfile.gettempdir", "tempfile.mkdtemp"})


def _from_client(node: ast.AST) -> bool:
    """Whether ``node`` reads what the client sent: a form's cleaned_data, request.POST/GET,
    request.data or the session."""
    for inner in ast.walk(node):
        if isinstance(inner, ast.Attribute):
            if inner.attr == "cleaned_data":
                return True
            if inner.attr in _REQUEST_DATA and (
                (isinstance(inner.value, ast.Name) and inner.value.id == "request")
                or (isinstance(inner.value, ast.Attribute) and inner.value.attr == "request")
            ):
                return True
    return False


def _kept(file: PythonFile, node: ast.AST | None) -> bool:
    """A temporary file that outlives its handle: ``NamedTemporaryFile(delete=False)``,
    ``mkstemp()``, ``mkdtemp()``."""
    if not isinstance(node, ast.Call):
        return False
    name = file.qualname(node.func)
    if name == "tempfile.NamedTemporaryFile":
        return any(
            k.arg == "delete" and isinstance(k.value, ast.Constant) and k.value.value is False
            for k in node.keywords
        )
    return name in _KEPT_TEMP


def _self_attribute(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "self"
    )


def _temp_store(file: PythonFile, klass: ast.ClassDef) -> bool:
    """A class whose objects keep a temporary file by name and reopen it from that name: it
    writes to a kept temporary file and stores its name on ``self``, or joins the temporary
    folder with a name on ``self``."""
    kept: set[str] = set()
    for node in ast.walk(klass):
        if isinstance(node, ast.Assign) and _kept(file, node.value):
            for target in node.targets:
                for name in ast.walk(target):
                    if isinstance(name, ast.Name):
                        kept.add(name.id)
    for node in ast.walk(klass):
        if (
            isinstance(node, ast.Assign)
            and any(_self_attribute(target) for target in node.targets)
            and isinstance(node.value, ast.Attribute | ast.Name)
        ):
            value = node.value
            held = value.value if isinstance(value, ast.Attribute) else value
            if isinstance(held, ast.Name) and held.id in kept:
                return True
        if (
            isinstance(node, ast.Call)
            and file.qualname(node.func) in ("os.path.join", "posixpath.join")
            and len(node.args) >= 2
            and isinstance(node.args[0], ast.Call)
            and file.qualname(node.args[0].func) in _TEMP_FOLDER
            and any(_self_attribute(arg) for arg in node.args[1:])
        ):
            return True
    return False


def _dotted(file: PythonFile, name: str, local: set[str]) -> str:
    return f"{file.module}.{name}" if name in local else file.imports.get(name, name)


@rule.python(
    triggers=("NamedTemporaryFile", "mkstemp", "mkdtemp", "gettempdir", _REOPEN),
    focus=lambda file: ("session[", *_QUEUE_CALLS),
)
def check_handoff(file: PythonFile) -> Iterator[Hit]:
    if file.source.test_code:
        return
    stores = [
        f"{file.module}.{node.name}"
        for node in file.tree.body
        if isinstance(node, ast.ClassDef) and _temp_store(file, node)
    ]
    if stores:
        file.facts["temp_stores"] = stores
    classes = {node.name for node in file.tree.body if isinstance(node, ast.ClassDef)}
    for node, scope in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        if not scope.serving:
            continue
        reopened = next(
            (k for k in node.keywords if k.arg == "name" and _from_client(k.value)), None
        )
        if reopened is not None:
            # Which class this is may be decided in another file: judged once all are read.
            span = file.span(node)
            names = sorted({*file.imports.values(), *(f"{file.module}.{c}" for c in classes)})
            file.facts.setdefault("temp_reopens", []).append(
                [span.line, span.column, span.end_line, span.end_column, names]
            )
            continue
        if (
            scope.role == Role.REQUEST
            and file.qualname(node.func) in ("os.path.join", "posixpath.join")
            and len(node.args) >= 2
            and file.path_kind(node.args[0], scope) == PathKind.TEMP
            and any(_from_client(arg) for arg in node.args[1:])
        ):
            yield file.hit(
                node,
                "a temporary file named by the client: an earlier request wrote it, maybe on "
                "another replica, whose temporary folder this one does not see",
            )
    yield from _queued(file)
    for node, scope in file.of(ast.Assign):
        assert isinstance(node, ast.Assign)
        if scope.role != Role.REQUEST:
            continue
        if (
            any(
                isinstance(target, ast.Subscript)
                and isinstance(target.value, ast.Attribute)
                and target.value.attr == "session"
                for target in node.targets
            )
            and file.path_kind(node.value, scope) == PathKind.TEMP
        ):
            yield file.hit(
                node,
                "a temporary file's path kept in the session: the next request may reach "
                "another replica, whose temporary folder does not have it",
            )


def _queued(file: PythonFile) -> Iterator[Hit]:
    """A request queues a task with a temporary file's path, or an object built from it
    (paperless-ngx's ConsumableDocument(original_file=temp_path))."""
    tainted: dict[int, set[str]] = {}
    for node, scope in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else file.qualname(func)
        if scope.role != Role.REQUEST or scope.function is None or name not in _QUEUE_NAMES:
            continue
        key = id(scope.function)
        if key not in tainted:
            tainted[key] = _temporary_names(file, scope)
        names = tainted[key]
        if names and any(
            isinstance(inner, ast.Name) and inner.id in names
            for argument in (*node.args, *(k.value for k in node.keywords))
            for inner in ast.walk(argument)
        ):
            yield file.hit(
                node,
                "a task is queued with a temporary file's path: the worker, in another "
                "container, has its own temporary folder without it",
            )


def _temporary_names(file: PythonFile, scope: Scope) -> set[str]:
    """The function's names that hold a temporary path, or something built from one."""
    names: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, values in scope.assigned.items():
            if name in names:
                continue
            if any(
                file.path_kind(value, scope) == PathKind.TEMP
                or any(isinstance(n, ast.Name) and n.id in names for n in ast.walk(value))
                for value in values
            ):
                names.add(name)
                changed = True
    return names


@rule.python(
    triggers=(Pattern(("return ",), _RETURNS_CLASS),),
    also=("getattr(settings",),
)
def check_class_getters(file: PythonFile) -> Iterator[Hit]:
    """Record module-level functions that return a class: ``get_file_storage()`` choosing the
    temporary storage by a setting."""
    if file.source.test_code:
        return
    local = {node.name for node in file.tree.body if isinstance(node, ast.ClassDef)}
    getters: dict[str, list[str]] = {}
    for node in file.tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        returned = {
            _dotted(file, inner.value.id, local)
            for inner in ast.walk(node)
            if isinstance(inner, ast.Return) and isinstance(inner.value, ast.Name)
        }
        if returned:
            getters[f"{file.module}.{node.name}"] = sorted(returned)
    if getters:
        file.facts["class_getters"] = getters
    yield from ()


@rule.project
def check_reopens(project: Project) -> Iterator[Hit]:
    stores = {name for _, names in project.each("temp_stores") for name in names}
    if not stores:
        return
    reach = {store: store for store in stores}
    for _, getters in project.each("class_getters"):
        for getter, returned in getters.items():
            chosen = next((name for name in returned if name in stores), None)
            if chosen is not None:
                reach[getter] = chosen
    for path, reopens in project.each("temp_reopens"):
        for *span, names in reopens:
            store = next((reach[name] for name in names if name in reach), None)
            if store is not None:
                yield Hit(
                    Span(*span),
                    f"reopens a temporary file by the name the client sent back "
                    f"({store.rsplit('.', 1)[-1]} keeps it in this replica's temporary "
                    "folder): the next request may reach another replica",
                    path=path,
                )
