"""``berth db``: dump, restore, pull, push, backups and the tunnel, for any environment."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

import click

from berth.config.masking import mask_url
from berth.errors import ConfigurationError
from berth.jobs.backups import Bucket, among_media_warning
from berth.remote.environments import LOCAL
from berth.services.files import atomic_file, is_regular_or_missing
from berth.transfer.databases import Database
from berth.transfer.dump import prepare_dump
from berth.transfer.endpoints import Endpoint, resolve, this_container
from berth.transfer.errors import TransferError
from berth.transfer.header import POSTGRESQL
from berth.transfer.operations import confirm, dump_path, keep_safety_dump, replace_database
from berth.transfer.progress import Progress, human_bytes
from berth.transfer.receivers import DirectReceiver, Receiver, receiver_for
from berth.transfer.sources import backup_source, dump_source, file_source
from berth.transfer.streams import joined

__all__ = ["db"]

_HERE = click.option(
    "--here",
    "in_container",
    is_flag=True,
    hidden=True,
    help="This process's own DATABASE_URL and STORAGE_URL: what berth runs inside a container.",
)
_EXCLUDE = click.option(
    "--exclude-table-data",
    "exclude",
    multiple=True,
    metavar="PATTERN",
    help="Dump this table's definition but not its rows (pg_dump's pattern; repeatable).",
)
_YES = click.option("--yes", "-y", is_flag=True, help="Replace the target without asking.")
_FORCE = click.option("--force", is_flag=True, help="Allow replacing a protected environment.")
_SCRUB = click.option(
    "--scrub",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="SQL run on the copy before it replaces the target (anonymise e-mails, passwords).",
)


def _endpoint(name: str | None, in_container: bool) -> Endpoint:
    return this_container() if in_container else resolve(name or LOCAL)


def _name(endpoint: Endpoint) -> str | None:
    """The environment's name as the operator types it; None inside a container."""
    return endpoint.name if endpoint.environment is not None else None


def _backups_of(endpoint: Endpoint) -> Bucket:
    """The environment's backup location, opened (the caller closes its client)."""
    return Bucket.from_config(endpoint.storage(), endpoint.variables.get("BACKUP_URL"))


@click.group()
def db() -> None:
    """Dump, restore, pull and push databases; list and restore backups; tunnel to a database."""


@db.command()
@click.argument("environment", required=False)
@click.option("-o", "--output", help="File to write, or - for standard output.")
@_EXCLUDE
@_HERE
def dump(
    environment: str | None, output: str | None, exclude: tuple[str, ...], in_container: bool
) -> None:
    """Dump the database of ENVIRONMENT (default: local) into a file or standard output."""
    endpoint = _endpoint(environment, in_container)
    source = dump_source(endpoint, exclude)
    if output == "-":
        if sys.stdout.isatty():
            raise click.UsageError("a dump is binary: redirect standard output, or use -o FILE")
        if endpoint.database_is_direct and endpoint.database().engine == POSTGRESQL:
            # pg_dump writes straight into standard output (the exec channel of a pull):
            # no copy through this process.
            prepare_dump(endpoint.database(), exclude).write_to_fd(sys.stdout.fileno())
            return
        with source.open() as opened:
            out = sys.stdout.buffer
            opened.write_to(out)
            out.flush()
        return
    sink: contextlib.AbstractContextManager[IO[bytes]]
    written: atomic_file | None = None
    if output and not is_regular_or_missing(Path(output)):
        # /dev/null, a FIFO, a process substitution's /dev/fd/N: written to, as pg_dump -f
        # would, never replaced by a renamed file.
        if Path(output).is_dir():
            raise click.UsageError(f"{output} is a folder: give a file name")
        sink = _written_in_place(Path(output))
    else:
        # Not into the project (where a dump of production is one `git add .` from a
        # commit): into its private dump folder, unless told where.
        written = (
            atomic_file(Path(output)) if output else atomic_file(dump_path(endpoint), unique=True)
        )
        sink = written
    with source.open() as opened, sink as file, Progress("dump") as bar:
        opened.write_to(file, bar.advance)
    # A unique name is the one the finished file was given.
    path = written.path if written is not None else Path(output or "")
    click.echo(f"berth: {opened.header.describe()}: {path}", err=True)
    click.echo(str(path))


@contextlib.contextmanager
def _written_in_place(path: Path) -> Iterator[IO[bytes]]:
    """``path`` opened when the block begins, written as it is (a device or a FIFO)."""
    with path.open("wb") as file:
        yield file


