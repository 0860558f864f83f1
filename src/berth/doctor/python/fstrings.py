"""Reading on Python 3.11 a file whose f-strings need 3.12 (PEP 701: quotes reused inside a
replacement field, backslashes, comments and line breaks in it).

Python 3.11's tokenizer ends ``f"{row["name"]}"`` at the second quote, so the whole file fails
to parse and no rule would see it. :func:`tolerant_parse` blanks the f-strings on the lines
Python complains about (each becomes a plain string of the same length, on the same lines, so
every other node keeps its position) until the file parses: the rules then check all of it but
those f-strings' insides.
"""

from __future__ import annotations

import ast
import sys

__all__ = ["NEEDS", "fstring_spans", "tolerant_parse"]

NEEDS = (3, 12)
"""The Python that reads PEP 701's f-strings."""

_PREFIX_LETTERS = frozenset("rRbBuUfF")
# Retries with one more error's f-strings blanked, before giving up on the file.
_ATTEMPTS = 32
# Lines a one-quote f-string may span (its replacement fields broken over lines).
_MAX_LINES = 12


def tolerant_parse(content: bytes, filename: str) -> ast.Module | None:
    """The tree of ``content`` with its PEP 701 f-strings blanked, or None when that is not
    what keeps it from parsing (or this Python reads them itself)."""
    if sys.version_info >= NEEDS:
        return None
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return None
    spans = fstring_spans(text)
    if not spans or not all(_plausible(text, start, end) for start, end in spans):
        return None  # an f-string left open: a real error, which blanking would hide
    blanked: set[int] = set()
    for _ in range(_ATTEMPTS):
        try:
            return ast.parse(_blank(text, [spans[i] for i in sorted(blanked)]), filename=filename)
        except (SyntaxError, ValueError) as error:
            line = getattr(error, "lineno", None) or 0
        offsets = _line_offsets(text)
        where = offsets[line - 1] if 0 < line <= len(offsets) else -1
        end = offsets[line] if 0 < line < len(offsets) else len(text)
        here = {
            i for i, (start, stop) in enumerate(spans) if start < end and stop > where
        } - blanked
        if not here:
            return None  # an error outside any f-string: the file is not valid, or not for this
        blanked |= here
    return None


def fstring_spans(text: str) -> list[tuple[int, int]]:
    """Start and end offsets of every f-string in ``text``, read as Python 3.12 reads them."""
    spans: list[tuple[int, int]] = []
    index, length = 0, len(text)
    while index < length:
        char = text[index]
        if char == "#":
            newline = text.find("\n", index)
            index = length if newline == -1 else newline
        elif char in "\"'":
            start = index
            while start > 0 and text[start - 1] in _PREFIX_LETTERS:
                start -= 1
            prefix = text[start:index]
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                prefix = ""  # the end of a name, not a string prefix
            end = _string_end(text, index, "f" in prefix.lower())
            if "f" in prefix.lower():
                spans.append((start, end))
            index = end
            continue
        index += 1
    return spans


def _plausible(text: str, start: int, end: int) -> bool:
    """Whether the f-string at ``start:end`` is closed, and a one-quote one spans a few lines
    at most (only its replacement fields may break lines)."""
    token = text[start:end]
    if len(token) < 3 or token[-1] not in "\"'":
        return False
    quote = token[-1]
    opening = token.lstrip("rRbBuUfF")
    if opening.startswith(quote * 3):
        return len(opening) >= 6 and opening.endswith(quote * 3)
    return token.count("\n") <= _MAX_LINES


def _string_end(text: str, quote_at: int, formatted: bool) -> int:
    """The offset just past the string whose opening quote is at ``quote_at``."""
    quote = text[quote_at]
    delimiter = quote * 3 if text.startswith(quote * 3, quote_at) else quote
    index, length = quote_at + len(delimiter), len(text)
    while index < length:
        if text.startswith(delimiter, index):
            return index + len(delimiter)
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "\n" and len(delimiter) == 1:
            return index  # unterminated: Python will say so
        if formatted and char == "{":
            if text.startswith("{{", index):
                index += 2
                continue
            index = _field_end(text, index + 1)
            continue
        index += 1
    return length


def _field_end(text: str, index: int) -> int:
    """The offset just past the ``}`` closing a replacement field that starts at ``index``."""
    depth, length = 0, len(text)
    while index < length:
        char = text[index]
        if char in "\"'":
            start = index
            while start > 0 and text[start - 1] in _PREFIX_LETTERS:
                start -= 1
            prefix = text[start:index].lower()
            index = _string_end(text, index, "f" in prefix)
            continue
        if char == "#":
            newline = text.find("\n", index)
            index = length if newline == -1 else newline
            continue
        if char in "([{":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "}":
            if depth == 0:
                return index + 1
            depth -= 1
        elif char == ":" and depth == 0:
            # A format spec: literal text and nested fields up to the closing brace.
            index += 1
            while index < length and text[index] != "}":
                index = _field_end(text, index + 1) if text[index] == "{" else index + 1
            return index + 1
        index += 1
    return length


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span made a plain string literal of the same length and lines."""
    parts: list[str] = []
    previous = 0
    for start, end in spans:
        token = text[start:end]
        inside = "".join("\n" if c == "\n" else " " for c in token)
        if "\n" not in token:
            blank = '"' + inside[1:-1] + '"' if len(token) >= 2 else token
        elif "\n" in token[-3:]:
            # A line break right before the closing `}"`: one column longer, same lines.
            blank = '"""' + inside[3:-2] + '"""'
        else:
            blank = '"""' + inside[3:-3] + '"""'
        parts.append(text[previous:start])
        parts.append(blank)
        previous = end
    parts.append(text[previous:])
    return "".join(parts)


def _line_offsets(text: str) -> list[int]:
    offsets, total = [0], 0
    for line in text.splitlines(keepends=True):
        total += len(line)
        offsets.append(total)
    return offsets
