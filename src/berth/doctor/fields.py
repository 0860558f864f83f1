"""Model file fields, the facts that let one file's ``photo.image.path`` be judged by another's model."""

from __future__ import annotations

import ast

from berth.doctor.python import PythonFile

__all__ = ["collect_file_fields", "field_attribute"]

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
