"""BD505: ``depends_on`` without a health condition on a service that runs the project.

**What breaks in containers.** Plain ``depends_on`` waits only until the database *container*
has started, not until PostgreSQL accepts connections: the web service starts first, fails its
first queries (or its migration) and crash-loops, intermittently, depending on timing.

**Fix.** Give the dependency a real health check and wait for it:
``depends_on: {db: {condition: service_healthy}}``; for one-off jobs such as ``migrate``,
``condition: service_completed_successfully``. ``berth wait`` does the same from inside.

Not reported when the service already waits as it starts: its command, the script that
command runs, or the image's entrypoint polls the database (a ``pg_isready`` or ``psql``
loop, ``/dev/tcp``, a Python connect loop, ``wait-for-it``, ``manage.py wait_for_db``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from berth.doctor.containers import app_services
from berth.doctor.document import Document
from berth.doctor.findings import Severity, Span
from berth.doctor.formats.compose import YList, YMap, position
from berth.doctor.project import Project
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
def record(document: Document) -> Iterator[Hit]:
    """Each app service's dependencies without a health condition, for the project check,
    which knows what the service's image runs at start."""
    found = []
    for name, service in app_services(document):
        depends = service.get("depends_on")
        if isinstance(depends, YList):
            line, column = position(service, "depends_on")
            found.append([name, ", ".join(map(str, depends)), line, column])
        elif isinstance(depends, YMap):
            for target, condition in depends.items():
                value = condition.get("condition") if isinstance(condition, YMap) else None
                if value not in _READY:
                    line, column = position(depends, target)
                    found.append([name, str(target), line, column])
    if found:
        document.facts["unready_depends_on"] = found
    return iter(())


@rule.project
def check(project: Project) -> Iterator[Hit]:
    for path, found in project.each("unready_depends_on"):
        # Services that share a YAML anchor share its line: one finding there, naming all.
        by_place: dict[tuple[int, int], dict[str, list[str]]] = defaultdict(dict)
        for name, targets, line, column in found:
            if not project.production.waits(path, name):
                by_place[(line, column)].setdefault(name, []).append(targets)
        for (line, column), services in sorted(by_place.items()):
            names = list(services)
            targets = ", ".join(dict.fromkeys(t for ts in services.values() for t in ts))
            who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            verb = "depends" if len(names) == 1 else "depend"
            yield Hit(
                Span(line, column, line, column),
                f"{who} {verb} on {targets} without a health condition",
                path=path,
            )
