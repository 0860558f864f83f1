"""BD401: ``manage.py runserver`` as the command of an image, a production Compose service,
an entrypoint script or a Procfile process.

**What breaks in containers.** The development server is single-process, reloads code, serves
static files only with DEBUG, and has not been audited for security; Django's documentation
says not to use it in production. In a container it also ignores SIGTERM's graceful stop.

**Fix.** Run a production server: ``gunicorn project.wsgi`` (berth init writes
``gunicorn -c python:berth.runtime.gunicorn_conf``), uvicorn or daphne for ASGI. Keep
runserver in ``compose.override.yaml`` for development.
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.commands import RUNSERVER
from berth.doctor.containers import compose_commands, replica_processes, start_instructions
from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD401",
    slug="runserver-in-image",
    severity=Severity.ERROR,
    summary="runserver, Django's development server, is the container's command",
    hint="run gunicorn (or uvicorn/daphne); keep runserver in compose.override.yaml",
)


@rule.dockerfile
def check_dockerfile(document: Document) -> Iterator[Hit]:
    for instruction in start_instructions(document):
        if RUNSERVER.search(instruction.command_text):
            yield document.hit(instruction.line, instruction.column)


@rule.compose
def check_compose(document: Document) -> Iterator[Hit]:
    for _, _, command, line, column in compose_commands(document):
        if RUNSERVER.search(command):
            yield document.hit(line, column)


@rule.shell
def check_script(document: Document) -> Iterator[Hit]:
    for line in document.parsed:
        if RUNSERVER.search(line.text):
            yield document.hit(line.line)


@rule.procfile
def check_procfile(document: Document) -> Iterator[Hit]:
    for process in replica_processes(document):
        if RUNSERVER.search(process.command):
            yield document.hit(process.line, process.column)
