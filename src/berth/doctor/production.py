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

from berth.doctor.commands import SERVER, waits
from berth.doctor.document import Document
from berth.doctor.files import says_development
from berth.doctor.formats.compose import YList, YMap

__all__ = ["KINDS", "Production", "describe"]

KINDS = frozenset({"dockerfile", "compose", "shell", "procfile", "uwsgi"})

# What a container runs when it exists to test, lint or build documentation, never to serve.
TOOLING = re.compile(
    r"(?<![\w-])(tox|nox|pytest|py\.test|sphinx-build|sphinx-autobuild|mkdocs|pre-commit|"
    r"flake8|ruff|mypy|coverage|pylint)(?![\w-])|manage\.py\s+test\b|^make\b"
)
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
    elif source.kind in ("procfile", "uwsgi"):
        # Heroku and Dokku read the file named Procfile; Procfile.dev, Procfile.windows are
        # what a developer runs with honcho or heroku local -f.
        if source.kind == "procfile" and source.parts[-1] != "Procfile":
            facts["dev"] = True
        facts["runs_tooling"] = False
        facts["waits"] = False
    elif source.kind == "shell":
        text = " ".join(line.text for line in document.parsed)
        facts["serves"] = bool(SERVER.search(text))
        facts["runs_tooling"] = bool(TOOLING.search(text)) and not facts["serves"]
        # Heredoc bodies count here: a python << END connect loop is a wait.
        facts["waits"] = waits(document.text)
    return facts


def _describe_dockerfile(document: Document) -> dict[str, Any]:
    from berth.doctor.formats.dockerfile import Dockerfile

    dockerfile: Dockerfile = document.parsed
    final = dockerfile.final
    start: list[str] = []
    copied: list[str] = []
    settings: list[str] = []
    parts: dict[str, list[str]] = {"ENTRYPOINT": [], "CMD": []}
    env: dict[str, str] = {}
    if final is not None:
        for keyword in ("ENTRYPOINT", "CMD"):
            instruction = final.last(keyword)
            if instruction is not None:
                parts[keyword] = instruction.words
                start.extend(instruction.words)
        env = {key: value for key, (value, _) in final.env().items()}
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
        "waits": waits(text),
        "settings": settings,
        "entrypoint": parts["ENTRYPOINT"],
        "cmd": parts["CMD"],
        "env": env,
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
        environment = _environment(service.get("environment"))
        settings = (
            [environment["DJANGO_SETTINGS_MODULE"]]
            if "DJANGO_SETTINGS_MODULE" in environment
            else []
        )
        described.append(
            {
                "name": name,
                "lines": list(_lines(service)),
                "builds": _built(folder, service.get("build")),
                "target": service["build"].get("target")
                if isinstance(service.get("build"), YMap)
                else None,
                "command": command.split(),
                "serves": is_app(service, name)
                and not is_job(service, name, document)
                and not tooling,
                "tooling": tooling,
                "development": _development(service, environment),
                "waits": waits(command),
                "settings": settings,
                "environment": environment,
                "own_command": _words(service.get("command")),
            }
        )
    return {"services": described, "includes": includes}


_EVIDENCE = "a development Compose file: "
_ENVIRONMENT_KEYS = ("DJANGO_ENV", "ENV", "ENVIRONMENT", "APP_ENV", "DJANGO_CONFIGURATION")
_TRUE = frozenset({"1", "true", "yes", "on"})
_SOURCE_ROOTS = frozenset({".", "./", "..", "../", "$PWD", "${PWD}", "${PWD}/"})


def _development(service: YMap, environment: dict[str, str]) -> str:
    """What says a service is set up for development, in a few words; "" when nothing does:
    a development settings module or environment, DEBUG on, a development build target, or
    the source folder mounted over the image's code (edited live, not built in)."""
    module = environment.get("DJANGO_SETTINGS_MODULE", "")
    if module and says_development(module):
        return f"selects the settings {module}"
    for key in _ENVIRONMENT_KEYS:
        if says_development(environment.get(key, "-")):
            return f"sets {key}={environment[key]}"
    for key in ("DEBUG", "DJANGO_DEBUG"):
        if environment.get(key, "").strip().lower() in _TRUE:
            return f"sets {key}={environment[key]}"
    for key in ("command", "entrypoint"):
        for word in _words(service.get(key)):
            if ("/" in word or word.endswith(".sh")) and says_development(word.rsplit("/", 1)[-1]):
                return f"runs {word}"
    build = service.get("build")
    if isinstance(build, YMap) and says_development(str(build.get("target", "-"))):
        return f"builds the target {build['target']}"
    env_files = service.get("env_file")
    for entry in env_files if isinstance(env_files, YList) else [env_files] if env_files else []:
        path = str(entry.get("path", "")) if isinstance(entry, YMap) else str(entry)
        if says_development(path.rsplit("/", 1)[-1].lstrip(".")):
            return f"reads {path}"
    build = service.get("build")
    context = str(build.get("context", ".") if isinstance(build, YMap) else build or "")
    roots = _SOURCE_ROOTS | ({posixpath.normpath(context)} if build is not None else set())
    volumes = service.get("volumes")
    for entry in volumes if isinstance(volumes, YList) else ():
        source = str(entry.get("source", "")) if isinstance(entry, YMap) else str(entry)
        if source.split(":")[0] in roots or posixpath.normpath(source.split(":")[0]) in roots:
            return "mounts the source folder over the image's code"
    return ""


