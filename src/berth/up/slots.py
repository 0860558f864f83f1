"""berth up's replica slots: one thread per slot that starts its replica, restarts it when it
dies (backing off after failed starts), and the recycling of every replica on SIGUSR1, every
``--restart-every`` seconds, or onto a new image (--watch), each old one serving until its
successor does.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from berth.services.processes import free_port, port_is_free
from berth.up.console import Console
from berth.up.datadir import DataDir
from berth.up.entry import EntryPoint
from berth.up.replica import Replica
from berth.up.state import UpState
from berth.up.watch import ServedCallback

if TYPE_CHECKING:
    from berth.up.supervisor import UpOptions

__all__ = ["MAX_START_FAILURES", "Supervisor"]

# Crashes before /readyz answers, in a row, after which berth up gives up on the project.
MAX_START_FAILURES = 5
_LONGEST_BACKOFF = 8.0


class Supervisor:
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
        """Stop the entry point, then every replica at once, each with its grace period; wait.

        nginx first, gracefully: it takes no new request and returns once those in flight are
        answered, by replicas that still serve. Then no replica is withdrawn from it by a
        reload of its own, one after the other, and every replica gets SIGTERM before any is
        waited for: their graceful stops overlap.
        """
        self.entry.close()
        self.stopping.set()
        with self.changed:
            self.changed.notify_all()
        for slot in self._slots:
            slot.terminate()
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

    def __init__(self, name: str, supervisor: Supervisor) -> None:
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
        self._running: set[Replica] = set()
        """Started and not yet stopped: what :meth:`terminate` signals."""
        self._running_lock = threading.Lock()

    def counts(self) -> tuple[int, int]:
        return self.readiness, self.declines

    def recycle(self, rollout: _Rollout | None = None) -> None:
        self._rollout = rollout
        self._recycle = True
        self._wake.set()

    def wake(self) -> None:
        self._wake.set()

    def terminate(self) -> None:
        """SIGTERM this slot's replicas without waiting; the slot's thread waits for them."""
        with self._running_lock:
            for replica in self._running:
                replica.terminate()

    def _launch_replica(self, port: int, image: Path | None) -> Replica:
        replica = self._supervisor.launch(self.replica_name, port, image)
        with self._running_lock:
            self._running.add(replica)
            # Started while berth up stops, after terminate() went by: it stops with the others.
            if self._supervisor.stopping.is_set():
                replica.terminate()
        return replica

    def _stop_replica(self, replica: Replica) -> None:
        replica.stop(self._supervisor.options.grace)
        with self._running_lock:
            self._running.discard(replica)

    def run(self) -> None:
        try:
            self._run()
        except Exception as error:  # a copy that failed (disk full): no replica can start
            self._supervisor.fail(f"{self.replica_name}: {error}")

    def _run(self) -> None:
        supervisor = self._supervisor
        failures = 0
        serving: Replica | None = None
        """The replica nginx sends this slot's requests to."""
        try:
            while not supervisor.stopping.is_set():
                rollout = self._rollout
                port = self._next_port(serving)
                image = rollout.image if rollout is not None else None
                replica = self._launch_replica(port, image)
                if serving is None:
                    supervisor.state.set_replica(replica.state(ready=False))
                problem = replica.wait_ready(supervisor.options.ready_timeout, supervisor.stopping)
                if rollout is not None:
                    approved = self._approved(rollout)
                    if self._rollout is rollout:
                        self._rollout = None
                    if not approved:  # the old replica serves on, as if nothing had changed
                        self._stop_replica(replica)
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
                    self._stop_replica(replica)
                    supervisor.fail(refused)
                    return
                if problem is None:
                    failures = 0
                    # From here nginx sends this slot's requests to the new replica; the old
                    # one (a restart) gets none once serve() returns, so it stops with
                    # nothing on its way to it.
                    supervisor.entry.serve(self.replica_name, replica.port)
                    self.serving_since = time.time()
                    previous, serving = serving, replica
                    supervisor.became_ready(self, replica)
                    supervisor.console.say(
                        f"{replica.name} ready on {replica.url} (pid {replica.pid}, "
                        f"tree copied in {replica.copy_seconds:.2f} s)"
                    )
                    if previous is not None:
                        # Counted as restarted already: the next slot's restart begins while
                        # this one, out of nginx, finishes its requests in flight.
                        self._stop_replica(previous)
                    problem = self._serve(replica)
                    if problem is None and not supervisor.stopping.is_set():
                        continue  # a restart: the next one starts while this one serves
                    self._withdraw(serving)
                    serving = None
                else:
                    self._stop_replica(replica)
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
        self._stop_replica(replica)

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
