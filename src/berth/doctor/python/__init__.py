"""One Python file as rules see it: its tree, where each node runs, and what a path expression is.

Nothing is imported or executed. Each concept has its module, mixed into :class:`PythonFile`:

- :mod:`.spans`: positions (ast's byte columns as character spans and offsets);
- :mod:`.imports`: what each local name was imported as, the file's module name;
- :mod:`.focus`: which lines the walk visits, from the triggered rules' words;
- :mod:`.scopes`: *when does this code run?* :class:`Scope` answers it for every indexed node;
- :mod:`.paths`: *where does this path point?* :class:`PathKind`.
"""

from __future__ import annotations

import ast
from typing import Any

from berth.doctor.files import SourceFile
from berth.doctor.python.paths import PathInference, PathKind
from berth.doctor.python.scopes import Role, Scope, debug_test
from berth.doctor.python.spans import Spans

__all__ = ["PathKind", "PythonFile", "Role", "Scope", "debug_test"]


class PythonFile(PathInference, Spans):
    def __init__(self, source: SourceFile, text: str, tree: ast.Module) -> None:
        self.source = source
        self.text = text
        self.tree = tree
        self._line_starts: list[int] | None = None
        self._class_bases: dict[str, list[str]] = {}
        self._focus: list[int] | None = None
        self.facts: dict[str, Any] = {}
        """What this file tells project checkers (model fields, settings); JSON-able."""
