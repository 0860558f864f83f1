"""BD103: media read back or listed from the local disk: ``open()``, ``os.listdir``,
``os.walk``, ``glob`` or ``os.path.exists`` under MEDIA_ROOT, or under a folder setting that a
management command fills.

**What breaks in containers.** Uploads live in object storage, not in the replica's MEDIA_ROOT:
the folder is empty or missing, so the file "does not exist" and the listing is empty — or it
holds only what this one replica wrote before it dies. A folder a management command fills
(built documentation, an export) holds it only where the command ran.

**Fix.** Use the storage API: ``default_storage.open(name)``, ``default_storage.exists(name)``
and ``default_storage.listdir(path)`` work the same on local disk and on S3.

Not reported: a storage backend's own methods (a ``Storage`` subclass reading its own
files).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from berth.doctor.disk import LIST, MKDIR, READ, WRITE, disk_call, in_storage_backend
from berth.doctor.findings import Severity, Span
from berth.doctor.project import Project
from berth.doctor.python import PathKind, PythonFile, Role, Scope
from berth.doctor.registry import Hit, Pattern, Rule

rule = Rule(
    __name__,
    id="BD103",
    loses_state=True,
    slug="local-media-read",
    severity=Severity.ERROR,
    summary="reads or lists media from this container's local disk",
    hint="use default_storage.open(), .exists() and .listdir(): they work on S3 too",
)


@rule.python(
    triggers=("MEDIA_ROOT",),
    focus=lambda file: (
        "open(",
        "listdir",
        "scandir",
        "walk(",
        "glob",
        "exists(",
        "isfile(",
        "getsize(",
        "read_",
    ),
)
def check(file: PythonFile) -> Iterator[Hit]:
    if file.source.tooling:
        return
    for node, scope in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        if scope.debug_only:
            continue
        if in_storage_backend(file, scope):
            continue  # a storage's own _open() and _save()
        call = disk_call(file, node)
        if call is None or call.operation not in (READ, LIST) or call.target is None:
            continue
        if file.path_kind(call.target, scope) != PathKind.MEDIA:
            continue
        verb = "lists" if call.operation == LIST else "reads"
        yield file.hit(
            node,
            f"{call.api} {verb} MEDIA_ROOT on this container's disk, where other replicas' "
            "uploads never are",
        )


# -- a folder another process fills -----------------------------------------------------------
#
# ``settings.DOCS_BUILD_ROOT`` filled by a management command and read by the docs view: the
# command ran in one container (or on one machine), the view answers in every replica. Each
# module records the folder settings it writes from commands or tasks ("filled_folders") and
# the ones it reads while serving ("read_folders"); a setting in both is reported where read.
# MEDIA_ROOT is check()'s; STATIC_ROOT and the project's root are filled in the image.

_SHIPPED = frozenset(
    {
        "MEDIA_ROOT",
        "STATIC_ROOT",
        "BASE_DIR",
        "PROJECT_ROOT",
        "PROJECT_DIR",
        "ROOT_DIR",
        "SITE_ROOT",
    }
)
_READ_METHODS = frozenset(
    {"exists", "is_file", "is_dir", "stat", "open", "read_text", "read_bytes", "iterdir"}
)
_FOLLOWED = frozenset(
    {"os.path.join", "posixpath.join", "pathlib.Path", "str", "os.fspath", "os.path.abspath"}
)
# A folder setting of the project's own (the shipped roots are check()'s or the image's).
_FOLDER_SETTING = Pattern(
    ("settings.",),
    re.compile(
        r"settings\.(?!(?:MEDIA|STATIC)_ROOT\b)[A-Z][A-Z0-9_]*_(?:ROOT|DIR|PATH)\b"
        r"(?<!BASE_DIR)(?<!PROJECT_ROOT)(?<!PROJECT_DIR)(?<!\bROOT_DIR)(?<!SITE_ROOT)"
    ),
)


def _setting_root(
    file: PythonFile, node: ast.AST | None, scope: Scope | None, depth: int = 0
) -> str | None:
    """The folder setting a path starts from: ``settings.X / a / b``, through local names and
    this module's functions that return such a path."""
    if node is None or depth > 6:
        return None
    if isinstance(node, ast.Attribute):
        if node.attr.isupper() and file.qualname(node.value).endswith("settings"):
            return node.attr
        return None
    if isinstance(node, ast.Name):
        for here in file.scope_chain(scope):
            values = here.assigned.get(node.id)
            if values:
                roots = {_setting_root(file, value, here, depth + 1) for value in values}
                return roots.pop() if len(roots) == 1 else None
        return None
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div | ast.Add):
        return _setting_root(file, node.left, scope, depth + 1)
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        inner = first.value if isinstance(first, ast.FormattedValue) else first
        return _setting_root(file, inner, scope, depth + 1)
    if isinstance(node, ast.Call):
        name = file.qualname(node.func)
        if name in _FOLLOWED and node.args:
            return _setting_root(file, node.args[0], scope, depth + 1)
        if isinstance(node.func, ast.Attribute) and node.func.attr in ("joinpath", "resolve"):
            return _setting_root(file, node.func.value, scope, depth + 1)
        if isinstance(node.func, ast.Name):
            for function in file.tree.body:
                if isinstance(function, ast.FunctionDef) and function.name == node.func.id:
                    returns = [n.value for n in ast.walk(function) if isinstance(n, ast.Return)]
                    if len(returns) == 1:
                        return _setting_root(file, returns[0], None, depth + 1)
    return None


