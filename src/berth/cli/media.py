"""``berth media``: sync media between storages, environments and folders; pull and push."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import click

from berth.transfer.errors import RefusedError
from berth.transfer.locations import Location, open_location
from berth.transfer.s3_store import S3Store
from berth.transfer.sync import Plan, SyncOptions, sync

__all__ = ["media"]


def _options(function: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(
        [
            click.option(
                "--delete", is_flag=True, help="Delete what the target has and the source has not."
            ),
            click.option(
                "--dry-run", "-n", is_flag=True, help="Show what would change; change nothing."
            ),
            click.option(
                "--checksum", "-c", is_flag=True, help="Compare content (MD5), not size and time."
            ),
            click.option(
                "--transfers",
                type=click.IntRange(1, 128),
                default=16,
                show_default=True,
                help="Files copied at once.",
            ),
            click.option(
                "--include", multiple=True, metavar="GLOB", help="Only keys matching (repeatable)."
            ),
            click.option(
                "--exclude", multiple=True, metavar="GLOB", help="Not keys matching (repeatable)."
            ),
            click.option("--json", "as_json", is_flag=True, help="The summary as JSON on stdout."),
            click.option(
                "--yes", "-y", is_flag=True, help="Delete without asking (with --delete)."
            ),
            click.option(
                "--force", is_flag=True, help="Allow writing into a protected environment."
            ),
        ]
    ):
        function = option(function)
    return function


@click.group()
def media() -> None:
    """Sync media between storages, environments and local folders."""


@media.command("sync")
@click.argument("source")
@click.argument("target")
@_options
def sync_command(source: str, target: str, **options: Any) -> int:
    """Make TARGET hold what SOURCE holds: each an s3:// or file:// URL, an environment, or a folder."""
    return _run(source, target, **options)


@media.command()
@click.argument("environment")
@_options
def pull(environment: str, **options: Any) -> int:
    """Sync ENVIRONMENT's media into local's (berth up's bucket, or data/media/)."""
    from berth.remote.environments import LOCAL

    return _run(environment, LOCAL, environment=environment, **options)


@media.command()
@click.argument("environment")
@_options
def push(environment: str, **options: Any) -> int:
    """Sync local's media (berth up's bucket, or data/media/) into ENVIRONMENT's."""
    from berth.remote.environments import LOCAL

    return _run(LOCAL, environment, environment=environment, **options)


@media.command(hidden=True)
@click.option("--json", "as_json", is_flag=True)
@click.option("--here", is_flag=True)
def storage(as_json: bool, here: bool) -> None:
    """This container's storage URL, for a berth outside it that syncs its media."""
    from berth.transfer.endpoints import this_container

    endpoint = this_container()
    variable = "STORAGE_URL" if "STORAGE_URL" in endpoint.variables else "DEFAULT_STORAGE_DSN"
    click.echo(json.dumps({"variable": variable, "url": endpoint.variables[variable]}))


def _run(
    source: str,
    target: str,
    *,
    delete: bool,
    dry_run: bool,
    checksum: bool,
    transfers: int,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    as_json: bool,
    yes: bool,
    force: bool,
    environment: str | None = None,
) -> int:
    """``environment``: the side pull/push name, which can only be an environment."""
    options = SyncOptions(delete, dry_run, checksum, transfers, include, exclude)
    origin = open_location(source, transfers, environment=source == environment)
    destination = open_location(target, transfers, environment=target == environment)
    if (
        destination.endpoint is not None
        and destination.endpoint.protected
        and not force
        and not dry_run
    ):
        raise RefusedError(
            f"{destination.label} is protected (protected = true): add --force to write into it"
        )

    def confirm_deletes(planned: Plan) -> None:
        if yes:
            return
        what = f"{len(planned.deletes)} object(s) in {destination.store.describe()} that {origin.store.describe()} does not have"
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            raise RefusedError(f"--delete would delete {what}: add --yes to confirm")
        if not click.confirm(f"Delete {what}?", err=True, default=False):
            raise RefusedError("nothing was deleted")

    try:
        result = sync(
            origin.store,
            destination.store,
            options,
            confirm_deletes=confirm_deletes,
            report=lambda line: click.echo(f"berth: {line}", err=True),
        )
    finally:
        for location in (origin, destination):
            _warn_of_backups(location)
            _close(location)
    if as_json:
        click.echo(json.dumps(result.as_json(), indent=2))
    click.echo(f"berth: media {origin.label} -> {destination.label}: {result.summary()}", err=True)
    return 0 if result.ok else 1


def _warn_of_backups(location: Location) -> None:
    store = location.store
    if isinstance(store, S3Store) and store.backups is not None and store.backups_skipped:
        from berth.jobs.backups import among_media_warning

        environment = location.endpoint.name if location.endpoint is not None else None
        where = f"s3://{store.bucket}/{store.backups}"
        click.echo(f"berth: {among_media_warning(where, environment)}", err=True)


def _close(location: Location) -> None:
    if isinstance(location.store, S3Store):
        location.store.close()
