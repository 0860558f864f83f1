"""``berth up``: the project as several disposable replicas behind one entry point, with real services."""

from __future__ import annotations

from pathlib import Path

import click

from berth.project import find_project
from berth.project.tables import berth_table

__all__ = ["run", "up"]


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
@click.option(
    "--public-media/--private-media",
    default=None,
    help="Serve the bucket publicly through unsigned links, as public-media production setups "
    "do (default: [tool.berth.up] public_media, else private, signed links).",
)
@click.option(
    "--watch",
    is_flag=True,
    help="Rebuild the image and restart every replica, one at a time, when a file of the "
    "project changes (new migrations are named, not run).",
)
@click.option(
    "--port-hint",
    default=None,
    hidden=True,
    help="How a taken --port says to choose another, {port} a free one (make demo passes "
    "'make demo PORT={port}').",
)
def up(
    replicas: int,
    port: int,
    host: str,
    restart_every: float | None,
    public_media: bool | None,
    watch: bool,
    port_hint: str | None,
) -> None:
    """Run the project in this folder as disposable replicas, as containers would.

    Starts PostgreSQL and an S3 server with their data in .berth/ where DATABASE_URL and
    STORAGE_URL are unset, migrates once, then serves REPLICAS copies of the project under
    gunicorn, each from its own throwaway copy of the tree, behind a round-robin entry point.
    Ctrl-C stops everything; SIGUSR1 restarts every replica with a fresh tree, and so does a
    saved change with --watch.
    """
    from berth.up.entry import PORT_HINT
    from berth.up.supervisor import UpOptions, run_up

    project = find_project()
    if public_media is None:
        public_media = _configured_public_media(project.root)
    options = UpOptions(
        replicas=replicas,
        host=host,
        port=port,
        restart_every=restart_every,
        public_media=public_media,
        watch=watch,
        port_hint=port_hint or PORT_HINT,
    )
    run_up(project, options)


def _configured_public_media(root: Path) -> bool:
    table = berth_table("up", ("public_media",), root)
    return "public_media" in table.table and table.flag("public_media")


@click.command(context_settings={"ignore_unknown_options": True, "allow_interspersed_args": False})
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
def run(command: tuple[str, ...]) -> int:
    """Run COMMAND once as a new container would: berth up's image, its replicas' variables.

    A fresh copy of the running berth up's image, with a private TMPDIR and HOME, deleted
    when COMMAND ends (docker compose run --rm web COMMAND); e.g.
    berth run -- python manage.py createsuperuser. "python" is the replicas' interpreter.
    """
    from berth.remote.commands import run_command
    from berth.remote.environments import LOCAL, get_environment
    from berth.up.attach import one_off, replicas_command

    if command[0].startswith("-") and command[0] != "--":
        # berth run has no options of its own: this one was meant for berth, not the command.
        raise click.UsageError(
            f"berth run takes no {command[0].partition('=')[0]}: it runs COMMAND in a new "
            "container, not a replica (berth exec local --replica web-2 -- COMMAND runs in one)"
        )
    words = replicas_command(list(command[1:] if command[:1] == ("--",) else command))
    if not words:
        raise click.UsageError("no command given: berth run -- COMMAND [ARGS]...")
    with one_off(find_project().root) as attachment:
        return run_command(
            get_environment(LOCAL),
            words,
            variables=attachment.variables,
            cwd=attachment.cwd,
            replace_process=False,
        )
