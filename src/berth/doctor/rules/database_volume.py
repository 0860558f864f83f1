"""BD504: a PostgreSQL service whose data folder is on no named volume.

**What breaks in containers.** Without a volume the database lives in the container's writable
layer: ``docker compose down``, a recreated container after an image update, or
``docker compose up --force-recreate`` deletes every row. An anonymous volume is orphaned the
same way.

**Fix.** Mount a named volume at ``/var/lib/postgresql/data`` (``db-data:/var/lib/postgresql/data``
and ``volumes: {db-data: {}}``), or use a managed database and drop the service.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from berth.doctor.containers import services
from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.formats.compose import YList, YMap, position
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD504",
    loses_state=True,
    slug="database-volume",
    severity=Severity.ERROR,
    summary="PostgreSQL keeps its data in the container: deleted with it",
    hint="mount a named volume at /var/lib/postgresql/data",
)

_POSTGRES = re.compile(r"(^|/)(postgres|postgis|postgresql|timescaledb)[^/]*(:|$)")


def _data_folder(service: YMap) -> str:
    environment = service.get("environment")
    if isinstance(environment, YMap) and environment.get("PGDATA"):
        return str(environment["PGDATA"])
    return "/var/lib/postgresql/data"


def _persistent(entry: object, folder: str) -> bool:
    if isinstance(entry, YMap):
        source, target = str(entry.get("source", "")), str(entry.get("target", ""))
    elif isinstance(entry, str) and ":" in entry:
        source, target = entry.split(":")[:2]
    else:
        return False
    # A bind mount keeps the data too; only an anonymous volume (no source) does not.
    return bool(source) and (
        folder.startswith(target.rstrip("/") + "/") or folder.rstrip("/") == target.rstrip("/")
    )


@rule.compose
def check(document: Document) -> Iterator[Hit]:
    for name, service in services(document):
        image = str(service.get("image", ""))
        if not _POSTGRES.search(image):
            continue
        volumes = service.get("volumes")
        folder = _data_folder(service)
        if isinstance(volumes, YList) and any(_persistent(v, folder) for v in volumes):
            continue
        line, column = position(document.parsed["services"], name)
        yield document.hit(
            line, column, message=f"{name} ({image}) keeps its data inside the container"
        )
