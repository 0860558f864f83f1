"""Shell scripts as logical lines (continuations joined, comments and heredoc bodies dropped),
and shell text as words that know whether they stand where a command name does."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Guard", "Line", "Word", "guards", "logical_lines", "words"]


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


@dataclass(frozen=True)
class Word:
    text: str
    """Unquoted, as the shell passes it."""
    start: int
    end: int
    """Offsets of the word in the text given to :func:`words`; for a word inside an
    ``sh -c '...'`` string too, as long as that string holds no escapes."""
    command: bool
    """It stands where a command name does: first in a command, after ``;``, ``&&``, a
    pipe, ``exec``, ``then``, variable assignments, ..."""
    exact: bool = True
    """``start``/``end`` point at the word's characters in the given text (False for a word
    inside an ``sh -c`` string whose offsets could not be mapped): only then may a fix edit."""


# Words after which the next word is still a command name.
_PREFIXES = frozenset(
    {
        "exec", "then", "do", "else", "elif", "if", "while", "until", "!", "{", "time",
        "nohup", "sudo", "command", "builtin", "env", "gosu", "su-exec", "tini",
        "dumb-init", "setpriv", "chpst", "xargs",
    }
)  # fmt: skip
# Commands that run the command given after ``--``.
_WRAPPERS = ("wait-for", "dockerize", "timeout")
_ASSIGNMENT = re.compile(r"[A-Za-z_]\w*=")
_SHELLS = frozenset({"sh", "bash", "/bin/sh", "/bin/bash", "/usr/bin/env", "ash", "dash", "zsh"})


def words(text: str, start: int = 0, end: int | None = None, command: bool = True) -> list[Word]:
    """The words of ``text[start:end]`` as the shell splits them, each knowing whether it is
    at command position. ``command``: whether the first word is (False for a Dockerfile
    line, where the instruction keyword comes first and is skipped by the caller)."""
    end = len(text) if end is None else end
    found: list[Word] = []
    at_command = command
    current = ""  # the command name of the command being read
    index = start
    while index < end:
        char = text[index]
        if char == "\\" and text.startswith("\n", index + 1):
            index += 2  # a continuation: the next line goes on this command
            continue
        if char == "\n" or (char in ";&|()" and not _redirect(text, index)):
            index += 2 if text.startswith(("&&", "||", ";;"), index) else 1
            at_command = True
            if char == "\n":
                index = _after_heredoc(text, index, end)
            continue
        if char in " \t\r":
            index += 1
            continue
        if char == "#":
            while index < end and text[index] != "\n":
                index += 1
            continue
        word_start = index
        pieces: list[str] = []
        quoted: list[tuple[int, int]] = []
        while index < end and (text[index] not in " \t\r\n;&|()" or _redirect(text, index)):
            char = text[index]
            if char == "\\" and index + 1 < end:
                pieces.append(text[index + 1])
                index += 2
            elif char in "'\"":
                close = index + 1
                while close < end and text[close] != char:
                    close += 2 if char == '"' and text[close] == "\\" else 1
                inner = text[index + 1 : min(close, end)]
                quoted.append((index + 1, min(close, end)))
                pieces.append(inner.replace('\\"', '"') if char == '"' else inner)
                index = close + 1
            else:
                pieces.append(char)
                index += 1
        word = Word("".join(pieces), word_start, min(index, end), at_command)
        found.append(word)
        if at_command and not (word.text in _PREFIXES or _ASSIGNMENT.match(word.text)):
            at_command = False
            current = word.text.rsplit("/", 1)[-1]
        elif word.text == "--" and current.startswith(_WRAPPERS):
            at_command = True  # wait-for-it host:port -- gunicorn ...: runs what follows
        if len(found) >= 2 and found[-2].text in ("-c", "-lc", "-ec") and _runs_shell(found):
            found.extend(_inner(text, word, quoted))
    return found


def _runs_shell(found: list[Word]) -> bool:
    """The word before ``-c`` is a shell at command position (``sh -c "..."``)."""
    for word in reversed(found[:-2]):
        if word.command:
            return word.text in _SHELLS or word.text.rsplit("/", 1)[-1] in _SHELLS
    return False


def _inner(text: str, word: Word, quoted: list[tuple[int, int]]) -> list[Word]:
    """The words of an ``sh -c`` string, offsets mapped when it is one plain quoted span."""
    if len(quoted) == 1 and quoted[0] == (word.start + 1, word.end - 1) and "\\" not in word.text:
        return words(text, quoted[0][0], quoted[0][1])
    return [Word(w.text, word.start, word.end, w.command, exact=False) for w in words(word.text)]


def _redirect(text: str, index: int) -> bool:
    """An ``&`` that belongs to a redirection (``2>&1``, ``>&2``), not a separator."""
    return text[index] == "&" and index > 0 and text[index - 1] in "<>"


def _after_heredoc(text: str, index: int, end: int) -> int:
    """Past the body of a heredoc opened on the line just ended, if any."""
    line_start = text.rfind("\n", 0, index - 1) + 1
    match = _HEREDOC.search(text, line_start, index)
    if match is None:
        return index
    delimiter = match.group(1)
    while index < end:
        line_end = text.find("\n", index)
        line_end = end if line_end == -1 else line_end
        if text[index:line_end].strip() == delimiter:
            return line_end
        index = line_end + 1
    return end


@dataclass(frozen=True)
class Guard:
    """A condition a line runs under: ``variable`` (``1`` for the first argument) equals
    ``value``; ``default`` is what ``${VAR:-default}`` gives when it is unset."""

    variable: str
    value: str
    default: str = ""


_VARIABLE = r"[\"']?\$\{?(\w+)(?::?-([^}\"']*))?\}?[\"']?"
_TEST = re.compile(r"\[\[?\s*" + _VARIABLE + r"\s*==?\s*[\"']?([\w.:/-]*)[\"']?\s*\]\]?")
_CASE = re.compile(r"^case\s+" + _VARIABLE + r"\s+in\b")
_ARM = re.compile(r"^\(?\s*[\"']?([\w.:/-]+)[\"']?\s*\)")


def guards(lines: list[Line]) -> list[tuple[Guard, ...]]:
    """For each logical line, the equality tests it runs under: the ``if``/``elif`` it is
    in (``if [ "$1" = gunicorn ]``) and the ``case`` arm (``case $ROLE in migrate)``).
    A condition of another form (``-n``, ``!=``, a command) is no guard: the line counts
    as always running, which is what a rule should assume when it cannot tell."""
    result: list[tuple[Guard, ...]] = []
    stack: list[Guard | None] = []  # one entry per open if/case block
    case_subject: list[tuple[str, str] | None] = []
    for line in lines:
        text = line.text
        own: list[Guard] = []
        keyword = text.split(None, 1)[0] if text.split() else ""
        if keyword in ("if", "elif"):
            test = _TEST.search(text.split("then", 1)[0])
            guard = Guard(test.group(1), test.group(3), test.group(2) or "") if test else None
            if keyword == "if":
                stack.append(guard)
            elif stack:
                stack[-1] = guard
            if " then " in f" {text} " and not text.rstrip().endswith("then"):
                # if ...; then command; fi on one line: the command is guarded too
                own = [guard] if guard else []
                if re.search(r"\bfi\s*$", text):
                    stack.pop()
        elif keyword == "else" and stack:
            stack[-1] = None
        elif keyword == "fi" and stack:
            stack.pop()
        elif keyword == "case":
            match = _CASE.match(text)
            case_subject.append((match.group(1), match.group(2) or "") if match else None)
            stack.append(None)
        elif keyword == "esac" and stack:
            stack.pop()
            if case_subject:
                case_subject.pop()
        elif case_subject and _ARM.match(text):
            subject = case_subject[-1]
            arm = _ARM.match(text)
            assert arm is not None
            stack[-1] = (
                Guard(subject[0], arm.group(1), subject[1])
                if subject and arm.group(1) != "*"
                else None
            )
        result.append(tuple(g for g in [*stack, *own] if g is not None))
    return result
