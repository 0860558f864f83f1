"""``berth ps``: one row per replica of an environment, from each replica's own scoreboard;
and how ``ps``, ``top`` and ``inspect`` reach the replicas (berth up's directly, the others
through their exec channel)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from berth.project.discovery import find_root
from berth.remote.environments import LOCAL, DeploymentEnvironment, get_environment
from berth.up.replica_status import TIME_BOUND, ReplicaReport, ask_replicas, running_replicas

__all__ = ["ps", "ps_rows", "replica_channels", "replica_reports"]

_COLUMNS = ("replica", "state", "uptime", "restarts", "busy", "idle", "in flight", "rss", "cpu")


@click.command(short_help="Each replica: state, uptime, worker restarts, busy/idle, RSS, CPU.")
@click.argument("name", default=LOCAL)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per replica, for machines.")
def ps(name: str, as_json: bool) -> int:
    """Every replica of environment NAME (default: local, the project's berth up): its state,
    uptime, worker restarts, workers busy and idle, requests in flight, memory and CPU.

    Each replica is asked on its HEALTH_PORT, all at once, each within 1 s (plus 4 s for an
    exec channel: Compose, Kubernetes, SSH): a replica that does not answer is a row saying so.
    """
    rows = ps_rows(name)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row))
        return 0
    table = [list(_COLUMNS)] + [_cells(row) for row in rows]
    widths = [max(len(line[i]) for line in table) for i in range(len(_COLUMNS))]
    for line in table:
        cells = (cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        click.echo("  ".join(cells).rstrip())
    for row in rows:
        if row["problem"]:
            click.echo(f"{row['replica']}: {row['problem']}", err=True)
    return 0


def ps_rows(name: str) -> list[dict[str, Any]]:
    """One dict per replica of environment ``name``: what ``--json`` prints."""
    return [_row(report) for report in replica_reports(name)]


def replica_reports(
    name: str,
    time_bound: float = TIME_BOUND,
    path: str = "/status",
    only: tuple[str, ...] = (),
) -> list[ReplicaReport]:
    """Each replica of environment ``name`` (those named in ``only``, if any), asked at
    ``path`` on its HEALTH_PORT: berth up's directly, the others' through their exec channel."""
    return [report for report, _ in replica_channels(name, time_bound, path, only)]


def replica_channels(
    name: str, time_bound: float, path: str, only: tuple[str, ...] = ()
) -> list[tuple[ReplicaReport, DeploymentEnvironment]]:
    """As :func:`replica_reports`, each with the environment that runs a command in that
    replica (berth up's: here)."""
    environment = get_environment(name)
    if environment.is_berth_up:
        running = running_replicas(find_root() or Path.cwd())
        chosen = [replica for replica in running if not only or replica.get("name") in only]
        return [(report, environment) for report in ask_replicas(chosen, time_bound, path)]
    # Imported here: berth up's own commands never need the exec channel's code.
    from berth.remote.replicas import ask_environment, list_replicas

    listed = [replica for replica in list_replicas(environment) if not only or replica.name in only]
    reports = ask_environment(listed, time_bound, path)
    return [(report, replica.environment) for report, replica in zip(reports, listed, strict=True)]


def _row(report: ReplicaReport) -> dict[str, Any]:
    status = report.status
    state = "unreachable" if status is None else "ready" if report.ready else "starting"
    workers = status.get("workers", {}) if status else {}
    return {
        "replica": report.name,
        "state": state,
        "pid": report.pid,
        "uptime_seconds": status.get("uptime_seconds") if status else None,
        "restarts": status.get("workers_exited") if status else None,
        "workers_busy": workers.get("busy"),
        "workers_idle": workers.get("idle"),
        "in_flight": status.get("in_flight") if status else None,
        "rss_bytes": status.get("rss_bytes") if status else None,
        "cpu_seconds": status.get("cpu_seconds") if status else None,
        "problem": report.problem,
    }


def _cells(row: dict[str, Any]) -> list[str]:
    def shown(value: Any, form: str = "{}") -> str:
        return "-" if value is None else form.format(value)

    uptime = row["uptime_seconds"]
    return [
        row["replica"],
        row["state"],
        "-" if uptime is None else _duration(uptime),
        shown(row["restarts"]),
        shown(row["workers_busy"]),
        shown(row["workers_idle"]),
        shown(row["in_flight"]),
        "-" if row["rss_bytes"] is None else f"{row['rss_bytes'] / 2**20:.0f} MiB",
        shown(row["cpu_seconds"], "{:.1f} s"),
    ]


def _duration(seconds: float) -> str:
    whole = int(seconds)
    if whole < 60:
        return f"{whole}s"
    if whole < 3600:
        return f"{whole // 60}m{whole % 60:02d}s"
    return f"{whole // 3600}h{whole % 3600 // 60:02d}m"
