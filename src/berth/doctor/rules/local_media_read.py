"""BD103: media read back or listed from the local disk: ``open()``, ``os.listdir``,
``os.walk``, ``glob`` or ``os.path.exists`` under MEDIA_ROOT.

**What breaks in containers.** Uploads live in object storage, not in the replica's MEDIA_ROOT:
the folder is empty or missing, so the file "does not exist" and the listing is empty — or it
holds only what this one replica wrote before it dies.

**Fix.** Use the storage API: ``default_storage.open(name)``, ``default_storage.exists(name)``
and ``default_storage.listdir(path)`` work the same on local disk and on S3.

Not reported: a storage backend's own methods (a ``Storage`` subclass reading its own
files).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from berth.doctor.disk import LIST, READ, disk_call, in_storage_backend
from berth.doctor.findings import Severity
from berth.doctor.python import PathKind, PythonFile
from berth.doctor.registry import Hit, Rule

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
