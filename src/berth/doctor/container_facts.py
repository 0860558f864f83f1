"""What each container file points at, recorded per file (and cached with its findings) for
berth.doctor.production to read together: a Dockerfile's start, copies and ENV, a Compose
file's services (what each builds, runs, sets, and whether it is set up for development),
the files it includes, and whether a script waits for its database."""

from __future__ import annotations

import posixpath
import re
from typing import Any

from berth.doctor.commands import SERVER, waits
from berth.doctor.containers import command_text, is_app, is_job, services, starts_server
from berth.doctor.document import Document
from berth.doctor.files import says_development
from berth.doctor.formats.compose import YList, YMap
from berth.doctor.formats.dockerfile import Dockerfile

__all__ = ["DEVELOPMENT_EVIDENCE", "KINDS", "describe"]

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
        facts["runs_tooling"] = bool(TOOLING.search(text)) and not starts_server(document.text)
        # Heredoc bodies count here: a python << END connect loop is a wait.
        facts["waits"] = waits(document.text)
    return facts


def _describe_dockerfile(document: Document) -> dict[str, Any]:
    dockerfile: Dockerfile = document.parsed
    final = dockerfile.final
    start: list[str] = []
    copied: list[str] = []
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
    text = " ".join(start)
    return {
        "start": start,
        "copies": copied,
        "runs_tooling": bool(TOOLING.search(text)) and not SERVER.search(text),
        "waits": waits(text),
        "settings": [env["DJANGO_SETTINGS_MODULE"]] if "DJANGO_SETTINGS_MODULE" in env else [],
        "final_stage": final.name if final is not None else None,
        "entrypoint": parts["ENTRYPOINT"],
        "cmd": parts["CMD"],
        "env": env,
    }


def _describe_compose(document: Document) -> dict[str, Any]:
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
        # A service under Compose profiles starts only when one is asked for: profiles named
        # for development or tools (dev, test, docs) keep it out of a production `up`.
        profiles = service.get("profiles")
        tooling = (
            name.lower() in _TOOL_SERVICES
            or bool(TOOLING.search(command))
            or (
                isinstance(profiles, YList)
                and bool(profiles)
                and all(
                    says_development(str(p)) or str(p).lower() in _TOOL_SERVICES for p in profiles
                )
            )
        )
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


DEVELOPMENT_EVIDENCE = "a development Compose file: "
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
    """The first and last line of a service's own text, nested values included (not the
    lines of keys merged from an anchor elsewhere)."""
    lines = [service.line]
    stack: list[Any] = [service]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue  # an anchor used twice, or within itself
        seen.add(id(node))
        if isinstance(node, YMap):
            lines.extend(line for line, _ in node.key_positions.values())
            stack.extend(node.values())
        elif isinstance(node, YList):
            lines.extend(line for line, _ in node.item_positions)
            stack.extend(node)
    own = [line for line in lines if line >= service.line]
    return (min(own), max(own))


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
