"""BD106: files written to disk or storage at import time or in ``AppConfig.ready()``.

**What breaks in containers.** Import-time code runs wherever the code is imported: in the
image build (``collectstatic`` imports settings and apps), in every replica at start, in every
one-off ``manage.py`` container. A folder made there exists only in that container; a file
written to storage is written once per replica start, racing the others; on a read-only image
the process does not start at all.

**Fix.** Create nothing at import. Storage needs no folders (``default_storage.save()`` makes
the key); seed data belongs in a migration or a one-off job (``manage.py`` command) run once
per deploy; scratch space comes from ``tempfile`` when it is needed.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from berth.doctor.disk import LIST, READ, disk_call, storage_receiver
from berth.doctor.findings import Severity
from berth.doctor.python import PathKind, PythonFile, Role
from berth.doctor.registry import Hit, Rule
from berth.doctor.rules.local_file_write import WRITES

rule = Rule(
    __name__,
    id="BD106",
    loses_state=True,
    slug="write-at-startup",
    severity=Severity.WARNING,
    summary="writes to disk or storage at import time or in AppConfig.ready()",
    hint="create nothing at import: storage needs no folders; seed files in a migration or "
    "a one-off manage.py job",
)


@rule.python(triggers=WRITES)
def check(file: PythonFile) -> Iterator[Hit]:
    if file.source.tooling:
        return
    for node, scope in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        if scope.role not in Role.STARTUP or scope.debug_only:
            continue
        when = "at import time" if scope.role == Role.IMPORT else "in AppConfig.ready()"
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "save"
            and storage_receiver(file, func.value)
        ):
            yield file.hit(node, f"writes to storage {when}: once per replica start and build")
            continue
        call = disk_call(file, node)
        if call is None or call.operation in (READ, LIST):
            continue
        if call.target is not None and file.path_kind(call.target, scope) == PathKind.TEMP:
            continue
        if call.image_save and file.path_kind(call.target, scope) == PathKind.UNKNOWN:
            continue  # .save(x) of something unknown: most likely not a path
        yield file.hit(
            node,
            f"{call.api} {when}: runs in the image build and in every replica and one-off "
            "container that imports it",
        )
