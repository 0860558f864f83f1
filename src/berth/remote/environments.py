"""Named deployment environments: how to reach the running containers of each, from the project's config.

Read from ``[environments.NAME]`` in ``berth.toml`` or ``[tool.berth.environments.NAME]`` in
``pyproject.toml``, whichever is nearest the current folder (``berth.toml`` wins within one folder;
the two are never merged). docs/environments.md describes the format.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dotenv import dotenv_values
from dotenv.parser import parse_stream

from berth.errors import ConfigurationError
from berth.project.discovery import find_root
from berth.project.tables import (
    BERTH_TOML,
    PYPROJECT_TOML,
    ConfigTableError,
    TableReader,
    find_config_file,
    section,
)
from berth.remote.ssh_quoting import is_ssh, through_remote_shell

__all__ = [
    "LOCAL",
    "DeploymentEnvironment",
    "get_environment",
    "load_environments",
]

LOCAL = "local"
"""The reserved name of the project's own ``berth up``; configuring it is optional."""

LOG_FOLDER = Path(".berth") / "logs"
"""Where ``berth up`` appends each replica's output, as ``<replica>.log``, under the project root."""

_DEFAULT_MANAGE = ("python", "manage.py")
_DEFAULT_FOLLOW = ("-f",)
# docker compose logs and kubectl logs alike: no history before following.
_FROM_END = ("--tail", "0")
_DEFAULT_SERVICE = "web"
_DEFAULT_BERTH = ("berth",)
# Enough for a real fleet; kubectl's own default of 5 cuts off `logs -f` of a bigger deployment.
_MAX_LOG_REQUESTS = "20"


@dataclass(frozen=True)
class DeploymentEnvironment:
    """One place the project runs, and the commands that reach its running containers."""

    name: str
    exec_prefix: tuple[str, ...]
    """Prepended to a command to run it in a running container; empty means "here"."""
    logs_command: tuple[str, ...] | None
    """Prints the logs of every replica, once; None when the environment has no such command."""
    follow_args: tuple[str, ...] = _DEFAULT_FOLLOW
    """Appended to ``logs_command`` to keep following."""
    since_option: str | None = None
    """The logs command's option for a start time in RFC 3339 (``--since``, ``--since-time``);
    None: ``--since`` filters the lines here."""
    env_file: Path | None = None
    """A dotenv file with this environment's DSNs (DATABASE_URL, STORAGE_URL, …)."""
    manage: tuple[str, ...] = _DEFAULT_MANAGE
    """How manage.py is run inside the container."""
    terminal_exec_prefix: tuple[str, ...] | None = None
    """Used instead of ``exec_prefix`` on a terminal: the presets' variant that allocates a TTY
    (``exec`` without ``-T``, ``exec -t``). None: ``exec_prefix`` serves both."""
    log_folder: Path | None = None
    """For ``local`` without a ``logs`` command: the folder of ``berth up``'s ``<replica>.log`` files."""
    remote_shell: bool = False
    """Whether a shell on the far side parses the words after ``exec_prefix`` (as ssh's does);
    ssh prefixes are recognised without it."""
    protected: bool = False
    """``protected = true``: pushes and restores into it need ``--force``."""
    berth: tuple[str, ...] = _DEFAULT_BERTH
    """How berth itself runs inside the container, for dumps, restores and the tunnel."""
    replicas_command: tuple[str, ...] | None = None
    """Prints one line per running replica: the word that fills ``{replica}`` in
    ``replica_exec``, then the name shown (the word itself when none). None: the environment is
    one replica, reached by ``exec_prefix``."""
    replica_exec: tuple[str, ...] | None = None
    """``exec_prefix`` for one replica, with ``{replica}`` standing for its word."""
    config_file: Path | None = field(default=None, compare=False)
    """The file this environment was read from; None for the implicit ``local``."""

    @property
    def from_end_args(self) -> tuple[str, ...]:
        """Appended when following without a start time, so that the history is not printed
        first: the presets' ``--tail 0``, which their logs commands (with a since option) take."""
        return _FROM_END if self.since_option is not None else ()

    @property
    def is_berth_up(self) -> bool:
        """Whether this is the project's own ``berth up``: ``local`` without an exec prefix or
        env_file of the user's, whose commands run with the running replicas' variables."""
        return self.name == LOCAL and not self.exec_prefix and self.env_file is None

    def command(self, *args: str, terminal: bool = False) -> list[str]:
        """``args`` run in a running container of this environment (a TTY one if ``terminal``).

        Through a remote shell (an ssh prefix, or ``remote_shell = true``) the words after the
        destination are quoted into one (``ssh_quoting``), so that the far side runs this argv.
        """
        prefix = self.exec_prefix
        if terminal and self.terminal_exec_prefix is not None:
            prefix = self.terminal_exec_prefix
        if not (self.remote_shell or is_ssh(prefix)):
            return [*prefix, *args]
        return through_remote_shell(prefix, args)

    def env_values(self) -> dict[str, str]:
        """The variables of ``env_file``, as python-dotenv reads them; {} without one.

        ``os.environ`` is left alone, and nothing in the file is interpolated from it: these
        are another environment's values, and a ``$`` in a password stays a ``$``.
        """
        if self.env_file is None:
            return {}
        try:
            text = self.env_file.read_text(encoding="utf-8")
        except OSError as error:
            raise self._error(
                "env_file", f"cannot read {self.env_file}: {error.strerror}"
            ) from None
        # dotenv_values skips a line it cannot parse with a warning; the value it drops may
        # be the DSN the command needs, so such a line is refused, naming only its number
        # (the line itself may hold a password).
        for binding in parse_stream(io.StringIO(text)):
            if binding.error:
                raise self._error(
                    "env_file", f"{self.env_file} line {binding.original.line} is not KEY=value"
                )
        values = dotenv_values(stream=io.StringIO(text), interpolate=False)
        return {key: value for key, value in values.items() if value is not None}

    def _error(self, key: str, problem: str) -> ConfigTableError:
        if self.config_file is not None and self.config_file.name == PYPROJECT_TOML:
            table = f"tool.berth.environments.{self.name}"
        else:
            table = f"environments.{self.name}"
        return ConfigTableError(self.config_file, table, key, problem)


