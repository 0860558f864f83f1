"""Names in one Python file: what each local name was imported as, and the file's own module."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cached_property

from berth.doctor.files import SourceFile

__all__ = ["Names"]


class Names:
    """Mixed into :class:`~berth.doctor.python.PythonFile`: dotted names behind local ones."""

    source: SourceFile
    tree: ast.Module

    @cached_property
    def imports(self) -> dict[str, str]:
        """Local name -> dotted name it was imported as (``FSS`` -> ``django...FileSystemStorage``)."""
        self._imports: dict[str, str] = {}
        for node in self.nodes(ast.Import, ast.ImportFrom):
            self._add_import(node)  # type: ignore[arg-type]
        return self._imports

    def _add_import(self, node: ast.Import | ast.ImportFrom) -> None:
        names = self._imports
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    names.setdefault(alias.asname, alias.name)
                else:
                    top = alias.name.split(".")[0]
                    names.setdefault(top, top)
            return
        names_from = self.module_name_from(node.module or "", node.level)
        for alias in node.names:
            names.setdefault(alias.asname or alias.name, f"{names_from}.{alias.name}")

    @cached_property
    def module(self) -> str:
        """The dotted name the path suggests (``app/views.py`` -> ``app.views``)."""
        parts = list(self.source.parts)
        parts[-1] = parts[-1].removesuffix(".py")
        if parts[-1] == "__init__":
            parts.pop()
        return ".".join(parts)

    def module_name_from(self, module: str, level: int) -> str:
        """The absolute name of ``from <level dots><module> import ...`` in this file."""
        if not level:
            return module
        package = list(self.source.parts[:-1])
        if level > 1:
            package = package[: len(package) - (level - 1)]
        return ".".join(p for p in (*package, module) if p)

    def nodes(self, *types: type[ast.AST]) -> Iterator[ast.AST]:
        """Top-level statements of those types, and those nested in if/try blocks."""
        stack: list[ast.stmt] = list(reversed(self.tree.body))
        while stack:
            node = stack.pop()
            if isinstance(node, types):
                yield node
            if isinstance(node, ast.If | ast.Try | ast.With):
                for block in ("body", "orelse", "finalbody", "handlers"):
                    stack.extend(reversed(getattr(node, block, [])))
            elif isinstance(node, ast.ExceptHandler):
                stack.extend(reversed(node.body))

    def qualname(self, node: ast.AST | None) -> str:
        """``os.path.join`` for ``osp.join`` when ``import os.path as osp``; '' if not a name."""
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return ""
        parts.append(self.imports.get(node.id, node.id))
        return ".".join(reversed(parts))

    def is_setting(self, node: ast.AST, *names: str) -> bool:
        """``settings.NAME``, ``getattr(settings, "NAME", ...)`` or a bare ``NAME``."""
        if isinstance(node, ast.Name):
            return node.id in names
        if isinstance(node, ast.Attribute) and node.attr in names:
            return self.qualname(node.value).endswith("settings")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "getattr"
            and len(node.args) >= 2
            and isinstance(node.args[1], ast.Constant)
        ):
            return node.args[1].value in names and self.qualname(node.args[0]).endswith("settings")
        return False