@db.command()
@click.argument("source")
@click.argument("environment", required=False)
@_YES
@_FORCE
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    help="Parallel pg_restore workers (from a file, into a database berth reaches directly).",
)
@_SCRUB
@click.option("--no-safety-dump", is_flag=True, hidden=True)
@_HERE
def restore(
    source: str,
    environment: str | None,
    yes: bool,
    force: bool,
    jobs: int | None,
    scrub: Path | None,
    no_safety_dump: bool,
    in_container: bool,
) -> None:
    """Replace the database of ENVIRONMENT (default: local) by SOURCE.

    SOURCE is a dump file, - for standard input, latest for the newest backup, or a backup's
    name as berth db backups lists it. A safety dump of the target is kept first.
    """
    endpoint = _endpoint(environment, in_container)
    receiver = receiver_for(endpoint)
    confirm(receiver, yes=yes, force=force, action="restore")
    scrub_sql = scrub.read_text(encoding="utf-8") if scrub else None
    if _is_backup(source):
        _restore_backup(endpoint, source, receiver, no_safety_dump, scrub_sql)
        return
    path = None if source == "-" else Path(source)
    if jobs and (path is None or not endpoint.database_is_direct):
        raise click.UsageError(
            "--jobs needs a dump file and a database berth reaches directly (pg_restore reopens the file)"
        )
    replace_database(
        file_source(path),
        receiver,
        safety=not no_safety_dump,
        scrub_sql=scrub_sql,
        jobs=jobs,
        file=path,
    )


def _is_backup(source: str) -> bool:
    return source == "latest" or (
        source.startswith("db-") and source.endswith(".dump") and not Path(source).exists()
    )


def _restore_backup(
    endpoint: Endpoint,
    name: str,
    receiver: Receiver,
    no_safety_dump: bool,
    scrub_sql: str | None,
) -> None:
    if endpoint.storage_is_direct and endpoint.database_is_direct:
        bucket = _backups_of(endpoint)
        try:
            replace_database(
                backup_source(bucket, name),
                receiver,
                safety=not no_safety_dump,
                scrub_sql=scrub_sql,
            )
        finally:
            bucket.client.close()
        return
    # The environment's own berth reaches its bucket and database: it restores there, after
    # the safety dump is taken here.
    if scrub_sql:
        raise TransferError("--scrub runs on a database berth reaches directly")
    if not no_safety_dump:
        keep_safety_dump(receiver)
    _run_remote(endpoint, "db", "restore", name, "--here", "--yes", "--no-safety-dump")
    click.echo(f"berth: restored backup {name} into {endpoint.label}", err=True)


def _run_remote(endpoint: Endpoint, *args: str) -> None:
    """A berth command in the environment's container; its output passes through."""
    remote = endpoint.remote()
    click.echo(remote.shown(*args), err=True)
    process = remote.popen(*args, stdin=None, stdout=None)
    _, errors = process.communicate()
    if process.returncode != 0:
        raise remote.failure(args, process.returncode, errors)


@db.command()
@click.argument("environment")
@_YES
@_FORCE
@_SCRUB
@_EXCLUDE
def pull(
    environment: str, yes: bool, force: bool, scrub: Path | None, exclude: tuple[str, ...]
) -> None:
    """Replace the local database by a copy of ENVIRONMENT's, streamed end to end."""
    if environment == LOCAL:
        raise click.UsageError("pull copies another environment's database into local")
    source = dump_source(resolve(environment), exclude)
    receiver = receiver_for(resolve(LOCAL))
    confirm(receiver, yes=yes, force=force, action="pull")
    scrub_sql = scrub.read_text(encoding="utf-8") if scrub else None
    replace_database(source, receiver, scrub_sql=scrub_sql, label=f"pull {environment}")


@db.command()
@click.argument("environment")
@_YES
@_FORCE
def push(environment: str, yes: bool, force: bool) -> None:
    """Replace ENVIRONMENT's database by a copy of the local one, streamed end to end."""
    if environment == LOCAL:
        raise click.UsageError("push copies the local database into another environment")
    receiver = receiver_for(resolve(environment))
    confirm(receiver, yes=yes, force=force, action="push")
    replace_database(dump_source(resolve(LOCAL)), receiver, label=f"push {environment}")


@db.command()
@click.argument("environment", required=False)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per backup.")
@click.option(
    "--move",
    is_flag=True,
    help="Move the backups from STORAGE_URL's bucket (backups/…) into BACKUP_URL, outside the media.",
)
@_HERE
def backups(environment: str | None, as_json: bool, move: bool, in_container: bool) -> None:
    """List the backups of ENVIRONMENT (default: local), oldest first."""
    from berth.jobs.backups import list_backups

    endpoint = _endpoint(environment, in_container)
    if move:
        _move_backups(endpoint)
        return
    found: list[dict[str, Any]]
    if endpoint.storage_is_direct:
        bucket = _backups_of(endpoint)
        try:
            found = [
                {"name": b.name, "key": b.key, "size": b.size, "time": b.modified.isoformat()}
                for b in list_backups(bucket)
            ]
        finally:
            bucket.client.close()
    else:
        found = endpoint.remote().run_json("db", "backups", "--here", "--json")
    if as_json:
        click.echo(json.dumps(found, indent=2))
        return
    if not found:
        click.echo(f"berth: no backups for {endpoint.label}", err=True)
    for entry in found:
        click.echo(f"{entry['time']}  {human_bytes(entry['size']):>10}  {entry['name']}")


