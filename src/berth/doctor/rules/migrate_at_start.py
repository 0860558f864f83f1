"""BD403: ``migrate`` run by every replica as it starts, without a lock: in an entrypoint
script, the image's CMD/ENTRYPOINT, or a Compose service's command before the server.

**What breaks in containers.** Three replicas starting together run the same migrations at
the same time: one wins, the others fail half-way (``relation already exists``) or deadlock,
and a failed migration leaves replicas crash-looping. A deploy that scales up re-runs it each
time a replica starts.

**Fix.** Migrate once per release, in a one-off job before the new replicas start (a Compose
``migrate`` service that ``web`` depends on with ``service_completed_successfully``, a
Kubernetes Job), with ``berth migrate``, which holds a PostgreSQL advisory lock so concurrent
runs wait instead of racing.
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.commands import MIGRATE, SERVER, locked
from berth.doctor.containers import compose_commands, start_instructions
from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD403",
    slug="migrate-at-start",
    severity=Severity.ERROR,
    summary="every replica runs migrate as it starts, racing the others",
    hint="migrate once per release in a one-off job, with `berth migrate` (advisory lock)",
)


@rule.dockerfile
def check_dockerfile(document: Document) -> Iterator[Hit]:
    for instruction in start_instructions(document):
        text = instruction.command_text
        if (
            MIGRATE.search(text)
            and not locked(text)
            and (SERVER.search(text) or instruction.keyword == "ENTRYPOINT")
        ):
            yield document.hit(instruction.line, instruction.column)


@rule.compose
def check_compose(document: Document) -> Iterator[Hit]:
    for _, _, command, line, column in compose_commands(document):
        if MIGRATE.search(command) and SERVER.search(command) and not locked(command):
            yield document.hit(line, column)


@rule.shell
def check_script(document: Document) -> Iterator[Hit]:
    lines = document.parsed
    if locked(document.text) or not any(SERVER.search(line.text) for line in lines):
        return
    for line in lines:
        if MIGRATE.search(line.text):
            yield document.hit(line.line)
