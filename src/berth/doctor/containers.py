"""Where the container rules find what a container runs: a Dockerfile's start instructions,
a Compose file's services and their commands."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from berth.doctor.document import Document
from berth.doctor.formats.compose import YMap, position
from berth.doctor.formats.dockerfile import Dockerfile, Instruction

__all__ = ["app_services", "compose_commands", "is_job", "services", "start_instructions"]

_APP_WORDS = ("python", "manage.py", "gunicorn", "uwsgi", "uvicorn", "daphne", "celery", "django")
_JOB_WORDS = ("migrate", "collectstatic", "createsuperuser", "loaddata", "check", "test")


def start_instructions(document: Document) -> Iterator[Instruction]:
    """CMD and ENTRYPOINT of the final stage: what every container of the image runs."""
    dockerfile: Dockerfile = document.parsed
    final = dockerfile.final
    if final is None:
        return
    for keyword in ("ENTRYPOINT", "CMD"):
        instruction = final.last(keyword)
        if instruction is not None:
            yield instruction


def services(document: Document) -> Iterator[tuple[str, YMap]]:
    data = document.parsed
    if not isinstance(data, YMap):
        return
    found = data.get("services")
    if not isinstance(found, YMap):
        return
    for name, service in found.items():
        if isinstance(service, YMap):
            yield str(name), service


def command_text(value: Any) -> str:
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value) if value is not None else ""


def is_app(service: YMap) -> bool:
    """The service runs the project's code: it builds the image, or runs Python in it."""
    if "build" in service:
        return True
    text = (
        command_text(service.get("command")) + " " + command_text(service.get("entrypoint"))
    ).lower()
    return any(word in text for word in _APP_WORDS)


def is_job(service: YMap) -> bool:
    """A one-off: its command is a management job (migrate, ...), not a server or a worker."""
    text = command_text(service.get("command"))
    return any(word in text for word in _JOB_WORDS) and not any(
        word in text for word in ("gunicorn", "uwsgi", "uvicorn", "daphne", "runserver", "celery")
    )


def app_services(document: Document) -> Iterator[tuple[str, YMap]]:
    for name, service in services(document):
        if is_app(service):
            yield name, service


def compose_commands(document: Document) -> Iterator[tuple[str, YMap, str, int, int]]:
    """(service, its mapping, the command or entrypoint as text, line, column) of each service."""
    for name, service in services(document):
        for key in ("command", "entrypoint"):
            value = service.get(key)
            if value is None:
                continue
            line, column = position(service, key)
            yield name, service, command_text(value), line, column


def replicas(service: YMap) -> int:
    deploy = service.get("deploy")
    if isinstance(deploy, YMap):
        value = deploy.get("replicas")
        if isinstance(value, int):
            return value
    return 1
