"""BD501: ``container_name`` on a Compose service that runs the project (or has replicas).

**What breaks in containers.** A container name is unique on the host: ``docker compose up
--scale web=3`` (or ``deploy.replicas``) fails with "container name already in use", and a
rolling update cannot start the new container beside the old one.

**Fix.** Remove ``container_name``; other services reach this one by its service name
(``web``), which Docker's DNS resolves to every replica.

Not reported on a scheduler (``celery beat``, a service or script named beat, scheduler or
cron) with one replica: it must run once, which a fixed name helps keep.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from berth.doctor.commands import BEAT
from berth.doctor.containers import command_text, is_app, is_job, once_per_line, replicas, services
from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.formats.compose import position
from berth.doctor.registry import Hit, Rule

# A service (or the script it runs) named for a scheduler: celery_beat, run_celery_beat.sh.
_SCHEDULER = re.compile(r"(^|[\s/_-])(beat|scheduler|cron)([\s._-]|$)", re.I)

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
    yield from once_per_line(_found(document))


def _found(document: Document) -> Iterator[tuple[str, Hit]]:
    for name, service in services(document):
        if "container_name" not in service:
            continue
        # A scheduler must run once: a container_name that keeps it single is on purpose.
        command = command_text(service.get("command"))
        if (BEAT.search(command) or _SCHEDULER.search(f"{name} {command}")) and replicas(
            service
        ) == 1:
            continue
        if (is_app(service, name) and not is_job(service, name, document)) or replicas(service) > 1:
            line, column = position(service, "container_name")
            yield (
                name,
                document.hit(
                    line,
                    column,
                    message=f"container_name on {name}: it cannot scale beyond one container",
                ),
            )
