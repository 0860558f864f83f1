"""berth up's signal handling: the main loop's wait ends as a signal arrives."""

from __future__ import annotations

import os
import signal
import threading
import time

from berth.up.signals import handled_signals


def test_a_signal_ends_the_main_loops_wait_at_once() -> None:
    with handled_signals() as received:
        received.arm()
        os.kill(os.getpid(), signal.SIGUSR1)  # before the wait: not missed
        began = time.monotonic()
        received.wait(10)
        assert time.monotonic() - began < 10
        assert received.take() == {signal.SIGUSR1}

        later = threading.Timer(0.1, os.kill, (os.getpid(), signal.SIGTERM))
        later.start()
        began = time.monotonic()
        received.wait(10)
        waited = time.monotonic() - began
        later.join()
        assert waited < 10
        assert received.take() == {signal.SIGTERM}
