"""``berth env``: the effective configuration, where each value came from, secrets masked."""

from __future__ import annotations

import json

import click
from rich.console import Console
from rich.table import Table

from berth.config.resolve import Configuration, resolve
from berth.config.variables import read_environment

__all__ = ["env"]


@click.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON document, for machines.")
def env(as_json: bool) -> int:
    """Show each variable, whether it came from the environment or a default, and its backend."""
    config = resolve(read_environment())
    _show(config, as_json)
    for error in config.errors:
        click.echo(f"berth: {error}", err=True)
    return 2 if config.errors else 0


def _show(config: Configuration, as_json: bool) -> None:
    rows = [
        {
            "name": line.variable,
            "source": line.source.value,
            "value": line.value,
            "resolved": line.resolved,
        }
        for line in config.report
    ]
    if as_json:
        click.echo(json.dumps({"variables": rows, "embedded": sorted(config.embedded)}, indent=2))
        return
    console = Console()
    if not console.is_terminal:
        for row in rows:
            resolved = f"  -> {row['resolved']}" if row["resolved"] else ""
            click.echo(f"{row['name']}={row['value']}  [{row['source']}]{resolved}")
        return
    table = Table("variable", "source", "value", "resolved", box=None, header_style="bold")
    for row in rows:
        style = "dim" if row["source"] == "default" else ""
        table.add_row(row["name"], row["source"], row["value"], row["resolved"], style=style)
    console.print(table)
    if config.embedded:
        console.print(
            f"[yellow]Using berth's embedded {' and '.join(sorted(config.embedded))}: "
            "fine on your machine, lost in a container.[/yellow]"
        )
