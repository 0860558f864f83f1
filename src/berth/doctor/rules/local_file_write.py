"""BD102: code that serves requests or runs tasks writes files to the local disk: under
MEDIA_ROOT, STATIC_ROOT, BASE_DIR, the module's own folder, or a relative path.

**What breaks in containers.** The file lands on one replica's disk. The next request goes
to another replica, which does not have it, and a restart or deploy deletes it. A report
written to ``reports/`` or a resized image saved under MEDIA_ROOT works on a laptop and
disappears in production. The image's tree is often read-only, too.

**Fix.** Write through ``default_storage`` (``default_storage.save(name, ContentFile(data))``
or a FileField's ``.save()``), which settings point at object storage. For scratch space,
use ``tempfile`` and delete the file before the response: a request-scoped temporary file
is fine and is not reported.

A helper that writes wherever its parameter says (``os.makedirs(folder)``,
``os.symlink(src, dst)``, ``open(path, "w")``) is reported where serving code hands it a path
under MEDIA_ROOT, a FieldFile's ``.path`` or ``default_storage.path(...)``: that call site is
what decides the file lands on local disk, and the same helper called from a management
command with another folder is fine.

Not reported: a storage backend's own methods (a ``Storage`` subclass's ``open()`` making its
folders under MEDIA_ROOT is what the storage is for).
"""

from __future__ import annotations

import ast
import builtins
import re
import sys
from collections.abc import Iterator

from berth.doctor.disk import LIST, READ, disk_call, in_storage_backend, storage_receiver
from berth.doctor.findings import Severity, Span
from berth.doctor.project import Project, dotted_match
from berth.doctor.python import PathKind, PythonFile, Role, Scope
from berth.doctor.registry import Hit, Pattern, Rule

rule = Rule(
    __name__,
    id="BD102",
    loses_state=True,
    slug="local-file-write",
    severity=Severity.ERROR,
    summary="writes a file to this container's local disk",
    hint="write through default_storage (default_storage.save(name, ContentFile(data))); "
    "for scratch files use tempfile and delete them before responding",
)

# Roots of the project tree, and writes to a literal relative path: what BD102 can report.
ROOTS = (
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "BASE_DIR",
    "PROJECT_ROOT",
    "PROJECT_DIR",
    "ROOT_DIR",
    "SITE_ROOT",
    "__file__",
)
_RELATIVE_WRITE = Pattern(
    ("open(", "Path(", "write_text(", "to_csv(", "to_excel(", "extractall()"),
    re.compile(r"""(\bopen|Path|write_text|to_csv|to_excel)\(\s*f?["'](?![/~])|extractall\(\)"""),
)
# Any write at all: what BD106 (start-up) can report. The mode may follow a path built in the
# call itself (``open(os.path.join(settings.MEDIA_ROOT, name), "w")``), two calls deep, and on
# a later line of the call.
_ARGUMENT = r"(?:[^()]|\((?:[^()]|\([^()]*\))*\))*"
WRITES = (
    Pattern(("open(",), re.compile(rf"""\bopen\({_ARGUMENT}["'][wax]b?\+?["']""")),
    "write_text",
    "write_bytes",
    "makedirs",
    ".mkdir(",
    "shutil.copy",
    "shutil.move",
    "extractall",
    "storage.save(",
    ".touch(",
)
_CONTEXT = {
    Role.REQUEST: "while handling a request",
    Role.TASK: "in a task",
    Role.SIGNAL: "in a signal handler",
    Role.OTHER: "at run time",
}


@rule.python(
    triggers=(*ROOTS, _RELATIVE_WRITE),
    also=(*WRITES, ".save(", "to_csv", "os.open"),
    # Paths are often built on one line and written on the next: walk every write.
    focus=lambda file: (
        "open(",
        "write_",
        "mkdir",
        "shutil.",
        "extract",
        ".save(",
        "to_csv",
        "rename(",
        "replace(",
    ),
)
def check(file: PythonFile) -> Iterator[Hit]:
    if file.source.tooling:
        return
    for node, scope in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        if scope.role in Role.STARTUP or scope.debug_only:
            continue  # BD106 reports writes at start-up
        if in_storage_backend(file, scope):
            continue  # a storage's own _open() and _save()
        call = disk_call(file, node)
        if call is None or call.operation in (READ, LIST):
            continue
        kind = file.path_kind(call.target, scope) if call.target is not None else PathKind.RELATIVE
        if kind in (PathKind.MEDIA, PathKind.STATIC, PathKind.BASE):
            pass
        elif kind in (PathKind.RELATIVE, PathKind.CODE):
            # Relative paths and the code's folder are only certain trouble while serving:
            # elsewhere they are a developer tool's output as often as not.
            if not scope.serving:
                continue
        else:
            continue
        where = "the current folder" if call.target is None else kind
        yield file.hit(
            node,
            f"{call.api} writes to {where} {_CONTEXT.get(scope.role, 'at run time')}: the "
            "file stays on this container's disk, unseen by other replicas and lost on restart",
        )


# A helper's write through its parameter, and serving code handing a media path to a function:
# recorded per file, matched across the project.
_HELPER_WRITES = ("makedirs", "mkdir", "symlink", "os.link", "open(", "shutil.", "write_")
# ``instance.image.path`` (a FieldFile's local path), not ``os.path``.
_FIELD_PATH = Pattern((".path",), re.compile(r"\w\.\w+\.path\b(?!\s*[.(])"))


