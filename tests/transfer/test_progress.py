"""Progress: a bar on a terminal, plain lines elsewhere, and the status both show."""

from __future__ import annotations

import io
import sys
import threading
import time

from berth.transfer.progress import Progress, human_bytes


def test_plain_status_names_bytes_files_and_rate() -> None:
    stream = io.StringIO()
    with Progress("sync", total=4_000_000, files=4, enabled=False, stream=stream) as bar:
        bar.advance(1_000_000, files=1)
        status = bar.status()
    assert status.startswith("1.0 MB of 4.0 MB, 1/4 files, ")
    assert "/s" in status and stream.getvalue() == ""  # a line every 10 s, not per chunk


def test_the_bar_draws_on_a_terminal_and_clears() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    with Progress("pull", total=2_000, files=2, stream=stream) as bar:
        bar.advance(2_000, files=2)
    assert "pull 2/2 files" in stream.getvalue()


def test_human_bytes() -> None:
    assert [human_bytes(n) for n in (12, 12_300, 4_560_000, 7.8e9, 1.2e13)] == [
        "12 B",
        "12.3 kB",
        "4.6 MB",
        "7.8 GB",
        "12000.0 GB",
    ]


class _Yielding(int):
    """A count whose addition gives up the GIL, as any thread switch between a read and its
    write would: a counter that is not atomic then loses updates every time."""

    def __radd__(self, other: int) -> int:
        time.sleep(0)
        return other + int(self)


def test_counts_from_many_threads_add_up() -> None:
    # Plain ints hide the race on CPython with the GIL (no switch between `+` and the store),
    # not under free-threading: the yielding count forces the switch there.
    threads, rounds = 16, 100
    bar = Progress("sync", enabled=False, stream=io.StringIO())
    start = threading.Barrier(threads)

    def work() -> None:
        start.wait()
        for _ in range(rounds):
            bar.advance(_Yielding(3), files=_Yielding(1))

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        workers = [threading.Thread(target=work) for _ in range(threads)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    finally:
        sys.setswitchinterval(interval)
    assert (bar.bytes, bar.files) == (3 * threads * rounds, threads * rounds)
