"""Which container files serve in production, judged from the project's own evidence.

Each Dockerfile, Compose file and shell script records what it points at (:func:`describe`,
per file, cached with its findings); :class:`Production` then reads those facts together:
the Dockerfile a production Compose service builds, the scripts that Dockerfile copies, the
Compose files another one includes or extends. A file's name (``compose.local.yml``,
``Dockerfile.dev``) decides only when nothing else in the project points at it, so a tox
image, a docs service or a development Compose file is not held to production's rules, and a
production Dockerfile kept under ``compose/`` or ``docker/`` still is.

The Python side asks the same object which settings modules production selects
(:meth:`Production.settings_modules`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from functools import cached_property
from typing import Any

from berth.doctor.commands import SERVER
from berth.doctor.document import Document
from berth.doctor.formats.compose import YList, YMap

__all__ = ["KINDS", "Production", "describe"]

KINDS = frozenset({"dockerfile", "compose", "shell"})

# What a container runs when it exists to test, lint or build documentation, never to serve.
TOOLING = re.compile(
    r"(?<![\w-])(tox|nox|pytest|py\.test|sphinx-build|sphinx-autobuild|mkdocs|pre-commit|"
    r"flake8|ruff|mypy|coverage|pylint)(?![\w-])|manage\.py\s+test\b|\bmake\s+(docs|html|test)\b"
)
_SETTINGS = re.compile(r"DJANGO_SETTINGS_MODULE\s*[=:]\s*[\"']?([\w.]+)")
# Service names that say what a service is for when its command does not.
_TOOL_SERVICES = frozenset(
    {"docs", "documentation", "sphinx", "mkdocs", "test", "tests", "ci", "lint", "tox"}
)


def describe(document: Document) -> dict[str, Any]:
    """The facts one container file contributes: what it runs and which files it names."""
    source = document.source
    facts: dict[str, Any] = {
        "kind": source.kind,
        "dev": source.development_only,
        "tooling": source.tooling,
    }
    if source.kind == "dockerfile":
        facts.update(_describe_dockerfile(document))
    elif source.kind == "compose":
        facts.update(_describe_compose(document))
    elif source.kind == "shell":
        text = " ".join(line.text for line in document.parsed)
        facts["serves"] = bool(SERVER.search(text))
        facts["runs_tooling"] = bool(TOOLING.search(text)) and not facts["serves"]
    return facts


def _describe_dockerfile(document: Document) -> dict[str, Any]:
    from berth.doctor.formats.dockerfile import Dockerfile

    dockerfile: Dockerfile = document.parsed
    final = dockerfile.final
    start: list[str] = []
    copied: list[str] = []
    settings: list[str] = []
    if final is not None:
        for keyword in ("ENTRYPOINT", "CMD"):
            instruction = final.last(keyword)
            if instruction is not None:
                start.extend(instruction.words)
        for stage in final.lineage():
            for instruction in stage.instructions:
                if instruction.keyword in ("COPY", "ADD"):
                    words = instruction.exec_form or instruction.words
                    sources = [w for w in words if not w.startswith("--")][:-1]
                    copied.extend(sources)
        settings = [
            value for key, (value, _) in final.env().items() if key == "DJANGO_SETTINGS_MODULE"
        ]
    text = " ".join(start)
    return {
        "start": start,
        "copies": copied,
        "serves": bool(SERVER.search(text)),
        "runs_tooling": bool(TOOLING.search(text)) and not SERVER.search(text),
        "settings": settings,
    }


def _describe_compose(document: Document) -> dict[str, Any]:
    from berth.doctor.containers import command_text, is_app, is_job, services

    folder = posixpath.dirname(document.source.display)
    data = document.parsed
    includes: list[str] = []
    if isinstance(data, YMap) and isinstance(data.get("include"), YList):
        for entry in data["include"]:
            paths = entry.get("path") if isinstance(entry, YMap) else entry
            for path in paths if isinstance(paths, list) else [paths]:
                if isinstance(path, str):
                    includes.append(_join(folder, path))
    described = []
    for name, service in services(document):
        command = (
            command_text(service.get("command")) + " " + command_text(service.get("entrypoint"))
        )
        tooling = name.lower() in _TOOL_SERVICES or bool(TOOLING.search(command))
        extends = service.get("extends")
        if isinstance(extends, YMap) and isinstance(extends.get("file"), str):
            includes.append(_join(folder, extends["file"]))
        environment = service.get("environment")
        settings = _SETTINGS.findall(
            " ".join(f"{k}={v}" for k, v in environment.items())
            if isinstance(environment, YMap)
            else " ".join(map(str, environment or ()))
            if isinstance(environment, YList)
            else ""
        )
        described.append(
            {
                "name": name,
                "lines": list(_lines(service)),
                "builds": _built(folder, service.get("build")),
                "command": command.split(),
                "serves": is_app(service, name)
                and not is_job(service, name, document)
                and not tooling,
                "tooling": tooling,
                "settings": settings,
            }
        )
    return {"services": described, "includes": includes}


def _lines(service: YMap) -> tuple[int, int]:
    """The first and last line a service's own keys are on (not lines merged from anchors)."""
    lines = [line for line, _ in service.key_positions.values() if line >= service.line]
    return (min(lines, default=service.line), max(lines, default=service.line))


