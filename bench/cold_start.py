"""Cold start: time from spawning one replica to its first ``/readyz`` 200.

One replica is gunicorn with one sync worker serving a small project whose settings end with
``berth.configure(globals())`` (berth's middleware, app, checks and settings resolution all
load; its ``/readyz`` checks the database, the storage and the cache). The anchor, in the same
run, is the same project on plain Django settings with the same apps, database and storage,
and a hand-written ``/readyz`` doing ``SELECT 1``. Both use one PostgreSQL database, migrated
once before anything is timed. Runs alternate (A B, B A, ...) after one discarded warm-up run
of each, so that .pyc files and the page cache are warm for both; ``/readyz`` is polled every
10 ms.

    .venv/bin/python bench/cold_start.py [--runs 7] [--quick]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

from _common import (
    BERTH,
    LABELS,
    PLAIN,
    Site,
    bench_site,
    gunicorn,
    interruptible,
    markdown_table,
    wait_for_ok,
)

GOAL_RATIO = 1.3
READY_TIMEOUT = 60.0


def cold_start(site: Site, variant: str, output: Path) -> float:
    """Seconds from spawning gunicorn to the first 200 from ``/readyz``."""
    with gunicorn(site, variant, output=output) as server:
        ready = wait_for_ok(server, "/readyz", timeout=READY_TIMEOUT)
    return ready - server.started


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7, help="timed runs per variant")
    parser.add_argument("--quick", action="store_true", help="a short smoke run (2 runs each)")
    args = parser.parse_args()
    runs = 2 if args.quick else args.runs
    times: dict[str, list[float]] = {BERTH: [], PLAIN: []}
    with (
        tempfile.TemporaryDirectory(prefix="berth-bench-") as tmp,
        bench_site(Path(tmp)) as site,
    ):
        output = Path(tmp) / "gunicorn.log"
        for variant in (BERTH, PLAIN):
            cold_start(site, variant, output)
        for run in range(runs):
            order = (BERTH, PLAIN) if run % 2 == 0 else (PLAIN, BERTH)
            for variant in order:
                times[variant].append(cold_start(site, variant, output))
    medians = {variant: statistics.median(seconds) for variant, seconds in times.items()}
    ratio = medians[BERTH] / medians[PLAIN]
    met = ratio <= GOAL_RATIO
    print(
        f"Cold start: spawn to first /readyz 200, gunicorn with 1 sync worker, PostgreSQL on "
        f"loopback, {runs} runs each (alternating, after one warm-up run each)\n"
    )
    print(
        markdown_table(
            ["variant", "median (ms)", "min (ms)", "max (ms)"],
            [
                [
                    LABELS[variant],
                    f"{medians[variant] * 1000:.0f}",
                    f"{min(times[variant]) * 1000:.0f}",
                    f"{max(times[variant]) * 1000:.0f}",
                ]
                for variant in (BERTH, PLAIN)
            ],
        )
    )
    verdict = "met" if met else "MISSED"
    if args.quick:
        verdict += " (quick run: indicative only)"
    # The minimums are the least disturbed by whatever else the machine was doing.
    floor = min(times[BERTH]) / min(times[PLAIN])
    print(f"\nratio of medians berth/anchor: {ratio:.2f}   goal: within {GOAL_RATIO}x -> {verdict}")
    print(f"ratio of minimums berth/anchor: {floor:.2f}")
    return 0 if met or args.quick else 1


if __name__ == "__main__":
    raise SystemExit(interruptible(main))
