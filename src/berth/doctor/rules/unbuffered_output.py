"""BD407: a Python image without ``PYTHONUNBUFFERED``.

**What breaks in containers.** With stdout not a terminal, Python buffers output in blocks: log
lines reach ``docker logs`` late, out of order with stderr, and the last ones are lost when the
container is killed, which is when they matter.

**Fix.** ``ENV PYTHONUNBUFFERED=1`` in the final stage (or ``python -u``). ``--fix`` adds the
line after the final ``FROM``.
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.document import Document
from berth.doctor.findings import Edit, Severity, Span
from berth.doctor.formats.dockerfile import Dockerfile
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD407",
    slug="unbuffered-output",
    severity=Severity.WARNING,
    summary="PYTHONUNBUFFERED is not set: log lines are held in a buffer and lost on a kill",
    hint="add ENV PYTHONUNBUFFERED=1 to the final stage",
    fixable=True,
)


@rule.dockerfile
def check(document: Document) -> Iterator[Hit]:
    dockerfile: Dockerfile = document.parsed
    final = dockerfile.final
    if final is None:
        return
    text = " ".join(i.arguments for s in final.lineage() for i in s.instructions) + " " + final.base
    if (
        "python" not in text.lower()
        and "gunicorn" not in text.lower()
        and "pip" not in text.lower()
    ):
        return
    value = final.env().get("PYTHONUNBUFFERED")
    if value is not None and value[0] not in ("", "0"):
        return
    if " -u " in text or "python -u" in text:
        return
    # The FROM line may be continued; insert after its last physical line.
    from_end = next(
        (
            i.end_line
            for i in dockerfile.instructions
            if i.keyword == "FROM" and i.line == final.line
        ),
        final.line,
    )
    offset = document.offset(from_end + 1)
    newline = "" if not document.text or document.text.endswith("\n", 0, offset) else "\n"
    eol = "\r\n" if document.text.endswith("\r\n", 0, offset) else "\n"
    # Only the "\n" is cut: in a CRLF file the span keeps the "\r".
    start, end = document.offset(final.line), document.offset(final.line + 1)
    line = document.text[start:end].rstrip("\n")
    yield Hit(
        Span(final.line, 1, final.line, len(line) + 1),
        None,
        (Edit(offset, offset, f"{newline}ENV PYTHONUNBUFFERED=1{eol}"),),
    )
