"""``berth wait`` and ``berth migrate``: the start-up steps a replica or a one-off job runs."""

from __future__ import annotations

import click

from berth.project import find_project, setup_django

__all__ = ["migrate", "wait"]


@click.command()
@click.option(
    "--timeout",
    type=click.FloatRange(min=0),
    default=60,
    show_default=True,
    help="Seconds to wait in all.",
)
def wait(timeout: float) -> None:
    """Wait until the database, the bucket and the cache answer, or fail naming the one that did not."""
    setup_django(find_project())
    from berth.waiting import wait_for_services

    wait_for_services(timeout)
    click.echo("berth: database, storage and cache are ready", err=True)


@click.command()
@click.option("--database", default="default", show_default=True, help="Database alias.")
@click.option(
    "--lock-timeout",
    type=click.FloatRange(min=0),
    default=600,
    show_default=True,
    help="Seconds to wait for another process's migration to finish.",
)
@click.option(
    "--wait",
    "wait_timeout",
    type=click.FloatRange(min=0),
    default=60,
    show_default=True,
    help="Seconds to wait for the database first (0: don't wait).",
)
def migrate(database: str, lock_timeout: float, wait_timeout: float) -> None:
    """Apply migrations once, under a lock: safe from any number of replicas or jobs at once."""
    setup_django(find_project())
    from berth.health import SERVICE_CHECKS
    from berth.migrate import migrate_once
    from berth.waiting import wait_for_services

    if wait_timeout:
        # Migrations need the database alone; storage may come up later without harm.
        wait_for_services(wait_timeout, checks=[c for c in SERVICE_CHECKS if c[0] == "database"])
    migrate_once(database, lock_timeout=lock_timeout)
