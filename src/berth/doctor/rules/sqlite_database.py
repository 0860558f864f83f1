"""BD201: SQLite as the database in settings that are not development-only.

**What breaks in containers.** The database is a file inside the container: every replica has
its own, empty one, and all of them are lost with the container. Rows written through one
replica are missing on the next request.

**Fix.** Read the database from the environment, e.g. ``DATABASE_URL`` (berth.configure,
dj-database-url or django-environ), pointing at PostgreSQL. Keep SQLite in development-only
settings or as the environment's default. A ``DATABASES`` written before
``berth.configure(globals())`` is not reported: the ``DATABASE_URL`` a deployment sets replaces
it, and ``manage.py check --deploy`` fails (berth.E001) where none is set.
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.findings import Severity
from berth.doctor.project import Project
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD201",
    loses_state=True,
    slug="sqlite-database",
    severity=Severity.ERROR,
    summary="SQLite is the database: a file private to each container and lost with it",
    hint="read the database from the environment (DATABASE_URL) and point it at PostgreSQL",
)


@rule.project
def check(project: Project) -> Iterator[Hit]:
    for view in project.settings:
        engine = view.get("DATABASES", "default", "ENGINE")
        # Before berth.configure(globals()): the DATABASE_URL a deployment sets replaces it.
        if "DATABASES" in view.governed:
            continue
        if (
            engine is not None
            and engine[0] == "c"
            and str(engine[1]).endswith(("sqlite3", "spatialite"))
        ):
            yield view.hit(engine)
