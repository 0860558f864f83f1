"""``berth env [ENVIRONMENT]``: what Django will use, where each value came from, secrets masked."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from berth.config.effective import Effective, effective
from berth.config.variables import VARIABLES
from berth.errors import BerthError, ConfigurationError
from berth.project.discovery import find_root

__all__ = ["env"]

# What an environment's own variables replace in this shell's: berth's and the settings module.
_REPLACED = frozenset({variable.name for variable in VARIABLES} | {"DJANGO_SETTINGS_MODULE"})


@click.command()
@click.argument("environment", required=False)
@click.option("--json", "as_json", is_flag=True, help="One JSON document, for machines.")
def env(environment: str | None, as_json: bool) -> int:
    """Show what Django will use: each variable, its source (environment, the project's
    settings file and line, berth's default) and what it resolved to.

    With ENVIRONMENT, that environment's: the variables of its env_file; for local,
    exactly what the running berth up gives its replicas.
    """
    root = find_root()
    if environment is None:
        report = effective(os.environ, root)
    else:
        variables, server = _environment(environment, root)
        report = effective(variables, root, server=server)
    if as_json:
        document = {
            "environment": environment,
            "settings": report.settings,
            "variables": report.rows,
            "embedded": report.embedded,
            "errors": report.errors,
        }
        click.echo(json.dumps(document, indent=2))
    else:
        _show(report)
    for error in report.errors:
        click.echo(f"berth: {error}", err=True)
    return ConfigurationError.exit_code if report.errors else 0


def _environment(name: str, root: Path | None) -> tuple[dict[str, str], str]:
    """This shell's variables with ``name``'s own in place of berth's, and its server."""
    from berth.remote.environments import LOCAL, get_environment

    environment = get_environment(name)
    own = environment.env_values()
    if name == LOCAL:
        from berth.up.attach import NotRunning, attach

        try:
            own = {**attach(root or Path.cwd()).variables, **own}
        except NotRunning as error:
            if environment.env_file is None:
                raise NotRunning(f"local is what berth up's replicas get: {error}") from None
        server = "gunicorn"  # what berth up runs each replica under
    elif environment.env_file is None:
        raise BerthError(
            f"environment {name!r} has no env_file, so its variables are only in its "
            f"containers: berth exec {name} -- berth env shows them there"
        )
    else:
        server = "its server"
    kept = {key: value for key, value in os.environ.items() if key not in _REPLACED}
    return {**kept, **own}, server


def _show(report: Effective) -> None:
    console = Console()
    if not console.is_terminal:
        for row in report.rows:
            resolved = f"  -> {row['resolved']}" if row["resolved"] else ""
            source = f"{row['source']} {row['where']}".strip()
            click.echo(f"{row['name']}={row['value']}  [{source}]{resolved}")
        return
    table = Table(box=None, header_style="bold")
    for column in ("variable", "source", "value", "resolved"):
        # Folded, never cut with an ellipsis: a path's end and a line number are the point.
        table.add_column(column, overflow="fold")
    for row in report.rows:
        style = "dim" if row["source"] == "default" else ""
        source = f"{row['source']} {row['where']}".strip()
        cells = (row["name"], source, row["value"], row["resolved"])
        table.add_row(*(escape(cell) for cell in cells), style=style)
    console.print(table)
    if report.settings is None:
        console.print("[dim]No manage.py here or above: berth's defaults, without a project.[/dim]")
    else:
        console.print(f"[dim]Settings: {escape(report.settings)}[/dim]")
    if report.embedded:
        console.print(
            f"[yellow]Using berth's embedded {' and '.join(report.embedded)}: "
            "fine on your machine, lost in a container.[/yellow]"
        )
