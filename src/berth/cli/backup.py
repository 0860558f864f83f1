"""``berth backup upload``: file a database dump in the bucket and prune old ones."""

from __future__ import annotations

from pathlib import Path

import click

from berth.backups import BACKUP_PREFIX, Bucket, prune_backups, upload_backup
from berth.errors import ConfigurationError
from berth.variables import read_environment

__all__ = ["backup"]


@click.group()
def backup() -> None:
    """Database backups in the bucket of STORAGE_URL."""


@backup.command()
@click.argument("dump", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--keep", type=click.IntRange(min=1), default=14, show_default=True)
@click.option("--prefix", default=BACKUP_PREFIX, show_default=True, help="Key prefix.")
def upload(dump: Path, keep: int, prefix: str) -> None:
    """Upload DUMP (pg_dump -Fc) as PREFIX/db-<UTC time>.dump; keep the newest KEEP."""
    url = read_environment().get("STORAGE_URL")
    if not url:
        raise ConfigurationError("STORAGE_URL", "is not set; backups go to its bucket")
    bucket = Bucket.from_storage_url(url)
    prefix = prefix.strip("/") + "/"
    try:
        key = upload_backup(bucket, dump, prefix=prefix)
        click.echo(f"uploaded {key}")
        for old in prune_backups(bucket, keep, prefix=prefix):
            click.echo(f"deleted {old}")
    finally:
        bucket.client.close()
