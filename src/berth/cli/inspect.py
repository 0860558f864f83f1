"""``berth inspect``: the Python stack of every thread of every worker of an environment, right
now."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import click

from berth.cli.ps import replica_channels, replica_reports
from berth.remote.environments import LOCAL, DeploymentEnvironment
from berth.up.replica_status import TIME_BOUND

__all__ = ["inspect"]

# Seconds per replica: each worker's dump takes milliseconds; a worker that never writes one
# (gone, or not answering signals) is waited for up to 1 s inside the replica.
_TIME_BOUND = 2.0


@click.command(short_help="The Python stack of every thread of every worker.")
@click.argument("name", default=LOCAL)
@click.option("--replica", "replicas", multiple=True, help="Only this replica (repeatable).")
@click.option("--worker", "workers", type=int, multiple=True, help="Only this worker's pid.")
@click.option("--native", is_flag=True, help="With py-spy (needs ptrace): C frames too.")
@click.option(
    "--locals", "with_locals", is_flag=True, help="With py-spy (needs ptrace): local variables."
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object, for machines.")
def inspect(
    name: str,
    replicas: tuple[str, ...],
    workers: tuple[int, ...],
    native: bool,
    with_locals: bool,
    as_json: bool,
) -> int:
    """The Python stack of every thread of every worker of environment NAME (default: local,
    the project's berth up), with the request each worker serves.

    Taken inside each worker by faulthandler (no ptrace, no extra capability): it shows a
    worker stuck in a C call or in a Python loop too. Innermost call last, as in a traceback.
    With --native or --locals, py-spy takes them instead, where the worker runs: it needs
    ptrace there (berth init --ptrace) and py-spy installed.
    """
    if native or with_locals:
        shown = _py_spy(name, replicas, workers, native, with_locals)
    else:
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
                click.echo(f"  (no stack: {worker.get('problem') or 'the worker did not answer'})")
                continue
            for thread in worker["threads"]:
                click.echo(f"  thread {thread['thread']}")
                for frame in reversed(thread["frames"]):
                    click.echo(
                        f'    File "{frame["file"]}", line {frame["line"]}, in {frame["function"]}'
                    )
                    for variable, value in (frame.get("locals") or {}).items():
                        click.echo(f"      {variable} = {value}")
    return 0


def _py_spy(
    name: str,
    replicas: tuple[str, ...],
    workers: tuple[int, ...],
    native: bool,
    with_locals: bool,
) -> list[dict[str, Any]]:
    """Each replica's workers (from its /status), each dumped by py-spy where it runs, all at
    once."""
    from berth.remote.py_spy import py_spy_threads

    jobs: list[tuple[dict[str, Any], DeploymentEnvironment, int]] = []
    shown = []
    for report, environment in replica_channels(name, TIME_BOUND, "/status", replicas):
        entry: dict[str, Any] = {"replica": report.name, "problem": report.problem}
        if report.status is not None:
            entry["workers"] = []
            for worker in report.status.get("worker_list", []):
                pid = worker.get("pid")
                if isinstance(pid, int) and (not workers or pid in workers):
                    shown_worker = {"pid": pid, "request": worker.get("request")}
                    entry["workers"].append(shown_worker)
                    jobs.append((shown_worker, environment, pid))
        shown.append(entry)
    if jobs:
        with ThreadPoolExecutor(max_workers=len(jobs), thread_name_prefix="berth-py-spy") as pool:
            dumps = pool.map(
                lambda job: py_spy_threads(job[1], job[2], native=native, with_locals=with_locals),
                jobs,
            )
            for (shown_worker, _, _), (threads, problem) in zip(jobs, dumps, strict=True):
                shown_worker["threads"], shown_worker["problem"] = threads, problem
    return shown
