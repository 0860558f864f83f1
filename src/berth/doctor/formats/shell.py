"""Shell scripts as logical lines: continuations joined, comments and heredoc bodies dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Line", "logical_lines"]


@dataclass(frozen=True)
class Line:
    text: str
    line: int
    """The first physical line, counting from 1."""


_HEREDOC = re.compile(r"<<-?\s*['\"]?(\w+)['\"]?")


def logical_lines(text: str) -> list[Line]:
    lines = text.splitlines()
    result: list[Line] = []
    number = 0
    while number < len(lines):
        start = number
        current = _strip_comment(lines[number])
        number += 1
        while current.endswith("\\") and number < len(lines):
            current = current[:-1] + " " + _strip_comment(lines[number]).strip()
            number += 1
        heredoc = _HEREDOC.search(current)
        if heredoc:
            delimiter = heredoc.group(1)
            while number < len(lines) and lines[number].strip() != delimiter:
                number += 1
            number += 1
        if current.strip():
            result.append(Line(current.strip(), start + 1))
    return result


def _strip_comment(line: str) -> str:
    # A "#" starts a comment at the start of a word, outside quotes.
    quote = None
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = None
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1].isspace()):
            return line[:index]
    return line