def _move_backups(endpoint: Endpoint) -> None:
    from berth.jobs.backups import move_backups

    if not endpoint.storage_is_direct:
        _run_remote(endpoint, "db", "backups", "--here", "--move")
        return
    backup_url = endpoint.variables.get("BACKUP_URL")
    if not backup_url:
        raise ConfigurationError(
            "BACKUP_URL",
            f"is not set for {endpoint.label}: set it to where backups go, outside the media, then move them",
        )
    source = Bucket.from_config(endpoint.storage())
    target = _backups_of(endpoint)
    try:
        moved = move_backups(source, target, lambda line: click.echo(f"berth: {line}", err=True))
    finally:
        source.client.close()
        target.client.close()
    click.echo(
        f"berth: {moved} backup(s) of {endpoint.label} moved from {source.describe()} to {target.describe()}",
        err=True,
    )


@db.command()
@click.argument("environment", required=False)
@click.option("--keep", type=click.IntRange(min=1), default=14, show_default=True)
@_HERE
def backup(environment: str | None, keep: int, in_container: bool) -> None:
    """Dump ENVIRONMENT's database (default: local) straight into its bucket; keep the newest KEEP."""
    from berth.jobs.backups import check_private, prune_backups, upload_backup_stream

    endpoint = _endpoint(environment, in_container)
    if not (endpoint.storage_is_direct and endpoint.database_is_direct):
        _run_remote(endpoint, "db", "backup", "--here", "--keep", str(keep))
        return
    bucket = _backups_of(endpoint)
    try:
        if bucket.among_media:
            click.echo(
                f"berth: {among_media_warning(bucket.describe(), _name(endpoint))}", err=True
            )
        check_private(bucket)
        with dump_source(endpoint).open() as opened:
            stream = joined(opened.header.line(), opened.stream)
            key = upload_backup_stream(bucket, stream, opened.finish)
        click.echo(f"uploaded {key}")
        for old in prune_backups(bucket, keep):
            click.echo(f"deleted {old}")
    finally:
        bucket.client.close()


@db.command(hidden=True)
@click.option("--json", "as_json", is_flag=True)
@_HERE
@click.argument("environment", required=False)
def describe(as_json: bool, in_container: bool, environment: str | None) -> None:
    """The database of this container, as JSON: what a restore or tunnel names and needs."""
    endpoint = _endpoint(environment, in_container)
    if not endpoint.database_is_direct:
        raise ConfigurationError("DATABASE_URL", "is not set here")
    database = endpoint.database()
    found = _database_details(database)
    receiver = DirectReceiver(endpoint)
    found["exists"] = receiver.exists()
    server = receiver.server()
    if server is not None:
        found.update(server_version=server[0], server_version_num=server[1])
    click.echo(json.dumps(found) if as_json else mask_url(database.url))


def _database_details(database: Database) -> dict[str, Any]:
    """What ``db describe`` reports of a database before asking its server anything.

    A tunnel reads the same keys, from here or from the environment's own berth.
    """
    return {
        "engine": database.engine,
        "description": database.describe(),
        "url": database.url,
        "database": database.name,
        "host": database.host,
        "port": database.port,
        "user": database.user,
        "password": database.password,
    }


@db.command()
@click.argument("environment")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=0, help="Local port (default: a free one)."
)
@click.option("--show-password", is_flag=True, help="Print the password in the connection details.")
def tunnel(environment: str, port: int, show_password: bool) -> None:
    """A port on 127.0.0.1 relayed to ENVIRONMENT's database through its exec prefix.

    Connect psql, pgAdmin or DBeaver to it; several connections at once; Ctrl-C closes them all.
    """
    from berth.transfer.tunnel import Tunnel

    endpoint = resolve(environment)
    if endpoint.database_is_direct:
        found = _database_details(endpoint.database())
    else:
        found = endpoint.remote().run_json("db", "describe", "--here", "--json")
    if found["engine"] != POSTGRESQL:
        raise TransferError(f"{endpoint.label} uses SQLite: there is no server to tunnel to")
    relay = Tunnel(endpoint, port)
    password = found["password"] if show_password else "***"
    url = f"postgresql://{quote(found['user'], safe='')}:{password}@127.0.0.1:{relay.port}/{quote(found['database'], safe='')}"
    click.echo(
        f"berth: tunnel to {endpoint.label} ({found['description']}) on 127.0.0.1:{relay.port}\n"
        f"  psql '{url}'\n"
        f"  host 127.0.0.1  port {relay.port}  database {found['database']}  user {found['user']}  "
        f"password {password}" + ("" if show_password else " (--show-password prints it)") + "\n"
        "  Ctrl-C closes the tunnel and every connection through it.",
        err=True,
    )
    try:
        relay.serve(lambda count: click.echo(f"berth: connection {count}", err=True))
    except KeyboardInterrupt:
        pass
    finally:
        relay.close()
        click.echo("berth: tunnel closed", err=True)


@db.command(hidden=True)
@_HERE
def relay(in_container: bool) -> None:
    """This container's end of berth db tunnel: stdin and stdout <-> the database."""
    from berth.transfer.tunnel import relay_here

    relay_here(_endpoint(None, in_container).database())
