"""BD503: media bind-mounted from the host in a production Compose file.

**What breaks in containers.** The files live in one host's folder: replicas on another host
never see them, the folder is not backed up with the database, and moving to Kubernetes or a
second server loses them. It also hides that the project keeps media on local disk.

**Fix.** Store media in object storage (``STORAGE_URL``); Compose can run an S3-compatible
server on a named volume (berth init's ``storage`` service). Keep bind mounts in the
development override.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from berth.doctor.containers import app_services
from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.formats.compose import YList, YMap, position
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD503",
    loses_state=True,
    slug="media-bind-mount",
    severity=Severity.ERROR,
    summary="media bind-mounted from the host: one host's folder, unseen by other hosts",
    hint="store media in object storage (STORAGE_URL); keep bind mounts in the override file",
)

_MEDIA = re.compile(r"media|upload", re.IGNORECASE)


def _bind(entry: object) -> tuple[str, str] | None:
    if isinstance(entry, YMap):
        if entry.get("type") == "bind":
            return str(entry.get("source", "")), str(entry.get("target", ""))
        return None
    if isinstance(entry, str) and ":" in entry:
        source, target = entry.split(":")[:2]
        if source.startswith((".", "/", "~", "$")):
            return source, target
    return None


@rule.compose
def check(document: Document) -> Iterator[Hit]:
    for name, service in app_services(document):
        volumes = service.get("volumes")
        if not isinstance(volumes, YList):
            continue
        for index, entry in enumerate(volumes):
            bind = _bind(entry)
            if bind and _MEDIA.search(bind[1]):
                line, column = position(volumes, index)
                yield document.hit(
                    line, column, message=f"{name} bind-mounts {bind[0]} over {bind[1]}"
                )
