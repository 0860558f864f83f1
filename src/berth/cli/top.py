"""``berth top``: what every worker of every replica of an environment serves now, and the
last minute."""

from __future__ import annotations

import json
import time
from typing import Any

import click

from berth.cli.ps import replica_reports
from berth.remote.environments import LOCAL
from berth.up.replica_status import ReplicaReport

__all__ = ["top", "top_snapshot"]

_REFRESH_SECONDS = 2.0


@click.command(short_help="What each worker serves now, and the last minute per replica.")
@click.argument("name", default=LOCAL)
@click.option("--once", is_flag=True, help="Print one snapshot and exit.")
@click.option(
    "--json", "as_json", is_flag=True, help="One JSON snapshot, for machines (implies --once)."
)
def top(name: str, once: bool, as_json: bool) -> int:
    """What each worker of each replica of environment NAME (default: local, the project's berth
    up) serves now (method, path, seconds so far), and per replica over the last minute:
    requests per second, p50/p95/p99, 4xx and 5xx, the slowest requests.

    Refreshed every 2 s until Ctrl-C, unless --once or --json. A replica that does not answer
    within 1 s (plus 4 s for an exec channel) is shown as unreachable; the others are shown all
    the same.
    """
    if as_json:
        click.echo(json.dumps(top_snapshot(replica_reports(name))))
        return 0
    try:
        while True:
            snapshot = top_snapshot(replica_reports(name))
            lines = _lines(snapshot)
            if once:
                click.echo("\n".join(lines))
                return 0
            click.clear()
            click.echo("\n".join([time.strftime("%H:%M:%S"), *lines]))
            time.sleep(_REFRESH_SECONDS)
    except KeyboardInterrupt:
        return 0


def top_snapshot(reports: list[ReplicaReport]) -> dict[str, Any]:
    """The replicas as ``--json`` prints them."""
    return {"replicas": [_replica(report) for report in reports]}


def _replica(report: ReplicaReport) -> dict[str, Any]:
    status = report.status
    if status is None:
        return {"replica": report.name, "state": "unreachable", "problem": report.problem}
    return {
        "replica": report.name,
        "state": "ready" if report.ready else "starting",
        "problem": None,
        "pid": report.pid,
        "uptime_seconds": status.get("uptime_seconds"),
        "restarts": status.get("workers_exited"),
        "last_minute": status.get("last_minute"),
        "workers": [
            {
                "pid": worker.get("pid"),
                "request": worker.get("request"),
                "last_minute": _without_slowest(worker.get("last_minute")),
            }
            for worker in status.get("worker_list", [])
        ],
    }


def _without_slowest(last_minute: Any) -> Any:
    if not isinstance(last_minute, dict):
        return last_minute
    return {key: value for key, value in last_minute.items() if key != "slowest"}


def _lines(snapshot: dict[str, Any]) -> list[str]:
    lines = []
    for replica in snapshot["replicas"]:
        if replica["state"] == "unreachable":
            lines.append(f"{replica['replica']}  unreachable: {replica['problem']}")
            continue
        minute = replica.get("last_minute") or {}
        responses = minute.get("responses", {})
        lines.append(
            f"{replica['replica']}  {replica['state']}  restarts {replica['restarts']}  "
            f"{minute.get('requests_per_second', 0):.1f} req/s  "
            f"p50 {_ms(minute.get('p50'))}  p95 {_ms(minute.get('p95'))}  "
            f"p99 {_ms(minute.get('p99'))}  4xx {responses.get('4xx', 0)}  "
            f"5xx {responses.get('5xx', 0)}  (last {minute.get('seconds', 0):.0f} s)"
        )
        for worker in replica["workers"]:
            request = worker["request"]
            doing = (
                f"{request['method']} {request['path']}  {request['seconds']:.1f} s"
                if request
                else "idle"
            )
            lines.append(f"  worker {worker['pid']}  {doing}")
        for slow in minute.get("slowest", [])[:3]:
            lines.append(f"  slowest  {slow['seconds']:.3f} s  {slow['request']}")
    return lines


def _ms(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:.0f} ms"
