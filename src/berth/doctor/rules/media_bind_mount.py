"""BD503: media bind-mounted from the host in a production Compose file, or kept on a local
named volume of a service with several replicas.

**What breaks in containers.** The files live in one host's folder: replicas on another host
never see them, the folder is not backed up with the database, and moving to Kubernetes or a
second server loses them. It also hides that the project keeps media on local disk. A local
named volume is the same once ``deploy.replicas`` spreads a service over a Swarm's hosts:
each host gets its own, empty volume.

**Fix.** Store media in object storage (``STORAGE_URL``); Compose can run an S3-compatible
server on a named volume (berth init's ``storage`` service). Keep bind mounts in the
development override.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from berth.doctor.containers import app_services, once_per_line, replicas
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


def _named(document: Document, entry: object) -> tuple[str, str] | None:
    """A named volume on the local driver (the default): (name, target)."""
    if isinstance(entry, YMap):
        if entry.get("type", "volume") != "volume" or not entry.get("source"):
            return None
        source, target = str(entry["source"]), str(entry.get("target", ""))
    elif isinstance(entry, str) and entry.count(":") >= 1:
        source, target = entry.split(":")[:2]
        if not source or source.startswith((".", "/", "~", "$")):
            return None
    else:
        return None
    declared = document.parsed.get("volumes") if isinstance(document.parsed, YMap) else None
    spec = declared.get(source) if isinstance(declared, YMap) else None
    if isinstance(spec, YMap) and (
        spec.get("driver", "local") != "local" or spec.get("driver_opts") or spec.get("external")
    ):
        return None  # NFS, a plugin or a volume made elsewhere: possibly shared
    return source, target


@rule.compose
def check(document: Document) -> Iterator[Hit]:
    yield from once_per_line(_found(document))


def _found(document: Document) -> Iterator[tuple[str, Hit]]:
    for name, service in app_services(document):
        volumes = service.get("volumes")
        if not isinstance(volumes, YList):
            continue
        for index, entry in enumerate(volumes):
            bind = _bind(entry)
            named = _named(document, entry) if bind is None and replicas(service) > 1 else None
            if named and _MEDIA.search(named[1]):
                line, column = position(volumes, index)
                yield (
                    name,
                    document.hit(
                        line,
                        column,
                        message=f"{name} ({replicas(service)} replicas) keeps {named[1]} on "
                        f"the local volume {named[0]}: each host has its own",
                    ),
                )
            if bind and _MEDIA.search(bind[1]):
                line, column = position(volumes, index)
                yield (
                    name,
                    document.hit(
                        line, column, message=f"{name} bind-mounts {bind[0]} over {bind[1]}"
                    ),
                )