def load_environments(start: Path | None = None) -> dict[str, DeploymentEnvironment]:
    """Every environment configured for the project at ``start`` (default: the current folder).

    Always holds ``local``: as configured, or else the project's own ``berth up``.
    """
    config_file = find_config_file(start)
    environments: dict[str, DeploymentEnvironment] = {}
    if config_file is not None:
        tables, prefix = _environment_tables(config_file)
        for name, table in tables.items():
            environments[name] = _environment(config_file, f"{prefix}.{name}", name, table, start)
    if LOCAL not in environments:
        environments[LOCAL] = _local(start)
    return environments


def get_environment(name: str, start: Path | None = None) -> DeploymentEnvironment:
    """The environment called ``name``; a one-line error naming the config file when there is none."""
    environments = load_environments(start)
    if name in environments:
        return environments[name]
    config_file = find_config_file(start)
    known = ", ".join(sorted(environments))
    if config_file is None:
        here = (start or Path.cwd()).resolve()
        raise ConfigurationError(
            f"environment {name!r}",
            f"not configured: no {BERTH_TOML}, or {PYPROJECT_TOML} with [tool.berth], "
            f"in {here} or above it (known: {known})",
        )
    raise ConfigurationError(str(config_file), f"no environment {name!r} (known: {known})")


def _environment_tables(config_file: Path) -> tuple[dict[str, Any], str]:
    prefix, tables = section(config_file, "environments")
    if not isinstance(tables, dict):
        raise ConfigTableError(config_file, prefix, None, "must be a table of environments")
    for name, table in tables.items():
        if not isinstance(table, dict):
            raise ConfigTableError(config_file, f"{prefix}.{name}", None, "must be a table")
    return tables, prefix


def _environment(
    config_file: Path, table_name: str, name: str, table: Mapping[str, Any], start: Path | None
) -> DeploymentEnvironment:
    reader = TableReader(config_file, table_name, table)
    base = config_file.parent
    reader.only(_KEYS)
    for key, preset in _PRESET_ONLY.items():
        if key in table and preset not in table:
            reader.fail(key, f"only applies with {preset} = …")
    if "compose" in table and "kubernetes" in table:
        reader.fail("kubernetes", "choose one of compose and kubernetes")

    exec_prefix: tuple[str, ...] | None = None
    terminal_prefix: tuple[str, ...] | None = None
    logs_command: tuple[str, ...] | None = None
    since_option: str | None = None
    replicas: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    if "compose" in table:
        exec_prefix, terminal_prefix, logs_command = _compose_preset(reader, base)
        since_option = "--since"
        replicas = _compose_replicas(reader, base)
    elif "kubernetes" in table:
        exec_prefix, terminal_prefix, logs_command = _kubernetes_preset(reader)
        since_option = "--since-time"
        replicas = _kubernetes_replicas(reader)

    if "exec" in table:
        exec_prefix, terminal_prefix = reader.command("exec", allow_empty=True), None
        # The user's own way in: the preset's way to each replica may not be theirs.
        replicas = None
    for key, other in (("replicas", "replica_exec"), ("replica_exec", "replicas")):
        if key in table and other not in table:
            reader.fail(other, f"missing: {key} needs it")
    if "replicas" in table:
        replica_exec = reader.command("replica_exec")
        if not any(_REPLICA in word for word in replica_exec):
            reader.fail("replica_exec", f"must contain {_REPLICA}, where each replica's word goes")
        replicas = (reader.command("replicas"), replica_exec)
    if "logs" in table:
        # A command of the user's own: its options are not known to berth.
        logs_command, since_option = reader.command("logs"), None
    local = _local(start) if name == LOCAL else None
    if exec_prefix is None:
        if local is None:
            reader.fail("exec", "missing: set exec = [...] or a compose or kubernetes preset")
        exec_prefix = ()

    env_file = reader.string("env_file") if "env_file" in table else None
    remote_shell = reader.flag("remote_shell") if "remote_shell" in table else False
    return DeploymentEnvironment(
        name=name,
        exec_prefix=exec_prefix,
        logs_command=logs_command,
        follow_args=reader.command("follow", allow_empty=True)
        if "follow" in table
        else _DEFAULT_FOLLOW,
        env_file=(base / env_file) if env_file else None,
        manage=reader.command("manage") if "manage" in table else _default_manage(local),
        terminal_exec_prefix=terminal_prefix,
        log_folder=local.log_folder if local is not None and logs_command is None else None,
        since_option=since_option,
        remote_shell=remote_shell,
        protected=reader.flag("protected") if "protected" in table else False,
        berth=reader.command("berth") if "berth" in table else _default_berth(local),
        replicas_command=replicas[0] if replicas else None,
        replica_exec=replicas[1] if replicas else None,
        config_file=config_file,
    )