def _bare(file: PythonFile, node: ast.AST | None, scope: Scope) -> bool:
    """``settings.X`` itself (directly or through a name), not a folder below it."""
    if isinstance(node, ast.Name):
        for here in file.scope_chain(scope):
            values = here.assigned.get(node.id)
            if values:
                return len(values) == 1 and _bare(file, values[0], here)
        return False
    return isinstance(node, ast.Attribute) and _setting_root(file, node, scope) is not None


def _read_target(file: PythonFile, call: ast.Call) -> ast.expr | None:
    disk = disk_call(file, call)
    if disk is not None:
        return disk.target if disk.operation in (READ, LIST) else None
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr in _READ_METHODS:
        return func.value
    if file.qualname(func).endswith("FileResponse") and call.args:
        inner = call.args[0]
        if isinstance(inner, ast.Call):
            return _read_target(file, inner)
    return None


@rule.python(
    triggers=(_FOLDER_SETTING,),
    focus=lambda file: (
        "open(",
        "exists(",
        "listdir",
        "iterdir",
        "read_",
        "mkdir",
        "write",
        "glob",
        "stat(",
    ),
)
def record_folders(file: PythonFile) -> Iterator[Hit]:
    if file.source.test_code:
        return
    filled: set[str] = set()
    read: list[list[object]] = []
    folders = file.source.parts[:-1]
    # A management command produces; any other module may be read from a request (a "docs"
    # app's views are not tooling however their folder is named).
    producer = "management" in folders and "commands" in folders
    if "migrations" in folders:
        return
    for node, scope in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        if scope.debug_only:
            continue
        if producer or scope.role == Role.TASK:
            disk = disk_call(file, node)
            if disk is not None and disk.operation in (WRITE, MKDIR):
                if disk.operation == MKDIR and _bare(file, disk.target, scope):
                    continue  # making sure the folder exists fills nothing
                root = _setting_root(file, disk.target, scope)
                if root is not None and root not in _SHIPPED:
                    filled.add(root)
        elif scope.role in (Role.REQUEST, Role.OTHER):
            root = _setting_root(file, _read_target(file, node), scope)
            if root is not None and root not in _SHIPPED:
                span = file.span(node)
                read.append([span.line, span.column, span.end_line, span.end_column, root])
    if filled:
        file.facts["filled_folders"] = sorted(filled)
    if read:
        file.facts["read_folders"] = read
    yield from ()


@rule.project
def check_filled_folders(project: Project) -> Iterator[Hit]:
    filled: dict[str, str] = {}
    for path, names in project.each("filled_folders"):
        for name in names:
            filled.setdefault(name, path)
    for path, reads in project.each("read_folders"):
        seen: set[str] = set()
        for *span, name in sorted(reads):
            if name in filled and name not in seen:
                seen.add(name)
                yield Hit(
                    Span(*span),
                    f"reads settings.{name}, which {filled[name]} fills: on a replica where it "
                    "did not run, the files are missing",
                    path=path,
                )
