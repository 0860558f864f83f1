"""Which lines of a file the scope index walks: those where the triggered rules' words occur."""

from __future__ import annotations

import ast
from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from berth.doctor.registry import Registration, Trigger

__all__ = ["Focus"]


class Focus:
    """Mixed into :class:`~berth.doctor.python.PythonFile`: the lines worth walking."""

    text: str
    _focus: list[int] | None

    def focus(self, registrations: Iterable[tuple[Any, Registration]]) -> None:
        """Walk only statements on lines where these checkers' triggers (or focus words) occur.

        Most of a file is irrelevant to the few rules it triggers: a statement whose lines
        hold no trigger is skipped whole, except that an assignment is still recorded (a path
        is often built a few lines before it is opened).
        """
        words: list[Trigger] = []
        for _, registration in registrations:
            words.extend(registration.triggers)
            if registration.focus is not None:
                words.extend(registration.focus(self))
        text = self.text
        # Character offsets where a word occurs (or a pattern's match spans), turned into line
        # numbers by counting newlines between consecutive offsets: C loops only, where a
        # table of every line's start cost a Python step per line of the file.
        starts: list[int] = []
        spans: list[tuple[int, int]] = []
        for word in dict.fromkeys(words):
            if isinstance(word, str):
                index = text.find(word)
                while index != -1:
                    starts.append(index)
                    index = text.find(word, index + 1)
            elif any(literal in text for literal in word.literals):
                for match in word.regex.finditer(text):
                    spans.append((match.start(), max(match.end() - 1, match.start())))
        lines: set[int] = set()
        offsets = sorted({*starts, *(end for _, end in spans), *(start for start, _ in spans)})
        line, previous, line_of = 1, 0, {}
        for offset in offsets:
            line += text.count("\n", previous, offset)
            previous = offset
            line_of[offset] = line
        lines.update(line_of[offset] for offset in starts)
        for start, end in spans:
            lines.update(range(line_of[start], line_of[end] + 1))
        self._focus = sorted(lines)

    def _focused(self, node: ast.AST) -> bool:
        focus = self._focus
        if focus is None:
            return True
        first = node.lineno  # type: ignore[attr-defined]
        decorators = getattr(node, "decorator_list", None)
        if decorators:
            first = min(first, *(d.lineno for d in decorators))
        index = bisect_left(focus, first)
        return index < len(focus) and focus[index] <= (node.end_lineno or first)  # type: ignore[attr-defined]
