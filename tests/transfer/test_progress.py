"""Progress: a bar on a terminal, plain lines elsewhere, and the status both show."""

from __future__ import annotations

import io

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
