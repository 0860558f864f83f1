"""``berth verify``: prove the replicas keep no state of their own."""

from __future__ import annotations

import json
from pathlib import Path

import click

from berth.project import find_project
from berth.verify.builtin import builtin_flows
from berth.verify.doctor_hint import DoctorHint, doctor_hints
from berth.verify.flows import load_flows
from berth.verify.runner import Report, run_flows
from berth.verify.target import Target

__all__ = ["verify"]

DEFAULT_FLOWS = "berth_flows.py"


@click.command()
@click.option(
    "--replica",
    "replica_urls",
    multiple=True,
    metavar="URL",
    help="A replica's own URL (repeat); default: the replicas of berth up in this project.",
)
@click.option(
    "--flows",
    "flows_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help=f"The project's own flows, run after the built-in ones; default: {DEFAULT_FLOWS} "
    "beside manage.py, when there is one.",
)
@click.option(
    "--no-builtin",
    is_flag=True,
    help="Only the flows file's flows: skip the login, messages, storage and cache flows.",
)
@click.option(
    "--no-restart",
    is_flag=True,
    help="Skip restarting every replica (always skipped for URLs given with --replica).",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON document, for machines.")
def verify(
    replica_urls: tuple[str, ...],
    flows_path: Path | None,
    no_builtin: bool,
    no_restart: bool,
    as_json: bool,
) -> None:
    """Write state through one replica, read it through the others and after a restart."""
    root = find_project().root if flows_path is None or not replica_urls else None
    flows_file = flows_path or (root or Path.cwd()) / DEFAULT_FLOWS
    flows = [] if no_builtin else builtin_flows()
    # A flows file is the project's addition: only one asked for by name must exist.
    if flows_path is not None or flows_file.is_file() or no_builtin:
        flows += load_flows(flows_file)
    target = (
        Target.from_urls(list(replica_urls)) if replica_urls else Target.from_up(root or Path.cwd())
    )

    def progress(message: str) -> None:
        if not as_json:
            click.echo(f"berth | {message}", err=True)

    report = run_flows(flows, target, restart=not no_restart, progress=progress)
    # The static twin's view of what was lost: the project is this folder's, else the flows'.
    hints = doctor_hints(report, [Path.cwd(), flows_file.resolve().parent])
    if as_json:
        document = report.as_dict()
        for flow in document["flows"]:
            hint = hints.get(flow["name"])
            flow["doctor"] = hint.as_dict() if hint else None
        click.echo(json.dumps(document, indent=2))
    else:
        _print(report, hints)
    # Nothing proven is no proof: a run whose every flow was skipped (or only warned) fails too.
    if not report.held or not any(flow.held for flow in report.flows):
        raise click.exceptions.Exit(1)


def _print(report: Report, hints: dict[str, DoctorHint]) -> None:
    for flow in report.flows:
        if flow.skipped is not None:
            click.echo(f"{click.style('skip', fg='yellow')}  {flow.name}: {flow.skipped}")
            continue
        if flow.held:
            mark = click.style("held", fg="green")
        elif flow.warns_only:
            mark = click.style("warn", fg="yellow")
        else:
            mark = click.style("LOST", fg="red")
        click.echo(f"{mark}  {flow.name}")
        cause = None
        for failure in flow.failures:
            click.echo(
                f"      {failure.phase} (written on {failure.written_on}, read on "
                f"{failure.read_on}): {failure.problem}"
            )
            # Once per run of failures with one cause: a state lost on every replica said
            # the same paragraph under each of them.
            if failure.likely_cause != cause:
                cause = failure.likely_cause
                click.echo(f"      cause: {cause}")
        hint = hints.get(flow.name)
        for line in hint.lines() if hint else ():
            click.echo(f"      {line}")
        if flow.leftover:
            click.echo(f"      left behind (delete it by hand): {flow.leftover}")
    held = sum(flow.held for flow in report.flows)
    skipped = sum(flow.skipped is not None for flow in report.flows)
    ran = len(report.flows) - skipped
    warned = sum(bool(flow.failures) and flow.warns_only for flow in report.flows)
    restart = "with" if report.restarted else "without"
    notes = [f"{skipped} skipped"] * bool(skipped) + [f"{warned} warned"] * bool(warned)
    click.echo(
        f"{held} of {ran} flows held across {len(report.replicas)} replicas, {restart} a "
        f"restart" + (f" ({', '.join(notes)})" if notes else "")
    )
