"""berth up's signals: SIGINT, SIGTERM and SIGUSR1, taken by the main loop, not acted on in the handler."""

from __future__ import annotations

import contextlib
import os
import select
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["Signals", "handled_signals"]


class Signals:
    """Signals received, handled by the main loop rather than in the handler.

    A handler that set an Event could deadlock on the Event's lock, held by the very thread
    it interrupts. Until :meth:`arm`, SIGINT and SIGTERM interrupt start-up at once
    (KeyboardInterrupt), so that the ExitStack stops whatever had started.
    """

    def __init__(self, wakeup: int) -> None:
        self._pending: list[int] = []
        self._armed = False
        self._wakeup = wakeup

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

    def wait(self, timeout: float) -> None:
        """Sleep ``timeout`` seconds, or less: until a signal arrives.

        A sleep goes on after the handler has run; the byte Python writes to the wakeup pipe
        for each signal ends this wait at once (Ctrl-C, SIGUSR1), even one that came before it.
        """
        readable, _, _ = select.select([self._wakeup], [], [], timeout)
        if readable:
            with contextlib.suppress(BlockingIOError):
                while os.read(self._wakeup, 512):
                    pass


@contextmanager
def handled_signals() -> Iterator[Signals]:
    read, write = os.pipe()
    os.set_blocking(read, False)
    os.set_blocking(write, False)
    previous_wakeup = signal.set_wakeup_fd(write, warn_on_full_buffer=False)
    received = Signals(read)
    handled = (signal.SIGINT, signal.SIGTERM, signal.SIGUSR1)
    previous = {signum: signal.signal(signum, received.handle) for signum in handled}
    try:
        yield received
    except KeyboardInterrupt:
        pass  # stopped during start-up: the ExitStack inside has cleaned up
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        signal.set_wakeup_fd(previous_wakeup)
        os.close(read)
        os.close(write)
