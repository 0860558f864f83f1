"""``berth wait``, ``berth migrate`` and ``berth backup``: the one-off jobs a container runs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from berth.config.variables import read_environment
from berth.errors import ConfigurationError
from berth.jobs.backups import BACKUP_PREFIX, Bucket, check_private, prune_backups, upload_backup
from berth.project import find_project, setup_django

__all__ = ["backup", "migrate", "wait"]


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
    from berth.jobs.wait import wait_for_services

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
    from berth.jobs.migrate import migrate_once
    from berth.jobs.wait import wait_for_services
    from berth.runtime.health import SERVICE_CHECKS

    if wait_timeout:
        # Migrations need the database alone; storage may come up later without harm.
        wait_for_services(wait_timeout, checks=[c for c in SERVICE_CHECKS if c[0] == "database"])
    migrate_once(database, lock_timeout=lock_timeout)


@click.group()
def backup() -> None:
    """Database backups in the bucket of STORAGE_URL."""


@backup.command()
@click.argument("dump", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--keep", type=click.IntRange(min=1), default=14, show_default=True)
@click.option(
    "--prefix",
    default=None,
    help=f"Key prefix [default: BACKUP_URL's, else {BACKUP_PREFIX}PREFIX/ beside STORAGE_URL's media under PREFIX/].",
)
def upload(dump: Path, keep: int, prefix: str | None) -> None:
    """Upload DUMP (a berth dump, or pg_dump -Fc) as PREFIX/db-<UTC time>.dump; keep the newest KEEP.

    berth db backup does the dump and the upload in one go, without a file; berth db
    backups lists what is there and berth db restore latest restores the newest.
    """
    environment = read_environment()
    url = environment.get("STORAGE_URL")
    if not url:
        raise ConfigurationError("STORAGE_URL", "is not set; backups go to its bucket")
    bucket = Bucket.from_storage_url(url, environment.get("BACKUP_URL"))
    if prefix is not None:
        bucket = dataclasses.replace(bucket, prefix=prefix.strip("/") + "/")
    try:
        check_private(bucket)
        key = upload_backup(bucket, dump)
        click.echo(f"uploaded {key}")
        for old in prune_backups(bucket, keep):
            click.echo(f"deleted {old}")
    finally:
        bucket.client.close()
