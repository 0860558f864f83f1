"""``berth logs``: the logs of every replica of an environment, merged, filtered and readable."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import click

from berth.errors import BerthError, ConfigurationError
from berth.remote.commands import program_not_found, shown_command
from berth.remote.environments import LOCAL, DeploymentEnvironment, get_environment
from berth.remote.log_files import follow_folder, read_folder
from berth.remote.log_lines import (
    LogFilter,
    LogLine,
    format_line,
    neutralise_json,
    parse_line,
    split_prefix,
)
from berth.up.datadir import DataDir

__all__ = ["NoLocalLogs", "logs", "parse_since"]

_LEVEL_NAMES = ("debug", "info", "warning", "error", "critical")
_DURATION = re.compile(r"\A(?P<count>\d+)(?P<unit>[smhd])\Z")
_UNITS = {"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}


class NoLocalLogs(BerthError):
    """``berth logs`` was asked for the local logs where no ``berth up`` has written any."""


def parse_since(text: str, now: datetime | None = None) -> datetime:
    """``10m``, ``2h``, ``30s``, ``1d`` before ``now``, or an ISO 8601 time (local when it has no zone)."""
    match = _DURATION.match(text.strip())
    if match:
        delta = timedelta(**{_UNITS[match.group("unit")]: int(match.group("count"))})
        return (now or datetime.now().astimezone()) - delta
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is neither a duration (10m, 2h) nor an ISO time") from None
    # A naive time is the user's wall clock; astimezone() says so explicitly.
    return moment if moment.tzinfo else moment.astimezone()


def _since_option(ctx: click.Context, param: click.Parameter, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return parse_since(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


@click.command()
@click.argument("name", default=LOCAL)
@click.option("-f", "--follow", is_flag=True, help="Keep printing new lines until Ctrl-C.")
@click.option(
    "--level",
    type=click.Choice(_LEVEL_NAMES, case_sensitive=False),
    help="Lowest level shown: warning shows WARNING, ERROR and CRITICAL.",
)
@click.option("--request-id", help="Only this request's lines (a full id or its first characters).")
@click.option(
    "--replica", "replicas", multiple=True, help="Only this replica (repeatable): web-1, a pod."
)
@click.option("--since", callback=_since_option, help="Only lines since 10m, 2h, … or an ISO time.")
@click.option("--json", "as_json", is_flag=True, help="The original JSON lines, for machines.")
def logs(
    name: str,
    follow: bool,
    level: str | None,
    request_id: str | None,
    replicas: tuple[str, ...],
    since: datetime | None,
    as_json: bool,
) -> int:
    """Show the logs of every replica of environment NAME (default: local, the project's berth up).

    Lines that are not JSON (gunicorn before Django starts, stray tracebacks) are shown as text,
    unless --level, --request-id, --since or --json is given.
    """
    environment = get_environment(name)
    printer = _Printer(
        LogFilter(level=level, request_id=request_id, replicas=frozenset(replicas), since=since),
        as_json=as_json,
        color=not as_json and sys.stdout.isatty() and "NO_COLOR" not in os.environ,
    )
    if environment.logs_command is not None:
        return _run_logs_command(environment, follow, since, printer)
    if environment.log_folder is None:
        raise ConfigurationError(
            f"environment {name!r}",
            f"has no logs command: set logs = [...], compose or kubernetes in {environment.config_file}",
        )
    return _local_logs(environment.log_folder, follow, since, printer)


@dataclass
class _Printer:
    log_filter: LogFilter
    as_json: bool
    color: bool
    width: int = 0

    def print(self, lines: Iterable[LogLine]) -> None:
        for line in lines:
            if not self.log_filter.matches(line):
                continue
            if self.as_json:
                # Machines get JSON only; the text lines have no fields to give them.
                if line.record is not None:
                    click.echo(neutralise_json(line.raw))
                continue
            self.width = max(self.width, len(line.replica))
            click.echo(format_line(line, color=self.color, width=self.width), color=self.color)
        # Someone following through a pipe (| grep) wants each batch as it comes.
        sys.stdout.flush()


def _run_logs_command(
    environment: DeploymentEnvironment, follow: bool, since: datetime | None, printer: _Printer
) -> int:
    assert environment.logs_command is not None
    command = list(environment.logs_command)
    if since is not None and environment.since_option is not None:
        # The platform starts there, rather than berth reading all history to drop it.
        command.append(f"{environment.since_option}={since.astimezone(UTC):%Y-%m-%dT%H:%M:%SZ}")
    elif follow:
        command.extend(environment.from_end_args)
    if follow:
        command.extend(environment.follow_args)
    click.echo(f"[{environment.name}] $ {shown_command(command)}", err=True)
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
        )
    except FileNotFoundError:
        raise program_not_found(environment, command[0]) from None
    with process:
        assert process.stdout is not None
        try:
            for raw in process.stdout:
                printer.print([_prefixed_line(environment, raw)])
            return process.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            if process.poll() is None:
                process.terminate()


def _prefixed_line(environment: DeploymentEnvironment, raw: str) -> LogLine:
    replica, rest = split_prefix(raw.rstrip("\r\n"))
    line = parse_line(replica or "", rest)
    if replica is None:
        # One container's logs (`docker logs app`) carry no prefix: its records name it.
        own = line.record.get("replica") if line.record else None
        line = replace(line, replica=own if isinstance(own, str) and own else environment.name)
    return line


def _local_logs(folder: Path, follow: bool, since: datetime | None, printer: _Printer) -> int:
    if not folder.is_dir():
        raise NoLocalLogs(
            f"no local `berth up` has run in {folder.parent.parent} ({folder} does not exist)"
        )
    if not follow:
        printer.print(read_folder(folder, since))
        return 0
    project = folder.parent.parent
    if DataDir(project).running_state() is None:
        # Following a stopped berth up waits for the next one; say so, or it looks hung.
        click.echo(
            f"berth: no berth up is running in {project}: waiting for one to start (Ctrl-C stops)",
            err=True,
        )
    try:
        for batch in follow_folder(folder, since):
            printer.print(batch)
    except KeyboardInterrupt:
        pass
    return 0
