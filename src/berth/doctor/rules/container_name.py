"""BD501: ``container_name`` on a Compose service that runs the project (or has replicas).

**What breaks in containers.** A container name is unique on the host: ``docker compose up
--scale web=3`` (or ``deploy.replicas``) fails with "container name already in use", and a
rolling update cannot start the new container beside the old one.

**Fix.** Remove ``container_name``; other services reach this one by its service name
(``web``), which Docker's DNS resolves to every replica.
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.containers import is_app, is_job, replicas, services
from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.formats.compose import position
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD501",
    slug="container-name",
    severity=Severity.ERROR,
    summary="container_name stops the service from scaling beyond one container",
    hint="remove container_name; reach the service by its service name",
)


@rule.compose
def check(document: Document) -> Iterator[Hit]:
    for name, service in services(document):
        if "container_name" not in service:
            continue
        if (is_app(service, name) and not is_job(service, name, document)) or replicas(service) > 1:
            line, column = position(service, "container_name")
            yield document.hit(
                line,
                column,
                message=f"container_name on {name}: it cannot scale beyond one container",
            )
