"""Where the container rules find what a container runs: a Dockerfile's start instructions,
a Compose file's services and their commands, a Procfile's processes, uWSGI's start hooks."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from berth.doctor.commands import SERVER
from berth.doctor.document import Document
from berth.doctor.findings import Span
from berth.doctor.formats.compose import YMap, position
from berth.doctor.formats.dockerfile import Dockerfile, Instruction
from berth.doctor.formats.procfile import Process
from berth.doctor.formats.shell import words
from berth.doctor.formats.uwsgi import Option
from berth.doctor.registry import Hit

__all__ = [
    "app_services",
    "at_start",
    "awaited_jobs",
    "compose_commands",
    "is_app",
    "is_job",
    "is_proxy",
    "once_per_line",
    "replica_processes",
    "runs_at_start",
    "services",
    "start_instructions",
    "uwsgi_daemons",
    "uwsgi_hooks",
]

_APP_WORDS = ("python", "manage.py", "gunicorn", "uwsgi", "uvicorn", "daphne", "celery", "django")
_JOB_WORDS = ("migrate", "collectstatic", "createsuperuser", "loaddata", "check", "test")
_PROXY = re.compile(r"(?<![a-z])(traefik|nginx|caddy|haproxy|envoy|httpd|apache2?)(?![a-z])")


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


def is_proxy(name: str, service: YMap) -> bool:
    """The service is the HTTP edge (nginx, Traefik, Caddy, ...), by its name, its image or
    the Dockerfile it builds: publishing ports is its job, and it runs none of the project."""
    build = service.get("build")
    where = (
        " ".join(str(build.get(k, "")) for k in ("context", "dockerfile"))
        if isinstance(build, YMap)
        else str(build or "")
    )
    return bool(_PROXY.search(f"{name} {service.get('image', '')} {where}".lower()))


def is_app(service: YMap, name: str = "") -> bool:
    """The service runs the project's code: it builds the image, or runs Python in it."""
    text = (
        command_text(service.get("command")) + " " + command_text(service.get("entrypoint"))
    ).lower()
    if any(word in text for word in _APP_WORDS):
        return True
    return "build" in service and not is_proxy(name, service)


def awaited_jobs(document: Document) -> frozenset[str]:
    """Services another one waits for with ``service_completed_successfully``: one-offs."""
    found = set()
    for _, service in services(document):
        depends = service.get("depends_on")
        if isinstance(depends, YMap):
            for target, condition in depends.items():
                if (
                    isinstance(condition, YMap)
                    and condition.get("condition") == "service_completed_successfully"
                ):
                    found.add(str(target))
    return frozenset(found)


def is_job(service: YMap, name: str = "", document: Document | None = None) -> bool:
    """A one-off: its command is a management job (migrate, ...), not a server or a worker,
    or another service waits for it to complete."""
    if document is not None and name and name in awaited_jobs(document):
        return True
    text = command_text(service.get("command"))
    return any(word in text for word in _JOB_WORDS) and not any(
        word in text for word in ("gunicorn", "uwsgi", "uvicorn", "daphne", "runserver", "celery")
    )


def app_services(document: Document) -> Iterator[tuple[str, YMap]]:
    for name, service in services(document):
        if is_app(service, name):
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


def replica_processes(document: Document) -> Iterator[Process]:
    """A Procfile's processes that every replica runs: all but ``release``."""
    process: Process
    for process in document.parsed:
        if not process.once_per_release:
            yield process


# Options under which uWSGI runs a command as each instance starts (exec-pre-app,
# hook-master-start = exec:..., exec-as-user, ...): in every replica.
_UWSGI_HOOK = re.compile(r"(exec|hook)-[a-z0-9-]+")
_UWSGI_DAEMON = re.compile(r"(smart-)?attach-(control-)?daemon2?|attach-daemon-as-\w+")


def uwsgi_hooks(document: Document) -> Iterator[Option]:
    option: Option
    for option in document.parsed:
        if _UWSGI_HOOK.fullmatch(option.key):
            yield option


