"""A non-Python file as its checkers see it: its text, what its parser made of it, and facts."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
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

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    @cached_property
    def _line_starts(self) -> list[int]:
        starts = [0]
        for line in self.text.splitlines(keepends=True):
            starts.append(starts[-1] + len(line))
        return starts

    def offset(self, line: int, column: int = 0) -> int:
        """The character offset in ``text`` of ``column`` (from 0) on ``line`` (from 1)."""
        return self._line_starts[line - 1] + column

    def hit(
        self,
        line: int,
        column: int = 1,
        end_line: int | None = None,
        end_column: int | None = None,
        message: str | None = None,
    ) -> Hit:
        if end_column is None:
            lines = self.lines
            end_column = len(lines[line - 1]) + 1 if 0 < line <= len(lines) else column
        return Hit(Span(line, column, end_line or line, end_column), message)
