"""BD506: ``wait-for-it`` without ``--strict``.

**What breaks in containers.** Without ``--strict`` wait-for-it runs the command after the
timeout *even when the service never came*: the container starts anyway and fails later, far
from the cause. It also waits only for an open port, which PostgreSQL has before it accepts
queries.

**Fix.** Add ``--strict`` (``--fix`` does), or use ``berth wait``, which waits until the
database answers a query and the bucket answers, and exits non-zero naming what never came.
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.commands import WAIT_FOR_IT, strict_wait
from berth.doctor.document import Document
from berth.doctor.findings import Edit, Severity, Span
from berth.doctor.formats.dockerfile import Dockerfile
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


def _hits(document: Document, lines: list[tuple[int, str]]) -> Iterator[Hit]:
    """Check each physical line holding wait-for-it; fix by adding --strict after its name."""
    for number, text in lines:
        for match in WAIT_FOR_IT.finditer(text):
            if strict_wait(text[match.start() :]):
                continue
            offset = document.offset(number, match.end())
            yield Hit(
                Span(number, match.start() + 1, number, match.end() + 1),
                None,
                (Edit(offset, offset, " --strict"),),
            )


def _lines_with(document: Document) -> list[tuple[int, str]]:
    return [
        (number, line) for number, line in enumerate(document.lines, 1) if WAIT_FOR_IT.search(line)
    ]


@rule.shell
def check_script(document: Document) -> Iterator[Hit]:
    yield from _hits(document, _lines_with(document))


@rule.compose
def check_compose(document: Document) -> Iterator[Hit]:
    yield from _hits(document, _lines_with(document))


@rule.dockerfile
def check_dockerfile(document: Document) -> Iterator[Hit]:
    dockerfile: Dockerfile = document.parsed
    if any(i.keyword in ("CMD", "ENTRYPOINT", "RUN") for i in dockerfile.instructions):
        yield from _hits(document, _lines_with(document))
