"""BD403: ``migrate`` run by every replica as it starts, without a lock: in an entrypoint
script, the image's CMD/ENTRYPOINT, a Compose service's command before the server, a
Procfile's ``web`` line (not ``release``) or a uWSGI start hook (``hook-pre-app``).

**What breaks in containers.** Three replicas starting together run the same migrations at
the same time: one wins, the others fail half-way (``relation already exists``) or deadlock,
and a failed migration leaves replicas crash-looping. A deploy that scales up re-runs it each
time a replica starts.

**Fix.** Migrate once per release, in a one-off job before the new replicas start (a Compose
``migrate`` service that ``web`` depends on with ``service_completed_successfully``, a
Kubernetes Job), with ``berth migrate``, which holds a PostgreSQL advisory lock so concurrent
runs wait instead of racing.

Not reported: ``migrate --check`` or ``--plan`` (they change nothing), and a ``migrate`` in a
branch the shipped start never takes (``if [ "$1" = migrate ]`` when the image's command is
gunicorn, ``if [ "${RUN_MIGRATIONS:-0}" = 1 ]`` when nothing sets it).
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.commands import MIGRATE, SERVER, locked
from berth.doctor.containers import (
    compose_commands,
    replica_processes,
    runs_at_start,
    start_instructions,
    uwsgi_hooks,
)
from berth.doctor.document import Document
from berth.doctor.findings import Severity, Span
from berth.doctor.formats.shell import Guard, guards
from berth.doctor.project import Project
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


@rule.procfile
def check_procfile(document: Document) -> Iterator[Hit]:
    for process in replica_processes(document):
        if MIGRATE.search(process.command) and not locked(process.command):
            yield document.hit(process.line, process.column)


@rule.uwsgi
def check_uwsgi(document: Document) -> Iterator[Hit]:
    for option in uwsgi_hooks(document):
        if MIGRATE.search(option.value) and not locked(option.value):
            yield document.hit(option.line, option.column)


@rule.shell
def check_script(document: Document) -> Iterator[Hit]:
    lines = document.parsed
    # The commands, not the comments: "# the whole migrate, with flock, ..." locks nothing.
    if locked(" ".join(line.text for line in lines)) or not runs_at_start(document):
        return
    guarded = []
    for line, conditions in zip(lines, guards(lines), strict=True):
        if not MIGRATE.search(line.text):
            continue
        if conditions:
            # Whether the start meets the condition is known from the image that runs
            # this script: the project check decides.
            guarded.append([line.line, [[g.variable, g.value, g.default] for g in conditions]])
        else:
            yield document.hit(line.line)
    if guarded:
        document.facts["guarded_migrate"] = guarded


@rule.project
def check_guarded(project: Project) -> Iterator[Hit]:
    for path, guarded in project.each("guarded_migrate"):
        starts = project.production.starts(path)
        for line, conditions in guarded:
            if all(_met(Guard(*c), starts) for c in conditions):
                yield Hit(Span(line, 1, line, 1), path=path)


def _met(guard: Guard, starts: list[tuple[list[str], dict[str, str]]]) -> bool:
    """Whether a production start meets the guard; with no image known to run the script,
    a test of the first argument is met when it names a server (``$1 = gunicorn``), and a
    variable's when its default is the value."""
    if guard.variable == "1":
        if not starts:
            return bool(SERVER.search(guard.value))
        return any(args and args[0].rsplit("/", 1)[-1] == guard.value for args, _ in starts)
    if not starts:
        return guard.default == guard.value
    return any(env.get(guard.variable, guard.default) == guard.value for _, env in starts)