def _default_manage(local: DeploymentEnvironment | None) -> tuple[str, ...]:
    return local.manage if local is not None else _DEFAULT_MANAGE


def _default_berth(local: DeploymentEnvironment | None) -> tuple[str, ...]:
    return local.berth if local is not None else _DEFAULT_BERTH


def _local(start: Path | None) -> DeploymentEnvironment:
    root = find_root(start)
    # Here and now, so the interpreter berth runs under (the project's virtualenv) and a
    # manage.py found from a subfolder, rather than whatever `python` is first on PATH.
    manage = (sys.executable, str(root / "manage.py")) if root else _DEFAULT_MANAGE
    folder = (root or (start or Path.cwd()).resolve()) / LOG_FOLDER
    return DeploymentEnvironment(
        name=LOCAL,
        exec_prefix=(),
        logs_command=None,
        manage=manage,
        log_folder=folder,
        # The berth running now, whichever virtualenv it is in.
        berth=(sys.executable, "-m", "berth"),
    )


def _compose(reader: TableReader, base: Path) -> tuple[tuple[str, ...], str]:
    """docker compose with the environment's file, and the web service's name."""
    # Absolute, so that berth works from any subfolder: docker compose reads -f from its cwd.
    compose = ("docker", "compose", "-f", str(base / reader.string("compose")))
    return compose, reader.string("service") if "service" in reader.table else _DEFAULT_SERVICE


def _kubectl(reader: TableReader) -> tuple[str, ...]:
    kubectl: tuple[str, ...] = ("kubectl",)
    if "context" in reader.table:
        kubectl += ("--context", reader.string("context"))
    if "namespace" in reader.table:
        kubectl += ("--namespace", reader.string("namespace"))
    return kubectl


def _compose_preset(
    reader: TableReader, base: Path
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    compose, service = _compose(reader, base)
    return (
        (*compose, "exec", "-T", service),
        (*compose, "exec", service),
        (*compose, "logs", "--no-color", service),
    )


def _compose_replicas(reader: TableReader, base: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    compose, service = _compose(reader, base)
    # The container's number is what `exec --index` takes; the name is what docker ps shows.
    listed = '{{.Label "com.docker.compose.container-number"}} {{.Name}}'
    return (
        (*compose, "ps", "--status", "running", "--format", listed, service),
        (*compose, "exec", "-T", "--index", _REPLICA, service),
    )


def _kubernetes_replicas(reader: TableReader) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    if "selector" not in reader.table:
        # Without a selector the target's pods cannot be listed: kubectl exec picks one.
        return None
    kubectl = _kubectl(reader)
    return (
        (*kubectl, "get", "pods", "-l", reader.string("selector"))
        + ("--field-selector", "status.phase=Running", "-o", "name"),
        (*kubectl, "exec", "-i", _REPLICA, "--"),
    )


def _kubernetes_preset(
    reader: TableReader,
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    target = reader.string("kubernetes")
    kubectl = _kubectl(reader)
    # Without a selector, --all-pods (kubectl 1.31+) still reaches every replica of the target.
    pods = (
        ("-l", reader.string("selector"))
        if "selector" in reader.table
        else (target, "--all-pods=true")
    )
    logs = ("logs", *pods, "--prefix", "--all-containers", "--max-log-requests", _MAX_LOG_REQUESTS)
    return (
        (*kubectl, "exec", "-i", target, "--"),
        (*kubectl, "exec", "-i", "-t", target, "--"),
        (*kubectl, *logs),
    )


_KEYS = (
    "exec",
    "remote_shell",
    "logs",
    "follow",
    "manage",
    "env_file",
    "compose",
    "service",
    "kubernetes",
    "namespace",
    "context",
    "selector",
    "protected",
    "berth",
    "replicas",
    "replica_exec",
)
_REPLICA = "{replica}"
_PRESET_ONLY = {
    "service": "compose",
    "namespace": "kubernetes",
    "context": "kubernetes",
    "selector": "kubernetes",
}
