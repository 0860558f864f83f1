"""A command run in a running container of an environment: what berth shows of it, and running it.

The container is one already running (``docker compose exec``, ``kubectl exec``, ``ssh … docker
exec``), never a new one: it has the environment's variables, network and database access.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import click

from berth.config.masking import MASK, mask_url
from berth.errors import BerthError
from berth.remote.environments import DeploymentEnvironment

__all__ = ["ProgramNotFound", "program_not_found", "run_command", "shown_command"]

# Names of options, variables and fields whose values are secrets.
SECRET_NAME = re.compile(r"password|passwd|secret|token|api[_-]?key|credential", re.IGNORECASE)
# NAME=value (env) and --option=value; a URL's own "?a=b" is not one.
_ASSIGNMENT = re.compile(r"\A(?P<name>-{0,2}[A-Za-z_][A-Za-z0-9_.-]*)=(?P<value>.*)\Z", re.S)


class ProgramNotFound(BerthError):
    """The first word of an environment's command is not installed here (``docker``, ``kubectl``…)."""

    exit_code = 127  # the shell's own code for "command not found"


def shown_command(command: Sequence[str]) -> str:
    """``command`` as a shell line, with passwords in URLs and values of secret-looking options masked."""
    shown: list[str] = []
    after_secret_flag = False
    for word in command:
        if after_secret_flag:
            shown.append(MASK)
            after_secret_flag = False
            continue
        assignment = _ASSIGNMENT.match(word)
        if assignment and SECRET_NAME.search(assignment.group("name")):
            shown.append(f"{assignment.group('name')}={MASK}")
        elif assignment:
            shown.append(f"{assignment.group('name')}={mask_url(assignment.group('value'))}")
        else:
            shown.append(mask_url(word))
            after_secret_flag = word.startswith("-") and bool(SECRET_NAME.search(word))
    return shlex.join(shown)


def run_command(
    environment: DeploymentEnvironment,
    args: Sequence[str],
    *,
    variables: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    replace_process: bool = True,
) -> int:
    """Run ``args`` in a running container of ``environment``, passing the terminal through.

    On a terminal berth replaces itself with the command (``os.execvp``): Ctrl-C, Ctrl-Z and
    window resizes then reach the remote shell alone, as if the user had typed the command,
    and no berth process lingers in between. Otherwise (pipes, scripts, tests), or when
    something must happen afterwards (``replace_process=False``), it runs the command as a
    child, so its exit status comes back through ``main()``. ``variables`` are added to this
    process's environment and ``cwd`` is the folder (berth up's ``local``).
    """
    terminal = sys.stdin.isatty() and sys.stdout.isatty()
    command = environment.command(*args, terminal=terminal)
    where = f" (in {cwd})" if cwd is not None else ""
    click.echo(f"[{environment.name}] $ {shown_command(command)}{where}", err=True)
    env = {**os.environ, **variables} if variables else None
    try:
        if terminal and replace_process:
            sys.stdout.flush()
            sys.stderr.flush()
            if cwd is not None:
                os.chdir(cwd)
            os.execvpe(command[0], command, env or dict(os.environ))
        returncode = _run_child(command, env, cwd)
    except FileNotFoundError:
        raise program_not_found(environment, command[0]) from None
    except PermissionError:
        raise program_not_found(environment, command[0], "is not executable") from None
    # A child killed by a signal reports -N; a shell would say 128+N.
    return returncode if returncode >= 0 else 128 - returncode


def _run_child(command: list[str], env: dict[str, str] | None, cwd: Path | None) -> int:
    process = subprocess.Popen(command, env=env, cwd=cwd)
    while True:
        try:
            return process.wait()
        except KeyboardInterrupt:
            # The terminal sent the child its Ctrl-C too: let it end as it chooses.
            continue


def program_not_found(
    environment: DeploymentEnvironment, program: str, problem: str = "not found"
) -> ProgramNotFound:
    where = f" (configured in {environment.config_file})" if environment.config_file else ""
    return ProgramNotFound(
        f"{program}: {problem}; environment {environment.name!r} needs it{where}"
    )
