"""nginx configuration as a tree of directives, each with its arguments and line.

A tokenizer for nginx's grammar (words, quoted strings, ``#`` comments, ``;`` and blocks),
tolerant of templates: an unbalanced file yields what was read, not an exception.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["Directive", "parse", "walk"]


@dataclass
class Directive:
    name: str
    arguments: list[str]
    line: int
    column: int
    children: list[Directive] | None = None
    parent: Directive | None = field(default=None, repr=False)


def _tokens(text: str) -> Iterator[tuple[str, int, int]]:
    line, column, index, length = 1, 1, 0, len(text)
    while index < length:
        char = text[index]
        if char == "\n":
            line, column, index = line + 1, 1, index + 1
            continue
        if char.isspace():
            index, column = index + 1, column + 1
            continue
        if char == "#":
            while index < length and text[index] != "\n":
                index += 1
            continue
        if char in "{};":
            yield char, line, column
            index, column = index + 1, column + 1
            continue
        start_line, start_column = line, column
        if char in "\"'":
            quote, index, column = char, index + 1, column + 1
            word = []
            while index < length and text[index] != quote:
                if text[index] == "\\" and index + 1 < length:
                    index, column = index + 1, column + 1
                if text[index] == "\n":
                    line, column = line + 1, 0
                word.append(text[index])
                index, column = index + 1, column + 1
            index, column = index + 1, column + 1
            yield "".join(word), start_line, start_column
            continue
        word = []
        while index < length and not text[index].isspace() and text[index] not in "{};":
            word.append(text[index])
            index, column = index + 1, column + 1
        yield "".join(word), start_line, start_column


def parse(text: str) -> list[Directive]:
    root: list[Directive] = []
    stack: list[list[Directive]] = [root]
    parents: list[Directive | None] = [None]
    current: list[tuple[str, int, int]] = []
    for token, line, column in _tokens(text):
        if token == ";":
            if current:
                name, l0, c0 = current[0]
                stack[-1].append(
                    Directive(name, [t for t, _, _ in current[1:]], l0, c0, None, parents[-1])
                )
            current = []
        elif token == "{":
            if current:
                name, l0, c0 = current[0]
                block = Directive(name, [t for t, _, _ in current[1:]], l0, c0, [], parents[-1])
                stack[-1].append(block)
                assert block.children is not None
                stack.append(block.children)
                parents.append(block)
            current = []
        elif token == "}":
            if len(stack) > 1:
                stack.pop()
                parents.pop()
            current = []
        else:
            current.append((token, line, column))
    return root


def walk(directives: list[Directive]) -> Iterator[Directive]:
    for directive in directives:
        yield directive
        if directive.children:
            yield from walk(directive.children)
