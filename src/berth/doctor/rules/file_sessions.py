"""BD202: sessions stored in files (``SESSION_ENGINE = "django.contrib.sessions.backends.file"``).

**What breaks in containers.** Each replica keeps its own session files: a visitor signed in
through one replica is signed out on the next request, served by another, and everyone is
signed out by a restart. ``SESSION_FILE_PATH`` on local disk is the same problem.

**Fix.** Use the database backend (Django's default) or a shared cache: ``cache`` or
``cached_db`` over Redis (``CACHE_URL=redis://...``), or signed cookies.
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.findings import Severity
from berth.doctor.project import Project
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD202",
    loses_state=True,
    slug="file-sessions",
    severity=Severity.ERROR,
    summary="sessions are stored in files on each container's disk",
    hint="keep sessions in the database (Django's default) or a shared Redis cache",
)


@rule.project
def check(project: Project) -> Iterator[Hit]:
    for view in project.settings:
        engine = view.get("SESSION_ENGINE")
        if (
            engine is not None
            and engine[0] == "c"
            and engine[1] == "django.contrib.sessions.backends.file"
        ):
            yield view.hit(engine)
