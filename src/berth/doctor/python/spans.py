"""Positions in one Python file: ast's UTF-8 byte columns turned into character spans and offsets."""

from __future__ import annotations

import ast
from functools import cached_property

from berth.doctor.findings import Edit, Span
from berth.doctor.registry import Hit

__all__ = ["Spans"]


class Spans:
    """Mixed into :class:`~berth.doctor.python.PythonFile`: where a node is, as findings count."""

    text: str
    _line_starts: list[int] | None

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def _column(self, line: int, byte_offset: int) -> int:
        """ast counts columns in UTF-8 bytes; findings count characters."""
        text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
        if text.isascii():
            return byte_offset
        return len(text.encode()[:byte_offset].decode(errors="replace"))

    def span(self, node: ast.AST) -> Span:
        line = getattr(node, "lineno", 1)
        end_line = getattr(node, "end_lineno", None) or line
        column = self._column(line, getattr(node, "col_offset", 0))
        end_offset = getattr(node, "end_col_offset", None)
        end_column = self._column(end_line, end_offset) if end_offset is not None else column
        return Span(line, column + 1, end_line, end_column + 1)

    def offset(self, line: int, byte_column: int) -> int:
        """The character offset in ``text`` of an ast position."""
        if self._line_starts is None:
            starts, total = [0], 0
            for text_line in self.text.splitlines(keepends=True):
                total += len(text_line)
                starts.append(total)
            self._line_starts = starts
        return self._line_starts[line - 1] + self._column(line, byte_column)

    def node_range(self, node: ast.AST) -> tuple[int, int]:
        start = self.offset(node.lineno, node.col_offset)  # type: ignore[attr-defined]
        end = self.offset(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]
        return start, end

    def hit(self, node: ast.AST, message: str | None = None, edits: tuple[Edit, ...] = ()) -> Hit:
        return Hit(self.span(node), message, edits)