def _built(folder: str, build: Any) -> str | None:
    """The Dockerfile a Compose ``build`` uses, as a path from the scan's base."""
    if isinstance(build, str):
        context, dockerfile = build, "Dockerfile"
    elif isinstance(build, YMap) and "dockerfile_inline" not in build:
        context = str(build.get("context", "."))
        dockerfile = str(build.get("dockerfile", "Dockerfile"))
    else:
        return None
    if "://" in context or context.startswith("git@"):
        return None
    return _join(_join(folder, context), dockerfile)


def _join(folder: str, path: str) -> str:
    joined = posixpath.normpath(posixpath.join(folder, path.strip()))
    return joined.removeprefix("./")


def _names(path: str, words: Iterable[str]) -> bool:
    """Whether one of ``words``, read as a path, names ``path``: one ends like the other
    (whole parts), as ``/app/compose/start`` names ``compose/start`` and ``/start`` does."""
    parts = path.split("/")
    for word in words:
        word = word.strip("\"'").rstrip("/")
        tail = [p for p in word.split("/") if p not in ("", ".", "..")]
        size = min(len(tail), len(parts))
        if size and parts[-size:] == tail[-size:]:
            return True
    return False


class Production:
    """What serves in production, from the facts the project's container files recorded."""

    def __init__(self, facts: dict[str, dict[str, Any]]) -> None:
        self.files = {path: f["container"] for path, f in facts.items() if "container" in f}

    def never_serves(self, path: str, line: int | None = None) -> str | None:
        """Why ``path`` (at ``line``, for a Compose service) never runs in a serving
        replica, in a few words; None when it may, or when nothing says it does not."""
        role = self._roles.get(path)
        if role is not None:
            return role
        if line is not None:
            for service in self.files.get(path, {}).get("services", ()):
                first, last = service["lines"]
                if not first <= line <= last:
                    continue
                if service["tooling"]:
                    return f"the {service['name']} service builds docs or runs tests or tools"
                built = service["builds"]
                if built in self._roles and not SERVER.search(" ".join(service["command"])):
                    return f"the {service['name']} service runs {built}, which never serves"
        return None

    def settings_modules(self) -> set[str]:
        """Dotted settings modules a serving Dockerfile or Compose service selects."""
        found: set[str] = set()
        for path, facts in self.files.items():
            if path in self._roles:
                continue
            found.update(facts.get("settings", ()))
            for service in facts.get("services", ()):
                if service["serves"]:
                    found.update(service["settings"])
        return found

    @cached_property
    def _roles(self) -> dict[str, str]:
        """Files that never serve, each with the reason."""
        roles: dict[str, str] = {}
        for path, reason in self._compose_roles().items():
            roles[path] = reason
        for path, facts in self.files.items():
            if facts["kind"] == "dockerfile":
                reason = self._dockerfile_role(path, facts, roles)
                if reason:
                    roles[path] = reason
        for path, facts in self.files.items():
            if facts["kind"] == "shell":
                reason = self._script_role(path, facts, roles)
                if reason:
                    roles[path] = reason
        return roles

    def _compose_roles(self) -> dict[str, str]:
        composes = {p: f for p, f in self.files.items() if f["kind"] == "compose"}
        users: dict[str, list[str]] = {}
        for path, facts in composes.items():
            for included in facts["includes"]:
                if included in composes and included != path:
                    users.setdefault(included, []).append(path)
        roles: dict[str, str] = {}

        def development(path: str, seen: frozenset[str]) -> str | None:
            if path in users and path not in seen:
                reasons = [development(user, seen | {path}) for user in users[path]]
                if all(reasons):
                    return f"used only by {', '.join(sorted(users[path]))} ({reasons[0]})"
                return None
            return "a development Compose file by its name" if composes[path]["dev"] else None

        for path in composes:
            reason = development(path, frozenset())
            if reason:
                roles[path] = reason
        return roles

    def _dockerfile_role(self, path: str, facts: dict[str, Any], roles: dict[str, str]) -> str:
        builders = [
            (compose, service)
            for compose, other in self.files.items()
            for service in other.get("services", ())
            if service["builds"] == path
        ]
        if builders:
            # A service without a command of its own runs the image's: a tox image stays
            # a tox image, whichever Compose file builds it.
            if any(
                s["serves"] and compose not in roles and (s["command"] or not facts["runs_tooling"])
                for compose, s in builders
            ):
                return ""
            if facts["runs_tooling"]:
                return f"its start runs {' '.join(facts['start'])}, not a server"
            compose, service = builders[0]
            why = "a docs or tooling service" if service["tooling"] else "not production"
            return f"built only by {compose} ({why})"
        if facts["runs_tooling"]:
            return f"its start runs {' '.join(facts['start'])}, not a server"
        if facts["dev"]:
            return "a development Dockerfile by its name"
        return ""

    def _script_role(self, path: str, facts: dict[str, Any], roles: dict[str, str]) -> str:
        # The most specific evidence first: a COPY names the script by its path; a start
        # command or a Compose command names where the image put it (``/start``), which
        # several scripts may share.
        dockerfiles = {p: f for p, f in self.files.items() if f["kind"] == "dockerfile"}
        users = [p for p, f in dockerfiles.items() if _names(path, f["copies"])]
        users = users or [p for p, f in dockerfiles.items() if _names(path, f["start"])]
        users = users or [
            compose
            for compose, other in self.files.items()
            for service in other.get("services", ())
            if _names(path, service["command"])
        ]
        if users:
            if all(user in roles for user in users):
                return f"used only by {users[0]}, which never serves ({roles[users[0]]})"
            return ""
        if facts["runs_tooling"]:
            return "it runs tests or tools, not a server"
        if facts["dev"] or facts["tooling"]:
            return "a development or tooling script by its path"
        return ""
