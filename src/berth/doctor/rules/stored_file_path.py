"""BD104: a stored file's local path: ``FieldFile.path``, ``storage.path()``, or
``os.path.join(settings.MEDIA_ROOT, field.name)``.

**What breaks in containers.** Remote storages have no local path: S3's ``path()`` raises
``NotImplementedError``, so the code that worked with FileSystemStorage fails the day
``STORAGE_URL`` points at a bucket. A path joined by hand points at a file that is not on
this replica.

**Fix.** Open the file through its storage: ``field.open("rb")`` / ``default_storage.open(name)``,
read ``field.size``, and pass file objects (Pillow, zipfile and most libraries take them). A
library that insists on a path gets a temporary copy (``tempfile.NamedTemporaryFile``),
deleted after use.

One problem is reported once per function: the first ``storage.path()`` of a function, with
how many more it has.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from berth.doctor.disk import storage_receiver
from berth.doctor.fields import collect_file_fields, defer_to_fields, field_attribute, field_hits
from berth.doctor.findings import Severity
from berth.doctor.project import Project
from berth.doctor.python import PathKind, PythonFile, Scope
from berth.doctor.python.scopes import once_per_function
from berth.doctor.registry import Hit, Pattern, Rule

rule = Rule(
    __name__,
    id="BD104",
    loses_state=True,
    slug="stored-file-path",
    severity=Severity.ERROR,
    summary="uses a stored file's local path, which remote storages do not have",
    hint="open it through its storage: field.open('rb') or default_storage.open(name); "
    "copy to a tempfile if a library needs a path",
)


@rule.python(
    triggers=(
        # `x.image.path`, not `os.path.join`. Starting with the literal dot lets the regular
        # expression engine jump between dots instead of trying every character.
        Pattern((".path",), re.compile(r"\.\w+\.path\b(?!\s*[.(])")),
        ".path(",
        "FileField",
        "ImageField",
        "MEDIA_ROOT",
    )
)
def check(file: PythonFile) -> Iterator[Hit]:
    collect_file_fields(file)
    if file.source.test_code:
        return
    for node, scope in file.of(ast.Attribute):
        assert isinstance(node, ast.Attribute)
        if node.attr != "path" or not isinstance(node.ctx, ast.Load) or scope.guarded:
            continue
        name = field_attribute(node.value)
        if name is not None:
            message = f".{name}.path: a stored file's local path, which remote storages do not have"
            defer_to_fields(file, "field_paths", name, node, message)
    yield from once_per_function(_calls(file))


def _calls(file: PythonFile) -> Iterator[tuple[Scope, Hit]]:
    for node, scope in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        func = node.func
        if scope.guarded:
            continue
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "path"
            and storage_receiver(file, func.value)
        ):
            yield (
                scope,
                file.hit(node, "storage.path() fails on remote storages (S3 has no local path)"),
            )
            continue
        if (
            file.qualname(func) in ("os.path.join", "posixpath.join")
            and len(node.args) >= 2
            and file.path_kind(node.args[0], scope) == PathKind.MEDIA
            and any(_stored_name(arg) for arg in node.args[1:])
        ):
            yield (
                scope,
                file.hit(
                    node,
                    "MEDIA_ROOT joined with a stored file's name: the file is not on this disk",
                ),
            )


def _stored_name(node: ast.expr) -> bool:
    """``x.name``, unless x is an upload (``request.FILES[...]``): that is a write, BD102's."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "name"
        and not any(
            isinstance(inner, ast.Attribute) and inner.attr == "FILES" for inner in ast.walk(node)
        )
    )


@rule.project
def check_fields(project: Project) -> Iterator[Hit]:
    yield from field_hits(project, "field_paths")


# -- a stored file held by a plain name ------------------------------------------------------
#
# ``def serve(self, request, filer_file): fullpath = filer_file.path``: the receiver is a name,
# so no model field says what it is. The function says it: it also reads ``filer_file.file``
# or ``.storage``, what a FieldFile (or a model wrapping one) has and a path does not. ``.url``
# says nothing: a Wagtail page has a ``url`` and a tree ``path``.

_STORED_FILE_ATTRIBUTES = frozenset({"file", "storage"})
_NOT_FILES = frozenset({"self", "cls", "request", "settings", "os", "sys", "entry"})


def _file_like(function: ast.AST, name: str) -> bool:
    return any(
        isinstance(node, ast.Attribute)
        and node.attr in _STORED_FILE_ATTRIBUTES
        and isinstance(node.value, ast.Name)
        and node.value.id == name
        for node in ast.walk(function)
    )


@rule.python(
    triggers=(
        Pattern(
            ("path",),
            # The literal first, so the search jumps between its occurrences; what precedes
            # it is looked at behind.
            re.compile(
                r"\.path\b(?<=\w\.path)(?<!request\.path)(?<!self\.path)(?<!\bos\.path)"
                r"(?<!sys\.path)(?!\s*[.(])"
            ),
        ),
    ),
    also=(".file", ".storage"),
)
def check_named_files(file: PythonFile) -> Iterator[Hit]:
    if file.source.tooling:
        return
    for node, scope in file.of(ast.Attribute):
        assert isinstance(node, ast.Attribute)
        receiver = node.value
        if (
            node.attr != "path"
            or not isinstance(node.ctx, ast.Load)
            or not isinstance(receiver, ast.Name)
            or receiver.id in _NOT_FILES
            or receiver.id in file.imports
            or scope.guarded
            or scope.function is None
            or not _file_like(scope.function, receiver.id)
        ):
            continue
        yield file.hit(
            node,
            f"{receiver.id}.path: a stored file's local path, which remote storages do not have",
        )