def uwsgi_daemons(document: Document) -> Iterator[Option]:
    """Programs uWSGI starts beside the application, in each instance (``attach-daemon``)."""
    option: Option
    for option in document.parsed:
        if _UWSGI_DAEMON.fullmatch(option.key):
            yield option


def at_start(document: Document, kind: str, command: re.Pattern[str]) -> Iterator[Hit]:
    """Where a one-off ``command`` (collectstatic, loaddata) runs as every replica starts, in a
    document of ``kind``: a Dockerfile's CMD/ENTRYPOINT, a Compose service's command or
    entrypoint (not a job's), a Procfile's replica processes, a uWSGI start hook."""
    if kind == "dockerfile":
        for instruction in start_instructions(document):
            if command.search(instruction.command_text):
                yield document.hit(instruction.line, instruction.column)
    elif kind == "compose":
        for name, service, text, line, column in compose_commands(document):
            if command.search(text) and not is_job(service, name, document):
                yield document.hit(line, column)
    elif kind == "procfile":
        for process in replica_processes(document):
            if command.search(process.command):
                yield document.hit(process.line, process.column)
    elif kind == "uwsgi":
        for option in uwsgi_hooks(document):
            if command.search(option.value):
                yield document.hit(option.line, option.column)
    else:
        raise ValueError(f"no start commands in a {kind} document")


def once_per_line(found: Iterable[tuple[str, Hit]]) -> Iterator[Hit]:
    """One hit per place, from (service, hit) pairs: services that take a key from one YAML
    anchor (``<<: *django``) share its line, and one problem is reported once, there."""
    by_span: dict[Span, list[tuple[str, Hit]]] = {}
    for name, hit in found:
        by_span.setdefault(hit.span, []).append((name, hit))
    for group in by_span.values():
        name, hit = group[0]
        if len(group) > 1:
            others = ", ".join(dict.fromkeys(n for n, _ in group[1:] if n != name))
            if others:
                hit = Hit(hit.span, f"{hit.message} (also {others}, through a YAML anchor)")
        yield hit


# s6-overlay's services and one-shots, which every container runs as it starts (etc/
# s6-overlay/s6-rc.d/<name>/run or up, etc/services.d/<name>/run, etc/cont-init.d/*).
_S6 = re.compile(r"(^|/)(s6-rc\.d/[^/]+/(run|up)|services\.d/[^/]+/run|cont-init\.d/[^/]+)$")


def runs_at_start(document: Document) -> bool:
    """A script that every container runs as it starts: it starts the server (an entrypoint
    ending in gunicorn or exec "$@"), or s6-overlay runs it as a service or one-shot."""
    return bool(_S6.search(document.source.display)) or starts_server(document.text)


# Commands that run the command in their arguments: gosu USER gunicorn, uv run gunicorn,
# python -m gunicorn, newrelic-admin run-program gunicorn.
_LAUNCHERS = re.compile(
    r"python[\d.]*|uv|poetry|pipenv|pdm|hatch|gosu|su-exec|s6-setuidgid|setpriv|chpst|"
    r"runuser|su|newrelic-admin|ddtrace-run|opentelemetry-instrument|dumb-init|tini"
)
# Servers, and the process managers that start them from their own configuration.
_SERVERS = frozenset(
    {
        *("gunicorn", "uwsgi", "uvicorn", "daphne", "hypercorn", "granian", "waitress-serve"),
        *("supervisord", "honcho", "circusd", "s6-svscan", "runsvdir"),
    }
)


@lru_cache(maxsize=64)  # four rules ask about each script
def starts_server(script: str) -> bool:
    """Whether a shell script runs a server, or hands over to the container's command
    (``exec "$@"``), as a command: not a word of an ``echo`` or a heredoc."""
    found = words(script)
    for index, word in enumerate(found):
        if not word.command:
            continue
        name = word.text.rsplit("/", 1)[-1]
        if name in _SERVERS or word.text in ("$@", "${@}", "$*"):
            return True
        if _LAUNCHERS.fullmatch(name):
            following = " ".join(w.text for w in found[index + 1 : index + 5])
            if SERVER.search(following) and not following.startswith("-c"):
                return True
    return False
