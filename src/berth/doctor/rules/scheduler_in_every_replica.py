"""BD408: a scheduler started with every replica: ``celery worker -B`` (beat embedded in the
worker), ``celery beat`` started beside the web server, a uWSGI ``attach-daemon`` running
beat, or uWSGI's ``cron`` option.

**What breaks in containers.** Each replica runs its own scheduler, so every periodic task
runs once per replica: three replicas send the nightly e-mail three times, charge a
subscription three times, and a scale-up adds one more. Celery's documentation says to run
exactly one beat (``-B`` is meant for development).

**Fix.** Run one scheduler, apart from what scales: a ``beat`` Compose service (or Kubernetes
Deployment) with one replica, ``celery -A proj beat``; workers run without ``-B``; uWSGI's
``legion-cron`` or a platform cron job instead of ``cron``.
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.commands import BEAT, SERVER
from berth.doctor.containers import (
    compose_commands,
    replica_processes,
    replicas,
    runs_at_start,
    start_instructions,
    uwsgi_daemons,
)
from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.formats.uwsgi import Option
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD408",
    slug="scheduler-in-every-replica",
    severity=Severity.ERROR,
    summary="a scheduler starts with every replica: each periodic task runs once per replica",
    hint="run one beat service (celery -A proj beat) with one replica; workers without -B",
)

# uWSGI's own cron runs in every instance; legion-cron runs once across a legion.
_UWSGI_CRON = frozenset({"cron", "cron2", "unique-cron"})


def _embedded(command: str) -> bool:
    """beat inside a worker, or beat started by the same command as the server."""
    match = BEAT.search(command)
    if match is None:
        return False
    return " beat" not in match.group(0) or bool(SERVER.search(command))


@rule.dockerfile
def check_dockerfile(document: Document) -> Iterator[Hit]:
    for instruction in start_instructions(document):
        if _embedded(instruction.command_text):
            yield document.hit(instruction.line, instruction.column)


@rule.compose
def check_compose(document: Document) -> Iterator[Hit]:
    for _, service, command, line, column in compose_commands(document):
        # A beat service of its own is right, unless it is scaled.
        if _embedded(command) or (BEAT.search(command) and replicas(service) > 1):
            yield document.hit(line, column)


@rule.procfile
def check_procfile(document: Document) -> Iterator[Hit]:
    for process in replica_processes(document):
        if _embedded(process.command) or (BEAT.search(process.command) and process.name == "web"):
            yield document.hit(process.line, process.column)


@rule.shell
def check_script(document: Document) -> Iterator[Hit]:
    lines = document.parsed
    serves = runs_at_start(document)
    for line in lines:
        # A beat line in a script that also starts the server: each replica starts both.
        if _embedded(line.text) or (serves and BEAT.search(line.text)):
            yield document.hit(line.line)
            return  # once per script: alternative branches start the same thing


@rule.uwsgi
def check_uwsgi(document: Document) -> Iterator[Hit]:
    option: Option
    for option in uwsgi_daemons(document):
        if BEAT.search(option.value):
            yield document.hit(option.line, option.column)
    for option in document.parsed:
        if option.key in _UWSGI_CRON:
            yield document.hit(option.line, option.column)
