"""BD208: ``DEBUG = True`` written literally in settings that are not development-only.

**What breaks in containers.** The image runs in debug mode wherever it is deployed: error
pages show settings and source to anyone, every query is kept in memory, and static files
behave differently than in production. The same image must be debug in development only.

**Fix.** Read it from the environment, off by default: ``DEBUG = env.bool("DEBUG", False)``,
or let berth.configure do it (``DEBUG`` variable). A literal written before
``berth.configure(globals())`` is not reported: served processes ignore it.
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.findings import Severity
from berth.doctor.project import Project
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD208",
    slug="debug-literal",
    severity=Severity.ERROR,
    summary="DEBUG = True in settings that production loads",
    hint="read DEBUG from the environment, off by default",
)


@rule.project
def check(project: Project) -> Iterator[Hit]:
    for view in project.settings:
        value = view.get("DEBUG")
        # Before berth.configure(globals()): a served process has DEBUG off unless the DEBUG
        # variable says so; manage.py and runserver keep the literal, as they should.
        if "DEBUG" in view.governed:
            continue
        if value is not None and value[0] == "c" and value[1] is True:
            yield view.hit(value)
