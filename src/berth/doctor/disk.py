"""Calls that touch the local disk, and the path each one touches: shared by the file rules."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from berth.doctor.python import PythonFile, Scope

__all__ = ["DiskCall", "disk_call", "in_storage_backend", "storage_receiver"]

WRITE, MKDIR, READ, LIST = "write", "mkdir", "read", "list"

_FUNCTIONS = {
    "os.makedirs": (MKDIR, 0),
    "os.mkdir": (MKDIR, 0),
    "shutil.copy": (WRITE, 1),
    "shutil.copy2": (WRITE, 1),
    "shutil.copyfile": (WRITE, 1),
    "shutil.copytree": (WRITE, 1),
    "shutil.move": (WRITE, 1),
    "os.rename": (WRITE, 1),
    "os.symlink": (WRITE, 1),
    "os.link": (WRITE, 1),
    "os.replace": (WRITE, 1),
    "os.listdir": (LIST, 0),
    "os.scandir": (LIST, 0),
    "os.walk": (LIST, 0),
    "glob.glob": (LIST, 0),
    "glob.iglob": (LIST, 0),
    "os.path.exists": (READ, 0),
    "os.path.isfile": (READ, 0),
    "os.path.getsize": (READ, 0),
    "os.path.getmtime": (READ, 0),
}
_METHODS = {
    "write_text": WRITE,
    "write_bytes": WRITE,
    "touch": WRITE,
    "mkdir": MKDIR,
    "read_text": READ,
    "read_bytes": READ,
    "iterdir": LIST,
    "glob": LIST,
    "rglob": LIST,
    "to_csv": WRITE,
    "to_excel": WRITE,
    "to_json": WRITE,
    "to_parquet": WRITE,
    "to_pickle": WRITE,
}
_IMAGE_NAME = re.compile(r"\.(jpe?g|png|gif|webp|bmp|tiff?)$", re.IGNORECASE)


@dataclass(frozen=True)
class DiskCall:
    node: ast.Call
    operation: str
    """write, mkdir, read or list."""
    target: ast.expr | None
    """The path written, read or listed; None for the current folder."""
    api: str
    """As the message names it: ``open()``, ``Path.write_text()``, ``Image.save()``."""
    image_save: bool = False


def disk_call(file: PythonFile, call: ast.Call) -> DiskCall | None:
    func = call.func
    name = file.qualname(func)
    if name in ("open", "io.open", "codecs.open"):
        mode = _argument(call, 1, "mode")
        if isinstance(mode, ast.Constant) and isinstance(mode.value, str):
            writes = any(c in mode.value for c in "wax+")
        else:
            writes = False  # no mode reads; a computed one cannot be told, so take it as a read
        return DiskCall(call, WRITE if writes else READ, _argument(call, 0, "file"), "open()")
    if name == "os.open":
        flags = ast.unparse(call.args[1]) if len(call.args) > 1 else ""
        writes = any(f in flags for f in ("O_WRONLY", "O_RDWR", "O_CREAT", "O_APPEND"))
        return DiskCall(call, WRITE if writes else READ, _argument(call, 0, "path"), "os.open()")
    if name in _FUNCTIONS:
        operation, position = _FUNCTIONS[name]
        return DiskCall(call, operation, _argument(call, position, None), f"{name}()")
    if not isinstance(func, ast.Attribute):
        return None
    method = func.attr
    if method in _METHODS:
        return DiskCall(call, _METHODS[method], func.value, f".{method}()")
    if method == "open" and call.args:
        mode = call.args[0]
        writes = isinstance(mode, ast.Constant) and isinstance(mode.value, str)
        if writes and any(c in mode.value for c in "wax+"):  # type: ignore[attr-defined]
            return DiskCall(call, WRITE, func.value, "Path.open()")
        return None
    if method in ("extractall", "extract"):
        target = _argument(call, 0 if method == "extractall" else 1, "path")
        return DiskCall(call, WRITE, target, f".{method}()")
    if method == "save" and call.args and len(call.args) <= 2 and not call.keywords[2:]:
        # PIL's Image.save(fp, format=None): a path, not a storage name with its content.
        if len(call.args) == 2 and not (
            isinstance(call.args[1], ast.Constant) and isinstance(call.args[1].value, str)
        ):
            return None
        if any(k.arg in ("content", "save") for k in call.keywords):
            return None
        target = call.args[0]
        image = isinstance(target, ast.Constant) and bool(
            isinstance(target.value, str) and _IMAGE_NAME.search(target.value)
        )
        return (
            DiskCall(call, WRITE, target, "Image.save()", image_save=True)
            if (image or not isinstance(target, ast.Constant))
            else None
        )
    return None


def in_storage_backend(file: PythonFile, scope: Scope) -> bool:
    """Whether ``scope`` is inside a storage class (a subclass of ``Storage`` or one of its
    backends): its own files on disk are what a storage is for."""
    return any(base.rsplit(".", 1)[-1].endswith("Storage") for base in file.enclosing_bases(scope))


def storage_receiver(file: PythonFile, node: ast.expr) -> bool:
    """Whether ``node`` is the media storage: default_storage, storages["default"], x.f.storage."""
    name = file.qualname(node)
    if name.endswith("default_storage"):
        return True
    if isinstance(node, ast.Attribute) and node.attr == "storage":
        return isinstance(node.value, ast.Attribute)
    if isinstance(node, ast.Subscript) and file.qualname(node.value).endswith("storages"):
        key = node.slice
        return isinstance(key, ast.Constant) and key.value == "default"
    return False


def _argument(call: ast.Call, position: int, keyword: str | None) -> ast.expr | None:
    if len(call.args) > position and not isinstance(call.args[position], ast.Starred):
        return call.args[position]
    for item in call.keywords:
        if keyword is not None and item.arg == keyword:
            return item.value
    return None
