"""The database commands' work: a dump from one side streamed into a restore on the other.

Either side is a database berth reaches directly or an environment whose own berth runs inside
its containers, through the exec prefix (``sources``, ``receivers``). Before anything is
replaced: the dump's header is checked against the database it replaces (the receiver), which
is named and confirmed, and a safety dump of it is kept.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from berth.services.files import remove_orphaned_parts
from berth.transfer.endpoints import Endpoint
from berth.transfer.errors import RefusedError
from berth.transfer.progress import Progress, human_bytes
from berth.transfer.receivers import Receiver
from berth.transfer.sources import DumpSource

__all__ = ["DUMP_FOLDER", "confirm", "dump_path", "keep_safety_dump", "replace_database"]

DUMP_FOLDER = Path(".berth") / "dumps"
"""Under the project root: safety dumps, and berth db dump's files unless told otherwise."""


def confirm(receiver: Receiver, *, yes: bool, force: bool, action: str) -> None:
    """Refuse a protected target without ``force``, and ask (or need ``--yes``) naming it."""
    endpoint = receiver.endpoint
    if endpoint.protected and not force:
        raise RefusedError(
            f"{endpoint.label} is protected (protected = true): add --force to {action} it"
        )
    if yes:
        return
    description = receiver.describe()
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        raise RefusedError(
            f"{action} replaces {description}: add --yes to confirm (no terminal to ask on)"
        )
    question = f"Replace {description}?"
    if description.startswith("PostgreSQL"):
        question += " Its other sessions are ended."
    if not click.confirm(question, err=True, default=False):
        raise RefusedError("nothing was changed")


def dump_path(endpoint: Endpoint, kind: str = "", when: datetime | None = None) -> Path:
    """A new file's name in the project's dump folder, which is created private (0700): dumps
    hold the data of every environment. ``kind``: the name's first word (``safety``)."""
    folder = endpoint.root / DUMP_FOLDER
    if not folder.is_dir():
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
    # What a berth killed while writing here left: a part of a dump that can never finish.
    remove_orphaned_parts(folder)
    # To the microsecond: two dumps in one second are two files (and a name that is still
    # taken gets a number from atomic_file, never overwritten).
    stamp = (when or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S.%fZ")
    return folder / "-".join(filter(None, [kind, endpoint.name, f"{stamp}.dump"]))


def keep_safety_dump(receiver: Receiver) -> Path | None:
    """Dump ``target`` into the project's safety folder, if it exists; return the file."""
    if not receiver.exists():
        return None
    kept = receiver.safety_dump(dump_path(receiver.endpoint, "safety"))
    click.echo(f"berth: safety dump of {receiver.endpoint.label}: {kept}", err=True)
    return kept


def replace_database(
    source: DumpSource,
    receiver: Receiver,
    *,
    safety: bool = True,
    scrub_sql: str | None = None,
    jobs: int | None = None,
    file: Path | None = None,
    progress: bool | None = None,
    label: str = "restore",
) -> Path | None:
    """Stream ``source`` into ``target``; return the safety dump's path, if one was taken."""
    with source.open(meanwhile=receiver.prepare) as dump:
        receiver.check(dump.header, source.description)
        click.echo(f"berth: {source.description}: {dump.header.describe()}", err=True)
        kept = keep_safety_dump(receiver) if safety else None
        with Progress(label, total=dump.size, enabled=progress) as bar:
            receiver.restore(dump, scrub_sql=scrub_sql, jobs=jobs, file=file, advance=bar.advance)
        click.echo(
            f"berth: {label} done: {human_bytes(bar.bytes)} in {bar.elapsed:.1f} s "
            f"({human_bytes(bar.rate)}/s) into {receiver.endpoint.label}",
            err=True,
        )
    return kept
