"""Model file fields, the facts that let one file's ``photo.image.path`` be judged by another's model."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from berth.doctor.findings import Span
from berth.doctor.project import Project
from berth.doctor.python import PythonFile
from berth.doctor.registry import Hit

__all__ = ["collect_file_fields", "defer_to_fields", "field_attribute", "field_hits"]

_SKIP = frozenset(
    {"request", "os", "self", "cls", "settings", "response", "parsed", "resolver_match"}
)


def collect_file_fields(file: PythonFile) -> None:
    """Record ``name = SomeFileField(...)``/``ImageField`` class attributes of this file."""
    if "file_fields" in file.facts:
        return
    names: set[str] = set()
    for node, scope in file.of(ast.Assign):
        assert isinstance(node, ast.Assign)
        if scope.class_name is None or not isinstance(node.value, ast.Call):
            continue
        callee = file.qualname(node.value.func).rsplit(".", 1)[-1]
        if callee.endswith(("FileField", "ImageField")):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    if names:
        file.facts["file_fields"] = sorted(names)


def field_attribute(node: ast.expr) -> str | None:
    """``image`` for ``photo.image`` / ``self.image``: the name a ``.path``/``.url`` is read from."""
    if isinstance(node, ast.Attribute) and node.attr not in _SKIP:
        return node.attr
    return None


def defer_to_fields(file: PythonFile, fact: str, name: str, node: ast.AST, message: str) -> None:
    """A finding that holds only if ``name`` is a file field: the model may be in another file,
    so it waits in ``fact`` for ``field_hits`` once every file is read."""
    span = file.span(node)
    file.facts.setdefault(fact, []).append(
        [name, message, span.line, span.column, span.end_line, span.end_column]
    )


def field_hits(project: Project, fact: str) -> Iterator[Hit]:
    """The findings deferred in ``fact`` whose attribute a model of the scan declares a file field."""
    seen: set[tuple[str, int, int]] = set()
    for path, deferred in project.each(fact):
        for name, message, *span in deferred:
            key = (path, span[0], span[1])
            if name in project.file_fields and key not in seen:
                seen.add(key)
                yield Hit(Span(*span), message, path=path)
