"""Run ``berth up`` from start to clean stop: services, migrations, replicas, entry point, signals.

Start order: the ``.berth`` folder and the entry point's port first (they fail fast and leave
nothing behind), then the backing services and, meanwhile, the image; then ``berth wait`` and
``berth migrate``; then the replicas, each added to the entry point once its ``/readyz`` says
200. A supervising thread per replica slot (slots.py) restarts its replica from a fresh copy when
it dies, when SIGUSR1 arrives (every replica, one at a time) and every ``--restart-every`` seconds.
SIGINT or SIGTERM (signals.py) stops it all, in reverse order; whatever was started is stopped whatever fails.
"""

from __future__ import annotations

import os
import signal
import tempfile
import time
from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from berth.config.dsn.storage import parse_storage_url
from berth.config.server import upload_limit
from berth.config.variables import read_environment
from berth.jobs.backups import backup_place
from berth.project import DjangoProject
from berth.scaffold.render import PublicMedia
from berth.up.attach import forget_replica_environment, write_replica_environment
from berth.up.backing_services import BackingServices, backing_services
from berth.up.console import Console
from berth.up.datadir import DataDir
from berth.up.entry import PORT_HINT, PROXY, EntryPoint, ensure_port_free
from berth.up.errors import UpError
from berth.up.image import Image, build_image
from berth.up.leftovers import stop_leftovers
from berth.up.release import wait_and_migrate
from berth.up.signals import Signals, handled_signals
from berth.up.slots import MAX_START_FAILURES, Supervisor
from berth.up.state import UpState
from berth.up.tree import SCRATCH_PREFIX, remove_tree
from berth.up.watch import Watcher

__all__ = ["MAX_START_FAILURES", "UpOptions", "run_up"]

_MAIN_LOOP_PERIOD = 0.1


@dataclass(frozen=True)
class UpOptions:
    replicas: int = 2
    host: str = "127.0.0.1"
    port: int = 8000
    restart_every: float | None = None
    """Seconds between two recyclings of every replica; None: only on SIGUSR1."""
    ready_timeout: float = 60.0
    """Seconds a new replica has to answer ``/readyz`` with 200."""
    grace: float = 10.0
    """Seconds between SIGTERM and SIGKILL when a replica stops, as ``docker stop`` waits."""
    public_media: bool = False
    """Serve berth's own bucket publicly through unsigned links, as public-media setups do."""
    watch: bool = False
    """Rebuild the image and restart every replica when the project's files change."""
    port_hint: str = PORT_HINT
    """How to choose another port when ``port`` is taken, as berth up was started."""


def run_up(
    project: DjangoProject,
    options: UpOptions,
    *,
    environ: Mapping[str, str] | None = None,
    console: Console | None = None,
) -> None:
    """Serve ``project`` until SIGINT or SIGTERM; raise a BerthError when it cannot."""
    if not project.wsgi_application:
        raise UpError(f"no WSGI application found in {project.root}: set WSGI_APPLICATION")
    names = tuple(f"web-{number}" for number in range(1, options.replicas + 1))
    console = console or Console(names=names)
    environment = dict(os.environ if environ is None else environ)
    started = time.perf_counter()
    supervisor: Supervisor | None = None
    with handled_signals() as received, ExitStack() as stack:
        data_dir = DataDir(project.root)
        data_dir.prepare()
        data_dir.lock()
        stack.callback(data_dir.unlock)
        stop_leftovers(data_dir.state_file, console)
        # After the leftovers, whose nginx may hold it; before the services, which take seconds.
        ensure_port_free(options.host, options.port, options.port_hint)
        scratch = _scratch_folder()
        stack.callback(remove_tree, scratch)
        _set_defaults(environment, data_dir, project)
        limit = upload_limit(read_environment(environment))

        # The image builds while the services start: neither needs the other.
        builder = stack.enter_context(ThreadPoolExecutor(1, thread_name_prefix="image"))
        image = scratch / "image"
        watcher = Watcher(project, console) if options.watch else None
        built: Future[Image] = builder.submit(build_image, project, image, dict(environment))
        services = stack.enter_context(
            backing_services(data_dir, environment, console, public_media=options.public_media)
        )
        environment.update(services.variables)
        media = (
            PublicMedia(
                "/media/",
                services.bucket_folder,
                backup_place(parse_storage_url(services.variables["STORAGE_URL"])).prefix,
            )
            if services.bucket_folder is not None
            else None
        )
        entry = EntryPoint(
            options.host,
            options.port,
            data_dir.path / "nginx",
            data_dir.logs / f"{PROXY}.log",
            console,
            max_upload_size=limit,
            media=media,
        )
        state = UpState(data_dir.state_file, entry.url, image)
        stack.callback(state.remove)
        state.set_status("starting")
        services.record(state)
        write_replica_environment(data_dir, environment)
        stack.callback(forget_replica_environment, data_dir)
        wait_and_migrate(project.root, environment, console)
        copy = built.result()
        console.say(f"image: project copied in {copy.copy_seconds:.2f} s, static files collected")
        if copy.written:
            shown = ", ".join(copy.written[:5]) + (" …" if len(copy.written) > 5 else "")
            console.say(
                f"the image build (collectstatic) wrote {len(copy.written)} file(s) into the tree: "
                f"{shown}. Code that writes through storage at import time runs in every image "
                "build and replica start, and writes to the local disk there (berth doctor: BD106)"
            )

        entry.start()
        stack.callback(entry.close)
        state.set_service(PROXY, entry.pid, "running", entry.url)
        services.watch_also(PROXY, "the entry point (nginx)", entry.server, entry.url)
        supervisor = Supervisor(
            names,
            project.wsgi_application,
            options,
            entry,
            state,
            console,
            image,
            scratch,
            environment,
            data_dir,
        )
        stack.callback(supervisor.stop)
        supervisor.start()
        if watcher is not None:
            stack.enter_context(watcher.watching(supervisor, copy.static_key))
        received.arm()
        _main_loop(supervisor, services, received, state, console, entry, options, started)
    if supervisor is not None and supervisor.failure is not None:
        raise UpError(supervisor.failure)
    console.say("stopped")