def _words(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    return str(value).split() if value else []


def _environment(value: Any) -> dict[str, str]:
    """A Compose ``environment`` (a mapping or a list of ``KEY=value``) as a dict."""
    if isinstance(value, YMap):
        return {str(k): "" if v is None else str(v) for k, v in value.items()}
    if isinstance(value, YList):
        pairs = (str(item).partition("=") for item in value)
        return {key: val for key, _, val in pairs}
    return {}


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

    def waits(self, path: str, name: str) -> bool:
        """Whether the Compose service ``name`` of ``path`` waits for its dependencies at
        start: in its own command, in a script that command runs, or in the start of the
        image it builds (its ENTRYPOINT script, say)."""
        service = next(
            (s for s in self.files.get(path, {}).get("services", ()) if s["name"] == name), None
        )
        if service is None:
            return False
        if service["waits"] or any(
            self.files[script]["waits"] for script in self._scripts(service["command"])
        ):
            return True
        image = self.files.get(service["builds"] or "")
        if image is None:
            return False
        return image["waits"] or any(
            self.files[script]["waits"] for script in self._scripts(image["start"], image["copies"])
        )

    def starts(self, script: str) -> list[tuple[list[str], dict[str, str]]]:
        """How the production images start ``script`` as their ENTRYPOINT: for each, the
        arguments it gets (the CMD, or a Compose service's command) and the environment
        (the image's ENV under the service's ``environment``)."""
        found: list[tuple[list[str], dict[str, str]]] = []
        for path, image in self.files.items():
            if image["kind"] != "dockerfile" or path in self._roles:
                continue
            if script not in self._scripts(image["entrypoint"], image["copies"]):
                continue
            services = [
                service
                for compose, other in self.files.items()
                if compose not in self._roles
                for service in other.get("services", ())
                if service["builds"] == path and service["serves"]
            ]
            for service in services:
                found.append(
                    (service["own_command"] or image["cmd"], image["env"] | service["environment"])
                )
            if not services:
                found.append((image["cmd"], image["env"]))
        return found

    def _scripts(self, named: list[str], copies: Iterable[str] = ()) -> list[str]:
        """The shell scripts ``named`` names; those a COPY also names, when there are any."""
        # A start names where the image put the script (/home/app/entrypoint.sh): its
        # file name is what it shares with the script's path in the project.
        basenames = {word.strip("\"'").rsplit("/", 1)[-1] for word in named}
        found = [
            path
            for path, facts in self.files.items()
            if facts["kind"] == "shell" and path.rsplit("/", 1)[-1] in basenames
        ]
        copied = [path for path in found if _names(path, copies)]
        return copied or found

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
            if facts["kind"] in ("shell", "procfile", "uwsgi"):
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
            if composes[path]["dev"]:
                return "a development Compose file by its name"
            for service in composes[path]["services"]:
                if service["serves"] and service["development"]:
                    return f"{_EVIDENCE}{service['name']} {service['development']}"
            return None

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
            # A Compose file that is development only by what its services set (DEBUG, the
            # source mounted) usually builds the production Dockerfile too: only a name, a
            # development build target, or a production Compose file building another
            # Dockerfile says the image itself is not production's.
            known = {
                s["builds"]
                for compose, other in self.files.items()
                if other["kind"] == "compose" and compose not in roles
                for s in other["services"]
                if s["serves"] and s["builds"]
            }
            if any(
                s["serves"]
                and (compose not in roles or (_EVIDENCE in roles[compose] and not known))
                and not says_development(str(s["target"] or "-"))
                and (s["command"] or not facts["runs_tooling"])
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
