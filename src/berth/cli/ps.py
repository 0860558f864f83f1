"""``berth ps``: one row per replica of berth up, from each replica's own scoreboard."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from berth.errors import ConfigurationError
from berth.project.discovery import find_root
from berth.remote.environments import LOCAL, get_environment
from berth.up.replica_status import ReplicaReport, ask_replicas, running_replicas

__all__ = ["berth_up_project", "ps", "ps_rows"]

_COLUMNS = ("replica", "state", "uptime", "restarts", "busy", "idle", "in flight", "rss", "cpu")


@click.command(short_help="Each replica: state, uptime, worker restarts, busy/idle, RSS, CPU.")
@click.argument("name", default=LOCAL)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per replica, for machines.")
def ps(name: str, as_json: bool) -> int:
    """Every replica of environment NAME (default: local, the project's berth up): its state,
    uptime, worker restarts, workers busy and idle, requests in flight, memory and CPU.

    Each replica is asked on its HEALTH_PORT, all at once, each within 1 s: a replica that does
    not answer is a row saying so.
    """
    rows = ps_rows(berth_up_project(name, "ps"))
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


def ps_rows(project: Path) -> list[dict[str, Any]]:
    """One dict per replica of the berth up running in ``project``: what ``--json`` prints."""
    return [_row(report) for report in ask_replicas(running_replicas(project))]


def berth_up_project(name: str, command: str) -> Path:
    """The project whose berth up environment ``name`` is; a one-line error for any other."""
    environment = get_environment(name)
    if not environment.is_berth_up:
        raise ConfigurationError(
            f"environment {name!r}",
            f"berth {command} reaches berth up's replicas only (local) so far; "
            "Compose, Kubernetes and SSH are not supported yet",
        )
    return find_root() or Path.cwd()


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
