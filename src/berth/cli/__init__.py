"""berth's command line: ``main(argv) -> int`` turns berth errors into one line and an exit code."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

import click

from berth import __version__
from berth.cli.db import db
from berth.cli.doctor import doctor
from berth.cli.env import env
from berth.cli.jobs import backup, migrate, wait
from berth.cli.logs import logs
from berth.cli.media import media
from berth.cli.remote import dbshell, exec_command, shell
from berth.cli.up import run, up
from berth.config.masking import mask_text
from berth.config.variables import environment_secrets
from berth.errors import BerthError

__all__ = ["cli", "foreign_error_line", "main"]


class _Commands(click.Group):
    """berth's commands; those whose modules import much load only when run or listed.

    ``init`` loads Django's template engine and ``verify`` requests: a quarter of a second
    that every other command (a tunnel's relay per connection, a no-op media sync) would pay.
    """

    lazy = {"init": "berth.cli.init:init", "verify": "berth.cli.verify:verify"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy and cmd_name not in self.commands:
            module, _, name = self.lazy[cmd_name].partition(":")
            self.add_command(getattr(importlib.import_module(module), name), cmd_name)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="berth")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Run a Django project as disposable, replicated containers."""
    # main() reads it back: the flag as parsed, never a "--debug" meant for a command run
    # in a container (`berth exec prod -- tool --debug`).
    ctx.ensure_object(dict)["debug"] = debug


cli.add_command(backup)
cli.add_command(db)
cli.add_command(doctor)
cli.add_command(env)
cli.add_command(logs)
cli.add_command(media)
cli.add_command(shell)
cli.add_command(exec_command)
cli.add_command(dbshell)
cli.add_command(migrate)
cli.add_command(wait)
cli.add_command(up)
cli.add_command(run)


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
        click.echo(f"berth: {foreign_error_line(error)}", err=True)
        return 1
    return result if isinstance(result, int) else 0


def foreign_error_line(error: BaseException) -> str:
    """One line for an error berth did not raise itself: its type and text, secrets masked."""
    text = " ".join(str(error).split()) or "(no message)"
    return f"{type(error).__name__}: {mask_text(text, environment_secrets())}"
