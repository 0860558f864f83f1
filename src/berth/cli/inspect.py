"""``berth inspect``: the Python stack of every thread of every worker of an environment, right
now."""

from __future__ import annotations

import json
from typing import Any

import click

from berth.cli.ps import replica_reports
from berth.remote.environments import LOCAL

__all__ = ["inspect"]

# Seconds per replica: each worker's dump takes milliseconds; a worker that never writes one
# (gone, or not answering signals) is waited for up to 1 s inside the replica.
_TIME_BOUND = 2.0


@click.command(short_help="The Python stack of every thread of every worker.")
@click.argument("name", default=LOCAL)
@click.option("--replica", "replicas", multiple=True, help="Only this replica (repeatable).")
@click.option("--worker", "workers", type=int, multiple=True, help="Only this worker's pid.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object, for machines.")
def inspect(name: str, replicas: tuple[str, ...], workers: tuple[int, ...], as_json: bool) -> int:
    """The Python stack of every thread of every worker of environment NAME (default: local,
    the project's berth up), with the request each worker serves.

    Taken inside each worker by faulthandler (no ptrace, no extra capability): it shows a
    worker stuck in a C call or in a Python loop too. Innermost call last, as in a traceback.
    """
    shown = []
    for report in replica_reports(name, _TIME_BOUND, "/stacks", replicas):
        entry: dict[str, Any] = {"replica": report.name, "problem": report.problem}
        if report.status is not None:
            entry["workers"] = [
                worker
                for worker in report.status.get("workers", [])
                if not workers or worker.get("pid") in workers
            ]
        shown.append(entry)
    if as_json:
        click.echo(json.dumps({"replicas": shown}))
        return 0
    for entry in shown:
        if entry["problem"]:
            click.echo(f"{entry['replica']}  unreachable: {entry['problem']}")
            continue
        for worker in entry["workers"]:
            request = worker["request"]
            doing = (
                f"{request['method']} {request['path']}  {request['seconds']:.1f} s"
                if request
                else "idle"
            )
            click.echo(f"{entry['replica']}  worker {worker['pid']}  {doing}")
            if worker["threads"] is None:
                click.echo("  (no stack: the worker did not answer in time)")
                continue
            for thread in worker["threads"]:
                click.echo(f"  thread {thread['thread']}")
                for frame in reversed(thread["frames"]):
                    click.echo(
                        f'    File "{frame["file"]}", line {frame["line"]}, in {frame["function"]}'
                    )
    return 0
