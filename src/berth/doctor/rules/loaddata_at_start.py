"""BD409: ``loaddata`` run as the container starts (CMD, ENTRYPOINT, a Compose command, an
entrypoint script that starts the server, a Procfile process, a uWSGI start hook).

**What breaks in containers.** Fixtures are loaded again at every start of every replica:
rows edited in the admin are overwritten with the fixture's values after each restart or
deploy, rows deleted come back, and replicas starting together load the same rows at once
(duplicate-key errors that fail the start).

**Fix.** Load fixtures once, as a data migration (``RunPython``) or a one-off job
(``berth run python manage.py loaddata ...``), not in what every replica runs.
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.commands import LOADDATA
from berth.doctor.containers import at_start, runs_at_start
from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.formats.shell import guards
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD409",
    slug="loaddata-at-start",
    loses_state=True,
    severity=Severity.ERROR,
    summary="loaddata runs at every start: edited rows are overwritten, deleted ones return",
    hint="load fixtures once: a data migration (RunPython) or a one-off job",
)


@rule.dockerfile
def check_dockerfile(document: Document) -> Iterator[Hit]:
    return at_start(document, "dockerfile", LOADDATA)


@rule.compose
def check_compose(document: Document) -> Iterator[Hit]:
    return at_start(document, "compose", LOADDATA)


@rule.procfile
def check_procfile(document: Document) -> Iterator[Hit]:
    return at_start(document, "procfile", LOADDATA)


@rule.uwsgi
def check_uwsgi(document: Document) -> Iterator[Hit]:
    return at_start(document, "uwsgi", LOADDATA)


@rule.shell
def check_script(document: Document) -> Iterator[Hit]:
    lines = document.parsed
    if not runs_at_start(document):
        return  # a setup or release script, not what a container starts with
    # A loaddata under a condition (``if [ "$LOAD_FIXTURES" = 1 ]``) is an opt-in for a
    # first start or a demo, not every start.
    for line, conditions in zip(lines, guards(lines), strict=True):
        if LOADDATA.search(line.text) and not conditions:
            yield document.hit(line.line)
            return  # once per script: alternative branches start the same thing
