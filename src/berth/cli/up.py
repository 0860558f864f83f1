"""``berth up``: the project as several disposable replicas behind one entry point, with real services."""

from __future__ import annotations

import click

from berth.project import find_project

__all__ = ["up"]


@click.command()
@click.option(
    "--replicas",
    type=click.IntRange(1, 32),
    default=2,
    show_default=True,
    help="How many replicas to run.",
)
@click.option(
    "--port",
    type=click.IntRange(1, 65535),
    default=8000,
    show_default=True,
    help="Entry point's port.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Entry point's address.")
@click.option(
    "--restart-every",
    type=click.FloatRange(min=1),
    default=None,
    metavar="SECONDS",
    help="Restart every replica with a fresh tree, one at a time, this often.",
)
def up(replicas: int, port: int, host: str, restart_every: float | None) -> None:
    """Run the project in this folder as disposable replicas, as containers would.

    Starts PostgreSQL and an S3 server with their data in .berth/ where DATABASE_URL and
    STORAGE_URL are unset, migrates once, then serves REPLICAS copies of the project under
    gunicorn, each from its own throwaway copy of the tree, behind a round-robin entry point.
    Ctrl-C stops everything; SIGUSR1 restarts every replica with a fresh tree.
    """
    from berth.up import UpOptions, run_up

    options = UpOptions(replicas=replicas, host=host, port=port, restart_every=restart_every)
    run_up(find_project(), options)
