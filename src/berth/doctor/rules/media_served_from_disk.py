"""BD602: uWSGI serves the media URL from a folder of the container (``static-map``).

**What breaks in containers.** Each replica answers ``/media/`` from its own disk: a file
uploaded through one replica is a 404 on the others, and every upload is gone when the
container is replaced. The same as Django serving media itself, one layer down.

**Fix.** Store media in object storage (``STORAGE_URL``) and let its URLs point there; keep
``static-map`` for static files, which are part of the image.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.formats.uwsgi import Option
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD602",
    loses_state=True,
    slug="media-served-from-disk",
    severity=Severity.ERROR,
    summary="uWSGI serves media from the container's disk: each replica has its own uploads",
    hint="store media in object storage (STORAGE_URL); static-map only static files",
)

_MAP = re.compile(r"static-map2?")
_MEDIA = re.compile(r"media|upload", re.IGNORECASE)


@rule.uwsgi
def check(document: Document) -> Iterator[Hit]:
    option: Option
    for option in document.parsed:
        if _MAP.fullmatch(option.key):
            mountpoint = option.value.split("=", 1)[0]
            if _MEDIA.search(mountpoint):
                yield document.hit(option.line, option.column)
