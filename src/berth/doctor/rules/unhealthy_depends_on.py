"""BD505: ``depends_on`` without a health condition on a service that runs the project.

**What breaks in containers.** Plain ``depends_on`` waits only until the database *container*
has started, not until PostgreSQL accepts connections: the web service starts first, fails its
first queries (or its migration) and crash-loops, intermittently, depending on timing.

**Fix.** Give the dependency a real health check and wait for it:
``depends_on: {db: {condition: service_healthy}}``; for one-off jobs such as ``migrate``,
``condition: service_completed_successfully``. ``berth wait`` does the same from inside.
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.containers import app_services
from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.formats.compose import YList, YMap, position
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD505",
    slug="unhealthy-depends-on",
    severity=Severity.WARNING,
    summary="depends_on waits for a container to start, not for its service to be ready",
    hint="depends_on: {db: {condition: service_healthy}} with a real healthcheck on db",
)

_READY = ("service_healthy", "service_completed_successfully")


@rule.compose
def check(document: Document) -> Iterator[Hit]:
    for name, service in app_services(document):
        depends = service.get("depends_on")
        if isinstance(depends, YList):
            line, column = position(service, "depends_on")
            yield document.hit(
                line,
                column,
                message=f"{name} depends on {', '.join(map(str, depends))} without a health condition",
            )
        elif isinstance(depends, YMap):
            for target, condition in depends.items():
                value = condition.get("condition") if isinstance(condition, YMap) else None
                if value not in _READY:
                    line, column = position(depends, target)
                    yield document.hit(
                        line,
                        column,
                        message=f"{name} depends on {target} without a health condition",
                    )
