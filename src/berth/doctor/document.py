"""A non-Python file as its checkers see it: its text, what its parser made of it, and facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from berth.doctor.files import SourceFile
from berth.doctor.findings import Span
from berth.doctor.registry import Hit

__all__ = ["Document"]


@dataclass
class Document:
    source: SourceFile
    text: str
    parsed: Any
    facts: dict[str, Any] = field(default_factory=dict)

    def hit(
        self,
        line: int,
        column: int = 1,
        end_line: int | None = None,
        end_column: int | None = None,
        message: str | None = None,
    ) -> Hit:
        if end_column is None:
            lines = self.text.splitlines()
            end_column = len(lines[line - 1]) + 1 if 0 < line <= len(lines) else column
        return Hit(Span(line, column, end_line or line, end_column), message)
