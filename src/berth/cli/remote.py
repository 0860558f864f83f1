"""``berth shell``, ``berth exec``, ``berth dbshell``: commands in a running container of an environment.

``local`` is the project's own running ``berth up``: its replicas' variables, and with
``--replica web-2`` (right after the name) that replica's own tree.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from berth.project.discovery import find_root
from berth.remote.commands import run_command
from berth.remote.environments import get_environment

__all__ = ["dbshell", "exec_command", "shell"]


_PASS_THROUGH = {"ignore_unknown_options": True, "allow_interspersed_args": False}


def _run(
    name: str, args: Sequence[str], *, replica: str | None = None, manage: str | None = None
) -> int:
    """``args`` (or ``manage.py MANAGE args``) in environment ``name``; for ``local``, in berth
    up, in ``replica``'s tree when given."""
    environment = get_environment(name)
    if not environment.is_berth_up:
        if replica is not None:
            raise click.UsageError("--replica is for local: a replica of this project's berth up")
        command = [*environment.manage, manage, *args] if manage else list(args)
        return run_command(environment, command)
    from berth.up.attach import NotRunning, attach, replicas_command

    root = find_root()
    if root is None:
        raise NotRunning(
            f"no Django project here: no manage.py in {Path.cwd()} or above it "
            "(`local` is the berth up of the folder with manage.py)"
        )
    attachment = attach(root, replica)
    # The replicas' own interpreter, and manage.py of the tree the command runs in.
    command = (
        [sys.executable, "manage.py", manage, *args] if manage else replicas_command(list(args))
    )
    return run_command(environment, command, variables=attachment.variables, cwd=attachment.cwd)


def _named(command: str, name: str, args: Sequence[str]) -> None:
    """Refuse an option where NAME goes: click took it for the environment's name."""
    if name.startswith("-"):
        typed = " ".join([name, *args])
        raise click.UsageError(
            f"environment NAME missing before {name.partition('=')[0]!r}: "
            f"berth {command} local {typed}"
        )


def _replica_option(args: Sequence[str]) -> tuple[str | None, list[str]]:
    """``--replica web-2`` or ``--replica=web-2`` first among ``args``, and the rest."""
    rest = list(args)
    if rest[:1] == ["--replica"] and len(rest) > 1:
        return rest[1], rest[2:]
    if rest and rest[0].startswith("--replica="):
        return rest[0].partition("=")[2], rest[1:]
    return None, rest


@click.command(context_settings=_PASS_THROUGH)
@click.argument("name")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def shell(name: str, args: tuple[str, ...]) -> int:
    """Django's manage.py shell in a running container of environment NAME.

    Further arguments go to manage.py shell as typed, e.g. berth shell prod -c 'print(1)'.
    For local, the project's running berth up; --replica web-2 (right after local) runs in
    that replica's tree.
    """
    _named("shell", name, args)
    replica, rest = _replica_option(args)
    return _run(name, rest, replica=replica, manage="shell")


@click.command("exec", context_settings=_PASS_THROUGH)
@click.argument("name")
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
def exec_command(name: str, command: tuple[str, ...]) -> int:
    """Run COMMAND in a running container of environment NAME, e.g. berth exec prod -- ls -l."""
    _named("exec", name, command)
    # Everything after NAME arrives as typed, the optional separator included.
    replica, rest = _replica_option(command)
    if rest[:1] == ["--"]:
        rest = rest[1:]
    if not rest:
        raise click.UsageError("no command given: berth exec NAME -- COMMAND [ARGS]...")
    return _run(name, rest, replica=replica)


@click.command(context_settings=_PASS_THROUGH)
@click.argument("name")
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def dbshell(name: str, args: tuple[str, ...]) -> int:
    """Django's manage.py dbshell run inside a container of environment NAME.

    The database is often reachable only from there. The image needs the database's client
    (psql); the Dockerfile berth init writes installs it. Further arguments go to
    dbshell as typed, e.g. berth dbshell prod -- -c 'SELECT 1'.
    """
    _named("dbshell", name, args)
    replica, rest = _replica_option(args)
    return _run(name, rest, replica=replica, manage="dbshell")