def _scratch_folder() -> Path:
    """Where the image and the replicas' trees go: the temporary folder, gone at exit."""
    try:
        return Path(tempfile.mkdtemp(prefix=SCRATCH_PREFIX))
    except OSError as error:
        raise UpError(
            f"cannot make a folder in {tempfile.gettempdir()} for the replicas' trees: "
            f"{error.strerror or error}"
        ) from None


def _set_defaults(environment: dict[str, str], data_dir: DataDir, project: DjangoProject) -> None:
    """What a replica reads besides the services: a stable SECRET_KEY, production defaults."""
    env = read_environment(environment)
    # As berth's image sets it: gunicorn then checks the settings once before its workers.
    environment.setdefault("DJANGO_SETTINGS_MODULE", project.settings_module)
    if not env.is_set("SECRET_KEY"):
        environment["SECRET_KEY"] = data_dir.secret_key()
    if not env.is_set("DEBUG"):
        # As in production: otherwise berth turns DEBUG on for embedded SQLite.
        environment["DEBUG"] = "off"
    if not env.is_set("WEB_CONCURRENCY"):
        environment["WEB_CONCURRENCY"] = "2"
    # The terminal and `berth logs` pretty-print berth's JSON lines; .berth/logs keeps them raw.
    environment["LOG_FORMAT"] = "json"


def _main_loop(
    supervisor: Supervisor,
    services: BackingServices,
    received: Signals,
    state: UpState,
    console: Console,
    entry: EntryPoint,
    options: UpOptions,
    started: float,
) -> None:
    announced = False
    while supervisor.failure is None:
        signals = received.take()
        if signal.SIGINT in signals or signal.SIGTERM in signals:
            break
        if signal.SIGUSR1 in signals:
            if announced:
                supervisor.request_recycle("SIGUSR1")
            else:
                console.say("SIGUSR1 ignored: the replicas are still starting")
        # Here, in the thread that started them: each is tethered to it.
        services.watch(console, state)
        if not announced and supervisor.all_ready():
            announced = True
            console.say(
                f"started in {time.perf_counter() - started:.1f} s; Ctrl-C stops, "
                f"`kill -USR1 {os.getpid()}` restarts every replica with a fresh tree"
            )
            plural = "replica" if options.replicas == 1 else "replicas"
            console.say(f"ready: {entry.url} ({options.replicas} {plural})")
            # After the lines: whoever waits for "ready" in up.json finds them printed.
            state.set_status("ready")
        received.wait(_MAIN_LOOP_PERIOD)
    state.set_status("stopping")
    console.say("stopping: entry point, replicas, services")
