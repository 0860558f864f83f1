"""BD502: a fixed host port published by the web service in a production Compose file.

**What breaks in containers.** Only one container can bind host port 8000: a second replica
fails to start ("port is already allocated"), so the service cannot scale, and a rolling update
must stop the old container before the new one listens.

**Fix.** Publish no port on ``web``: put a proxy in front (nginx, Traefik) that reaches the
replicas by service name, and publish only the proxy's port. Publish a port in
``compose.override.yaml`` for development if needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from berth.doctor.commands import SERVER
from berth.doctor.containers import app_services, command_text, is_job, once_per_line
from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.formats.compose import YList, YMap, position
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD502",
    slug="fixed-host-port",
    severity=Severity.ERROR,
    summary="a fixed host port on the web service: a second replica cannot start",
    hint="publish no port on web; put a proxy in front and publish only its port",
)

_WORKER = re.compile(r"\b(celery|rq|huey|dramatiq|qcluster|rqworker)\b")


def _fixed(entry: object) -> bool:
    if isinstance(entry, YMap):
        return entry.get("published") not in (None, "", 0)
    if isinstance(entry, str):
        parts = entry.split(":")
        return len(parts) >= 2 and parts[-2] != ""
    return False


@rule.compose
def check(document: Document) -> Iterator[Hit]:
    yield from once_per_line(_found(document))


def _found(document: Document) -> Iterator[tuple[str, Hit]]:
    for name, service in app_services(document):
        command = command_text(service.get("command"))
        if (
            is_job(service, name, document)
            or _WORKER.search(command)
            or (command and not SERVER.search(command))
        ):
            continue
        ports = service.get("ports")
        if not isinstance(ports, YList):
            continue
        # One finding per service, at its first fixed port: the fix (no port on web) is one.
        fixed = [i for i, entry in enumerate(ports) if _fixed(entry)]
        if fixed:
            line, column = position(ports, fixed[0])
            yield (
                name,
                document.hit(
                    line,
                    column,
                    message=f"{name} publishes a fixed host port"
                    + (f" ({len(fixed)} of them)" if len(fixed) > 1 else "")
                    + ": a second replica cannot start",
                ),
            )
