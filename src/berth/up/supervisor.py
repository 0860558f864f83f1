"""Run ``berth up`` from start to clean stop: services, migrations, replicas, entry point, signals.

Start order: the ``.berth`` folder and the entry point's port first (they fail fast and leave
nothing behind), then the backing services and, meanwhile, the image; then ``berth wait`` and
``berth migrate``; then the replicas, each added to the entry point once its ``/readyz`` says
200. A supervising thread per replica slot restarts its replica from a fresh copy when it dies,
when SIGUSR1 arrives (every replica, one at a time) and every ``--restart-every`` seconds.
SIGINT or SIGTERM stops it all, in reverse order; whatever was started is stopped whatever fails.
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from berth.config.dsn.storage import parse_storage_url
from berth.config.server import upload_limit
from berth.config.variables import read_environment
from berth.jobs.backups import backup_place
from berth.project import DjangoProject
from berth.scaffold.render import PublicMedia
from berth.services.processes import free_port, port_is_free
from berth.up.attach import forget_replica_environment, write_replica_environment
from berth.up.backing_services import BackingServices, backing_services
from berth.up.console import Console
from berth.up.datadir import DataDir
from berth.up.entry import PORT_HINT, PROXY, EntryPoint, ensure_port_free
from berth.up.errors import UpError
from berth.up.image import Image, build_image
from berth.up.leftovers import stop_leftovers
from berth.up.release import wait_and_migrate
from berth.up.replica import Replica
from berth.up.state import UpState
from berth.up.tree import SCRATCH_PREFIX, remove_tree
from berth.up.watch import ServedCallback, Watcher

__all__ = ["MAX_START_FAILURES", "UpOptions", "run_up"]

# Crashes before /readyz answers, in a row, after which berth up gives up on the project.
MAX_START_FAILURES = 5
_LONGEST_BACKOFF = 8.0
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
    supervisor: _Supervisor | None = None
    with _signals() as received, ExitStack() as stack:
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
        supervisor = _Supervisor(
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
    supervisor: _Supervisor,
    services: BackingServices,
    received: _Signals,
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
            state.set_status("ready")
            console.say(
                f"started in {time.perf_counter() - started:.1f} s; Ctrl-C stops, "
                f"`kill -USR1 {os.getpid()}` restarts every replica with a fresh tree"
            )
            plural = "replica" if options.replicas == 1 else "replicas"
            console.say(f"ready: {entry.url} ({options.replicas} {plural})")
        time.sleep(_MAIN_LOOP_PERIOD)
    state.set_status("stopping")
    console.say("stopping: replicas, entry point, services")


class _Supervisor:
    """The replica slots, what the entry point sends to, and the recycling of replicas."""

    def __init__(
        self,
        names: tuple[str, ...],
        wsgi_application: str,
        options: UpOptions,
        entry: EntryPoint,
        state: UpState,
        console: Console,
        image: Path,
        scratch: Path,
        environment: dict[str, str],
        data_dir: DataDir,
    ) -> None:
        self.wsgi_application = wsgi_application
        self.options = options
        self.entry = entry
        self.state = state
        self.console = console
        self.image = image
        self.scratch = scratch
        self.environment = environment
        self.data_dir = data_dir
        self.stopping = threading.Event()
        self.changed = threading.Condition()
        self.failure: str | None = None
        self._slots = [_Slot(name, self) for name in names]
        self._recycle_wanted = threading.Event()
        self._recycling = threading.Lock()
        self._recycle_reason = ""
        self._recycler = threading.Thread(target=self._recycle_loop, name="recycler", daemon=True)

    def start(self) -> None:
        for slot in self._slots:
            slot.start()
        self._recycler.start()

    def stop(self) -> None:
        """Stop every replica at once, each with its grace period; wait for them."""
        self.stopping.set()
        with self.changed:
            self.changed.notify_all()
        for slot in self._slots:
            slot.wake()
        for slot in self._slots:
            if slot.is_alive():
                slot.join()
        if self._recycler.is_alive():
            self._recycler.join()

    def fail(self, problem: str) -> None:
        with self.changed:
            if self.failure is None:
                self.failure = problem
            self.changed.notify_all()
        self.stopping.set()

    def all_ready(self) -> bool:
        return all(slot.readiness > 0 for slot in self._slots)

    def request_recycle(self, reason: str) -> None:
        self._recycle_reason = reason
        self._recycle_wanted.set()

    def replace_image(self, image: Path) -> Path:
        """Start replicas from ``image`` from now on (berth run too); return the previous one."""
        previous, self.image = self.image, image
        self.state.set_image(image)
        return previous

    def restart_all(
        self, reason: str, served: ServedCallback, image: Path, approved: Future[bool]
    ) -> bool:
        """Start a replica from ``image`` in every slot at once, each old one serving until its
        successor does; a new one takes traffic only once ``approved`` says True (False: it is
        stopped, the old one serves on). ``served(name, since)`` once each new one serves.
        True when every slot switched; False when refused, or when berth up stopped first.

        A saved change is waited for: its replicas boot side by side, and while the new code
        is checked, rather than one after the other and after the check.
        """
        return self._recycle([self._slots], reason, served, _Rollout(image, approved))

    def launch(self, name: str, port: int, image: Path | None = None) -> Replica:
        return Replica.start(
            name,
            image=image or self.image,
            scratch=self.scratch,
            port=port,
            wsgi_application=self.wsgi_application,
            environment=self.environment,
            log_file=self.data_dir.logs / f"{name}.log",
            console=self.console,
        )

    def became_ready(self, slot: _Slot, replica: Replica) -> None:
        with self.changed:
            self.state.set_replica(replica.state(ready=True))
            slot.readiness += 1
            self.changed.notify_all()

    def declined(self, slot: _Slot) -> None:
        with self.changed:
            slot.declines += 1
            self.changed.notify_all()

    def _recycle_loop(self) -> None:
        every = self.options.restart_every
        due: float | None = None  # counted from the moment every replica first serves
        while not self.stopping.is_set():
            if every and due is None and self.all_ready():
                due = time.monotonic() + every
            if self._recycle_wanted.wait(0.2):
                self._recycle_wanted.clear()
                reason = self._recycle_reason
            elif due is not None and time.monotonic() >= due:
                reason = f"--restart-every {every:g}"
            else:
                continue
            self._recycle_all(reason)
            due = time.monotonic() + every if every else None

    def _recycle_all(self, reason: str) -> None:
        """Restart the replicas one after the other, so that the others keep serving."""
        self._recycle([[slot] for slot in self._slots], reason)

    def _recycle(
        self,
        groups: list[list[_Slot]],
        reason: str,
        served: ServedCallback | None = None,
        rollout: _Rollout | None = None,
    ) -> bool:
        """Restart each group's replicas together, one group after the other; False when a new
        one was refused or berth up stopped first."""
        # SIGUSR1 or --restart-every and a change seen by --watch: one restart after the other.
        with self._recycling:
            self.state.set_status("restarting")
            self.console.say(f"restarting every replica with a fresh tree ({reason})")
            switched = True
            for group in groups:
                with self.changed:
                    waiting = {slot: (slot.readiness, slot.declines) for slot in group}
                    for slot in group:
                        slot.recycle(rollout)
                while waiting:
                    with self.changed:
                        if self.stopping.is_set():
                            return False
                        done = [slot for slot, seen in waiting.items() if seen != slot.counts()]
                        if not done:
                            self.changed.wait(0.5)
                    for slot in done:
                        if slot.readiness == waiting.pop(slot)[0]:
                            switched = False
                        elif served is not None:
                            served(slot.replica_name, slot.serving_since)
            self.state.set_status("ready")
            if switched:
                self.console.say("every replica restarted")
            return switched


@dataclass(frozen=True)
class _Rollout:
    """A restart onto a new image, whose replicas serve only once ``approved`` says True."""

    image: Path
    approved: Future[bool]


class _Slot(threading.Thread):
    """One replica's place (``web-1``): starts it, and starts a fresh one whenever it ends."""

    def __init__(self, name: str, supervisor: _Supervisor) -> None:
        super().__init__(name=name, daemon=True)
        self.replica_name = name
        self.readiness = 0
        """How many replicas of this slot became ready so far."""
        self.declines = 0
        """How many new replicas of this slot were stopped unused (their rollout refused)."""
        self.serving_since = 0.0
        """When nginx began sending requests to the newest one (the epoch's seconds)."""
        self._supervisor = supervisor
        self._port: int | None = None
        self._recycle = False
        self._rollout: _Rollout | None = None
        self._wake = threading.Event()

    def counts(self) -> tuple[int, int]:
        return self.readiness, self.declines

    def recycle(self, rollout: _Rollout | None = None) -> None:
        self._rollout = rollout
        self._recycle = True
        self._wake.set()

    def wake(self) -> None:
        self._wake.set()

    def run(self) -> None:
        try:
            self._run()
        except Exception as error:  # a copy that failed (disk full): no replica can start
            self._supervisor.fail(f"{self.replica_name}: {error}")

    def _run(self) -> None:
        supervisor = self._supervisor
        grace = supervisor.options.grace
        failures = 0
        serving: Replica | None = None
        """The replica nginx sends this slot's requests to."""
        try:
            while not supervisor.stopping.is_set():
                rollout = self._rollout
                port = self._next_port(serving)
                image = rollout.image if rollout is not None else None
                replica = supervisor.launch(self.replica_name, port, image)
                if serving is None:
                    supervisor.state.set_replica(replica.state(ready=False))
                problem = replica.wait_ready(supervisor.options.ready_timeout, supervisor.stopping)
                if rollout is not None:
                    approved = self._approved(rollout)
                    if self._rollout is rollout:
                        self._rollout = None
                    if not approved:  # the old replica serves on, as if nothing had changed
                        replica.stop(grace)
                        supervisor.declined(self)
                        if serving is None:
                            continue
                        problem = self._serve(serving)
                        if problem is None and not supervisor.stopping.is_set():
                            continue
                        self._withdraw(serving)
                        serving = None
                        if not supervisor.stopping.is_set():
                            supervisor.console.say(
                                f"{self.replica_name} {problem}; starting a fresh one"
                            )
                        continue
                refused = replica.host_problem(supervisor.entry.hosts) if problem is None else None
                if refused is not None:  # every replica would answer so: no use retrying
                    replica.stop(grace)
                    supervisor.fail(refused)
                    return
                if problem is None:
                    failures = 0
                    # From here nginx sends this slot's requests to the new replica; the old
                    # one (a restart) gets none once serve() returns, so it stops with
                    # nothing on its way to it.
                    supervisor.entry.serve(self.replica_name, replica.port)
                    self.serving_since = time.time()
                    if serving is not None:
                        serving.stop(grace)
                    serving = replica
                    supervisor.became_ready(self, replica)
                    supervisor.console.say(
                        f"{replica.name} ready on {replica.url} (pid {replica.pid}, "
                        f"tree copied in {replica.copy_seconds:.2f} s)"
                    )
                    problem = self._serve(replica)
                    if problem is None and not supervisor.stopping.is_set():
                        continue  # a restart: the next one starts while this one serves
                    self._withdraw(serving)
                    serving = None
                else:
                    replica.stop(grace)
                    if not supervisor.stopping.is_set():
                        failures += 1
                if supervisor.stopping.is_set():
                    return
                if failures >= MAX_START_FAILURES:
                    supervisor.fail(
                        f"{replica.name} {problem} before it was ready, {failures} times in a row "
                        f"(its output is above and in .berth/logs/{replica.name}.log)"
                    )
                    return
                if failures:
                    delay = min(0.25 * 2 ** (failures - 1), _LONGEST_BACKOFF)
                    supervisor.console.say(
                        f"{replica.name} {problem} before it was ready "
                        f"({failures}/{MAX_START_FAILURES}); a fresh one in {delay:g} s"
                    )
                    supervisor.stopping.wait(delay)
                elif problem:
                    supervisor.console.say(f"{replica.name} {problem}; starting a fresh one")
        finally:
            if serving is not None:
                self._withdraw(serving)

    def _approved(self, rollout: _Rollout) -> bool:
        """Wait until the rollout is decided (a new replica boots meanwhile); False if stopped."""
        while not self._supervisor.stopping.is_set():
            try:
                return rollout.approved.result(timeout=0.2)
            except TimeoutError:
                continue
        return False

    def _serve(self, replica: Replica) -> str | None:
        """Wait until the replica ends or must; say why it ended (None: it was asked to)."""
        while True:
            code = replica.exit_code()
            if code is not None:
                return f"(pid {replica.pid}) exited with code {code}"
            if self._supervisor.stopping.is_set():
                return None
            if self._recycle:
                self._recycle = False
                return None
            self._wake.wait(0.2)
            self._wake.clear()

    def _withdraw(self, replica: Replica) -> None:
        # Out of nginx first, which returns once no request is on its way to it; then stopped.
        self._supervisor.entry.withdraw(self.replica_name)
        self._supervisor.state.drop_replica(replica.name)
        replica.stop(self._supervisor.options.grace)

    def _next_port(self, serving: Replica | None) -> int:
        # The slot keeps its port while it is free (its URL in up.json stays put), except
        # while the replica it replaces still serves on it.
        if (
            self._port is None
            or (serving is not None and serving.port == self._port)
            or not port_is_free(self._port)
        ):
            self._port = free_port()
        return self._port


class _Signals:
    """Signals received, handled by the main loop rather than in the handler.

    A handler that set an Event could deadlock on the Event's lock, held by the very thread
    it interrupts. Until :meth:`arm`, SIGINT and SIGTERM interrupt start-up at once
    (KeyboardInterrupt), so that the ExitStack stops whatever had started.
    """

    def __init__(self) -> None:
        self._pending: list[int] = []
        self._armed = False

    def handle(self, signum: int, frame: FrameType | None) -> None:
        if not self._armed and signum in (signal.SIGINT, signal.SIGTERM):
            self._armed = True  # a second Ctrl-C must not interrupt the clean-up
            raise KeyboardInterrupt
        self._pending.append(signum)

    def arm(self) -> None:
        self._armed = True

    def take(self) -> set[int]:
        taken, self._pending = self._pending, []
        return set(taken)


@contextmanager
def _signals() -> Iterator[_Signals]:
    received = _Signals()
    handled = (signal.SIGINT, signal.SIGTERM, signal.SIGUSR1)
    previous = {signum: signal.signal(signum, received.handle) for signum in handled}
    try:
        yield received
    except KeyboardInterrupt:
        pass  # stopped during start-up: the ExitStack inside has cleaned up
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
