"""``berth shell``, ``berth exec``, ``berth dbshell``: commands in a running container of an environment."""

from __future__ import annotations

import click

from berth.remote.commands import run_command
from berth.remote.environments import get_environment

__all__ = ["dbshell", "exec_command", "shell"]


_PASS_THROUGH = {"ignore_unknown_options": True, "allow_interspersed_args": False}


@click.command(context_settings=_PASS_THROUGH)
@click.argument("name")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def shell(name: str, args: tuple[str, ...]) -> int:
    """Django's manage.py shell in a running container of environment NAME.

    Further arguments go to manage.py shell as typed, e.g. berth shell prod -c 'print(1)'.
    """
    environment = get_environment(name)
    return run_command(environment, [*environment.manage, "shell", *args])


@click.command("exec", context_settings=_PASS_THROUGH)
@click.argument("name")
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
def exec_command(name: str, command: tuple[str, ...]) -> int:
    """Run COMMAND in a running container of environment NAME, e.g. berth exec prod -- ls -l."""
    # Everything after NAME arrives as typed, the optional separator included.
    if command[:1] == ("--",):
        command = command[1:]
    if not command:
        raise click.UsageError("no command given: berth exec NAME -- COMMAND [ARGS]...")
    return run_command(get_environment(name), command)


@click.command(context_settings=_PASS_THROUGH)
@click.argument("name")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def dbshell(name: str, args: tuple[str, ...]) -> int:
    """Django's manage.py dbshell run inside a container of environment NAME.

    The database is often reachable only from there. The image needs the database's client
    (psql); the Dockerfile berth init writes installs it. Further arguments go to
    dbshell as typed, e.g. berth dbshell prod -- -c 'SELECT 1'.
    """
    environment = get_environment(name)
    return run_command(environment, [*environment.manage, "dbshell", *args])
