"""Which container files serve in production, judged from the project's own evidence.

Each Dockerfile, Compose file, script, Procfile and uWSGI file records what it points at
(berth.doctor.container_facts, per file, cached with its findings); :class:`Production` reads
those facts together: the Dockerfile a production Compose service builds, the scripts that
Dockerfile copies, the Compose files another one includes or extends. A file's name
(``compose.local.yml``, ``Dockerfile.dev``) decides only when nothing else in the project
points at it, so a tox image, a docs service or a development Compose file is not held to
production's rules, and a production Dockerfile kept under ``compose/`` or ``docker/`` still is.

The Python side asks the same object which settings modules production selects
(:meth:`Production.settings_modules`).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from typing import Any

from berth.doctor.commands import SERVER
from berth.doctor.container_facts import DEVELOPMENT_EVIDENCE as _EVIDENCE
from berth.doctor.files import says_development

__all__ = ["Production"]


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
        # A service that builds an earlier stage (target: development) says nothing of the
        # final stage, which is what the rules judge and what production may build.
        builders = [
            (compose, service)
            for compose, other in self.files.items()
            for service in other.get("services", ())
            if service["builds"] == path and service["target"] in (None, facts.get("final_stage"))
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
            } | self._unbuilt_images()
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

    def _unbuilt_images(self) -> set[str]:
        """Dockerfiles of the whole project (they copy the build context) that no Compose
        file builds and nothing names as development or tooling: what a platform or CI
        builds for production (python.org's Dockerfile.cabotage beside the Dockerfile its
        development Compose file builds)."""
        built = {
            s["builds"] for f in self.files.values() for s in f.get("services", ()) if s["builds"]
        }
        return {
            path
            for path, f in self.files.items()
            if f["kind"] == "dockerfile"
            and path not in built
            and not (f["dev"] or f["tooling"] or f["runs_tooling"])
            and any(source.strip("./") == "" for source in f["copies"])
        }

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