@rule.python(triggers=_HELPER_WRITES)
def record_writers(file: PythonFile) -> Iterator[Hit]:
    if file.source.test_code:
        return
    writers: dict[str, list[list[object]]] = {}
    for node, scope in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        function = scope.function
        if (
            not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
            or function not in file.tree.body  # a method's callers cannot be told by name
            or in_storage_backend(file, scope)
        ):
            continue
        call = disk_call(file, node)
        if call is None or call.operation in (READ, LIST) or call.target is None:
            continue
        origin = file.path_origin(call.target, scope)
        if not isinstance(origin, ast.Name):
            continue
        positional = [a.arg for a in (*function.args.posonlyargs, *function.args.args)]
        keywords = {a.arg for a in function.args.kwonlyargs}
        if origin.id not in positional and origin.id not in keywords:
            continue
        position = positional.index(origin.id) if origin.id in positional else -1
        entry = [position, origin.id, call.api, file.span(node).line]
        found = writers.setdefault(f"{file.module}.{function.name}", [])
        if all(item[1] != origin.id for item in found):
            found.append(entry)
    if writers:
        file.facts["path_writers"] = writers
    yield from ()


@rule.python(
    triggers=("MEDIA_ROOT", "storage.path(", _FIELD_PATH),
    # Calls to the project's own functions, which may write where they are told.
    focus=lambda file: (
        *(n.name for n in file.tree.body if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)),
        *file.imports,
    ),
)
def record_media_handoffs(file: PythonFile) -> Iterator[Hit]:
    if file.source.tooling:
        return
    handoffs: list[list[object]] = []
    for node, scope in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        if not scope.serving or scope.debug_only or disk_call(file, node) is not None:
            continue
        callee = _project_function(file, node.func)
        if callee is None:
            continue
        arguments: list[tuple[int, str | None, ast.expr]] = [
            (i, None, a) for i, a in enumerate(node.args)
        ]
        arguments += [(-1, k.arg, k.value) for k in node.keywords if k.arg]
        for position, keyword, value in arguments:
            what = _media_path(file, value, scope)
            if what is not None:
                span = file.span(node)
                handoffs.append(
                    [span.line, span.column, span.end_line, span.end_column]
                    + [callee, position, keyword, what]
                )
    if handoffs:
        file.facts["media_handoffs"] = handoffs
    yield from ()


def _project_function(file: PythonFile, func: ast.expr) -> str | None:
    """The dotted name of the module-level function ``func`` may be in this project: a name
    defined or imported here, or an attribute of an imported module; not the standard
    library's or Django's, not a method of a local object (``logger.error``)."""
    root = func
    while isinstance(root, ast.Attribute):
        root = root.value
    if not isinstance(root, ast.Name):
        return None
    if root.id not in file.imports:
        local = root is func and not hasattr(builtins, root.id)
        return f"{file.module}.{root.id}" if local else None
    name = file.qualname(func)
    top = name.split(".", 1)[0]
    return None if top in sys.stdlib_module_names or top == "django" else name


def _media_path(file: PythonFile, value: ast.expr, scope: Scope) -> str | None:
    """What ``value`` is when it is a local path of the media storage: ``MEDIA_ROOT``,
    ``field:NAME`` for a FieldFile's ``.path`` (told at project level, from the models), or
    ``default_storage.path()``."""
    if file.path_kind(value, scope) == PathKind.MEDIA:
        return "MEDIA_ROOT"
    origin = file.path_origin(value, scope)
    if isinstance(origin, ast.Attribute) and isinstance(origin.value, ast.Attribute):
        return f"field:{origin.value.attr}" if origin.attr == "path" else None
    func = origin.func if isinstance(origin, ast.Call) else None
    if (
        isinstance(func, ast.Attribute)
        and func.attr == "path"
        and storage_receiver(file, func.value)
    ):
        return "default_storage.path()"
    return None


@rule.project
def check_media_handoffs(project: Project) -> Iterator[Hit]:
    writers: dict[str, tuple[str, list[list[object]]]] = {}
    for path, found in project.each("path_writers"):
        for name, writes in found.items():
            writers.setdefault(name, (path, writes))
    if not writers:
        return
    for path, handoffs in project.each("media_handoffs"):
        for line, column, end_line, end_column, callee, position, keyword, what in handoffs:
            name = dotted_match(writers, callee)
            if name is None:
                continue
            if what.startswith("field:"):
                if what[len("field:") :] not in project.file_fields:
                    continue
                what = "a FieldFile's .path"
            elif what == "MEDIA_ROOT":
                what = "a path under MEDIA_ROOT"
            where, writes = writers[name]
            for index, parameter, api, write_line in writes:
                if (position >= 0 and position == index) or keyword == parameter:
                    helper = name.rsplit(".", 1)[-1]
                    yield Hit(
                        Span(line, column, end_line, end_column),
                        f"passes {what} to {helper}(), whose {api} at {where}:{write_line} "
                        f"writes through its parameter {parameter!r}: the file stays on this "
                        "container's disk, unseen by other replicas and lost on restart",
                        path=path,
                    )
                    break
