"""BD506: ``wait-for-it`` without ``--strict``.

**What breaks in containers.** Without ``--strict`` wait-for-it runs the command after the
timeout *even when the service never came*: the container starts anyway and fails later, far
from the cause. It also waits only for an open port, which PostgreSQL has before it accepts
queries.

**Fix.** Add ``--strict`` (``--fix`` does), or use ``berth wait``, which waits until the
database answers a query and the bucket answers, and exits non-zero naming what never came.

Not reported for ``wait-for-it`` as a word that runs nothing (a package in ``apt-get install``,
a file in ``COPY``), nor when it is given no command and its failure stops the start anyway
(``set -e`` in the script, or ``&& exec gunicorn ...`` after it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from berth.doctor.containers import compose_commands
from berth.doctor.document import Document
from berth.doctor.findings import Edit, Severity, Span
from berth.doctor.formats.dockerfile import Dockerfile
from berth.doctor.formats.shell import Word, words
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD506",
    slug="wait-for-it-not-strict",
    severity=Severity.WARNING,
    summary="wait-for-it without --strict starts the command even if the service never came",
    hint="add --strict, or use `berth wait` (waits for a real query, fails naming the service)",
    fixable=True,
)

_NAME = re.compile(r"wait-for-it(\.sh)?")
_STRICT = re.compile(r"--strict|-[a-z]*s[a-z]*")
_CHAINED = re.compile(r"(?:[ \t]|\\\n)*&&")
_ERREXIT = re.compile(r"^\s*set\s+(-\w*e\w*|-o\s+errexit)\b", re.M)


def _loose(found: list[Word], text: str = "", errexit: bool = False) -> Iterator[Word]:
    """wait-for-it words that run it (at command position, so not a package named in
    ``apt-get install``) without --strict before its ``--``.

    Without ``--`` it runs nothing and exits non-zero on a timeout, which stops what
    follows when the script has ``set -e`` or the next command is chained with ``&&``."""
    for index, word in enumerate(found):
        if not (word.command and _NAME.fullmatch(word.text.rsplit("/", 1)[-1])):
            continue
        strict = runs = False
        last = word
        for following in found[index + 1 :]:
            if following.command:
                break
            if following.text == "--":
                runs = True
                break
            last = following
            strict = strict or bool(_STRICT.fullmatch(following.text))
        if not runs and (errexit or (last.exact and _CHAINED.match(text, last.end))):
            strict = True
        if not strict:
            yield word


def _hits(
    document: Document, found: list[Word], line: int, column: int, errexit: bool = False
) -> Iterator[Hit]:
    """A hit per loose wait-for-it; with a fix only where the word's place in the file is
    known exactly, so the edit lands right after the command name."""
    text = document.text
    for word in _loose(found, text, errexit):
        if not word.exact:
            yield document.hit(line, column)
            continue
        number = text.count("\n", 0, word.start) + 1
        first = word.start - (text.rfind("\n", 0, word.start) + 1) + 1
        yield Hit(
            Span(number, first, number, first + word.end - word.start),
            None,
            (Edit(word.end, word.end, " --strict"),),
        )


def _unplaced(argv: list[str]) -> list[Word]:
    """An exec-form command (JSON or YAML list): its words, with no place in the file."""
    found = [Word(w, 0, 0, i == 0, exact=False) for i, w in enumerate(argv)]
    if len(argv) >= 3 and argv[1] in ("-c", "-lc", "-ec"):
        found += [Word(w.text, 0, 0, w.command, exact=False) for w in words(argv[2])]
    return found


@rule.shell
def check_script(document: Document) -> Iterator[Hit]:
    if "wait-for-it" in document.text:
        errexit = bool(_ERREXIT.search(document.text))
        yield from _hits(document, words(document.text), 1, 1, errexit)


@rule.compose
def check_compose(document: Document) -> Iterator[Hit]:
    if "wait-for-it" not in document.text:
        return
    for _, service, _, line, column in compose_commands(document):
        for key in ("command", "entrypoint"):
            value = service.get(key)
            if isinstance(value, list):
                yield from _hits(document, _unplaced([str(v) for v in value]), line, column)
            elif isinstance(value, str) and "wait-for-it" in value:
                # Placed when the value stands in the file as written (a plain scalar on
                # the key's line); a folded or escaped one is reported, not fixed.
                start = document.text.find(value, document.offset(line))
                line_end = document.text.find("\n", document.offset(line))
                if start != -1 and (line_end == -1 or start + len(value) <= line_end):
                    found = words(document.text, start, start + len(value))
                else:
                    found = [Word(w.text, 0, 0, w.command, exact=False) for w in words(value)]
                yield from _hits(document, found, line, column)


@rule.dockerfile
def check_dockerfile(document: Document) -> Iterator[Hit]:
    if "wait-for-it" not in document.text:
        return
    dockerfile: Dockerfile = document.parsed
    for instruction in dockerfile.instructions:
        if instruction.keyword not in ("CMD", "ENTRYPOINT", "RUN"):
            continue
        argv = instruction.exec_form
        if argv is not None:
            yield from _hits(document, _unplaced(argv), instruction.line, instruction.column)
            continue
        start = document.offset(instruction.line, instruction.column - 1) + len(instruction.keyword)
        end = (
            document.offset(instruction.end_line + 1)
            if instruction.end_line < len(document.lines)
            else len(document.text)
        )
        # docker drops comment lines inside a continuation; blanked (offsets kept), they
        # neither end the command nor start one.
        region = re.sub(
            r"(?m)^[ \t]*#[^\n]*\n", lambda m: " " * len(m.group()), document.text[start:end]
        )
        text = document.text[:start] + region + document.text[end:]
        yield from _hits(document, words(text, start, end), instruction.line, 1)
