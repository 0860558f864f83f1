"""BD404: a Dockerfile ``VOLUME`` over the media folder.

**What breaks in containers.** Docker makes an anonymous volume per container: each replica
gets its own empty media folder, a new container after a deploy gets a fresh one, and the old
files stay behind in volumes nobody mounts again. Uploads look saved and vanish.

**Fix.** Remove the ``VOLUME``; store media in object storage (``STORAGE_URL``), which every
replica shares and which outlives containers.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.formats.dockerfile import Dockerfile
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD404",
    loses_state=True,
    slug="media-volume",
    severity=Severity.ERROR,
    summary="VOLUME over media gives each container its own, empty media folder",
    hint="remove the VOLUME and store media in object storage (STORAGE_URL)",
)

_MEDIA = re.compile(r"media|upload", re.IGNORECASE)


@rule.dockerfile
def check(document: Document) -> Iterator[Hit]:
    dockerfile: Dockerfile = document.parsed
    for instruction in dockerfile.instructions:
        if instruction.keyword != "VOLUME":
            continue
        paths = instruction.exec_form
        if paths is None:
            paths = instruction.arguments.split()
        if any(_MEDIA.search(path) for path in paths):
            yield document.hit(instruction.line, instruction.column)
