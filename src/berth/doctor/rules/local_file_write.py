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

Not reported: a storage backend's own methods (a ``Storage`` subclass's ``open()`` making its
folders under MEDIA_ROOT is what the storage is for).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from berth.doctor.disk import LIST, READ, disk_call, in_storage_backend
from berth.doctor.findings import Severity
from berth.doctor.python import PathKind, PythonFile, Role
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
