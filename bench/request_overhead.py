"""Request overhead: latency of a small page served as a berth replica serves it, and without berth.

Every variant serves the same project (a view rendering a tiny template, touching no database)
with gunicorn and one sync worker. The berth variants' settings end with
``berth.configure(globals())``, so each request goes through its request-id middleware (and
whitenoise, which berth adds) and writes one JSON access line to stdout, which goes to a file
as a container's stdout goes to its runtime (``LOG_FORMAT=json``, ``LOG_LEVEL=INFO``). The
replica variant, the one the goal is about, also runs under berth's gunicorn config
(``-c python:berth.runtime.gunicorn_conf``, as berth's images and berth up do): the scoreboard
written per request, the probe thread on HEALTH_PORT, the unread-body drain. The middle
variant is berth's settings under plain gunicorn, so the config's own cost shows. The anchor
is plain Django settings with the same apps and middleware otherwise, and Django's default
logging (nothing per request). The servers run side by side; each round visits every variant,
in an order rotated per round, after a discarded warm-up, and all latencies of a variant are
pooled. At the end the replica's ``/status`` must have counted every request it was sent.

    .venv/bin/python bench/request_overhead.py [--rounds 20] [--requests 1000] [--quick]

The load generator is this script: a closed loop over one connection, timing each request
with ``perf_counter_ns``. It is written here rather than taken from wrk or ab (Debian
packages) so that ``make bench`` needs nothing beyond ``make install``. It loses nothing
measurable against them here: gunicorn's sync worker closes the connection after every
response (no keep-alive to exploit) and serves one request at a time, so more connections would
only queue behind each other and add their wait to the latency. One connection against one
worker, on two cores, leaves one core to each side and measures the service time itself; the
client's own cost per request is the same for both variants and shows in both.
"""

from __future__ import annotations

import argparse
import http.client
import json
import tempfile
import time
import urllib.request
from pathlib import Path

from _common import (
    BERTH,
    HOST,
    LABELS,
    PLAIN,
    Server,
    bench_site,
    free_port,
    gunicorn,
    interruptible,
    markdown_table,
    wait_for_ok,
)

GOAL_RATIO = 1.05
REPLICA = "replica"
VARIANTS = (REPLICA, BERTH, PLAIN)
NAMES = {
    REPLICA: "berth replica (berth's gunicorn config: scoreboard on)",
    BERTH: "berth settings, plain gunicorn (no scoreboard)",
    PLAIN: LABELS[PLAIN],
}
PATH = "/page"
ROUND_TIME_LIMIT_S = 30.0


def run_round(server: Server, count: int) -> tuple[list[int], float]:
    """Send up to ``count`` requests one after another; their latencies (ns) and the wall time.

    Stops early after ``ROUND_TIME_LIMIT_S`` so that a pathologically slow server still ends.
    """
    latencies: list[int] = []
    connection = http.client.HTTPConnection(HOST, server.port, timeout=10)
    started = time.perf_counter_ns()
    deadline = started + int(ROUND_TIME_LIMIT_S * 1e9)
    try:
        for _ in range(count):
            # http.client reconnects by itself after the worker closes the connection.
            sent = time.perf_counter_ns()
            connection.request("GET", PATH)
            response = connection.getresponse()
            body = response.read()
            done = time.perf_counter_ns()
            if response.status != 200 or not body:
                raise SystemExit(f"GET {PATH}: HTTP {response.status}: {body[:200]!r}")
            latencies.append(done - sent)
            if done > deadline:
                break
    finally:
        connection.close()
    return latencies, (time.perf_counter_ns() - started) / 1e9


def percentile(ordered: list[int], share: float) -> float:
    """Nearest-rank percentile of sorted values, in milliseconds."""
    index = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[index] / 1e6


def access_lines(log: Path) -> int:
    """How many of berth's JSON access lines ``log`` holds."""
    count = 0
    with log.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            if line.startswith("{") and json.loads(line).get("logger") == "berth.request":
                count += 1
    return count


def scoreboard_count(health_port: int) -> int:
    """Requests the replica's scoreboard counted, from its /status on HEALTH_PORT."""
    with urllib.request.urlopen(f"http://{HOST}:{health_port}/status", timeout=10) as answer:
        return sum(json.load(answer)["responses"].values())  # type: ignore[no-any-return]


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=20, help="timed rounds per variant")
    parser.add_argument("--requests", type=int, default=1000, help="requests per round")
    parser.add_argument("--warmup", type=int, default=500, help="discarded requests per variant")
    parser.add_argument(
        "--quick", action="store_true", help="a short smoke run (2 rounds of 300, 100 warm-up)"
    )
    args = parser.parse_args()
    rounds, count, warmup = (
        (2, 300, 100) if args.quick else (args.rounds, args.requests, args.warmup)
    )
    latencies: dict[str, list[int]] = {variant: [] for variant in VARIANTS}
    wall = dict.fromkeys(VARIANTS, 0.0)
    sent = dict.fromkeys(VARIANTS, 0)
    health = free_port()
    with tempfile.TemporaryDirectory(prefix="berth-bench-") as tmp, bench_site(Path(tmp)) as site:
        logs = {variant: Path(tmp) / f"{variant}.log" for variant in VARIANTS}
        with (
            gunicorn(
                site,
                BERTH,
                output=logs[REPLICA],
                config="python:berth.runtime.gunicorn_conf",
                env={"HEALTH_PORT": str(health)},
            ) as replica,
            gunicorn(site, BERTH, output=logs[BERTH]) as berth,
            gunicorn(site, PLAIN, output=logs[PLAIN]) as plain,
        ):
            servers = {REPLICA: replica, BERTH: berth, PLAIN: plain}
            for variant, server in servers.items():
                wait_for_ok(server, PATH, timeout=60)
                sent[variant] += 1 + len(run_round(server, warmup)[0])
            for number in range(rounds):
                shift = number % len(VARIANTS)
                for variant in VARIANTS[shift:] + VARIANTS[:shift]:
                    values, seconds = run_round(servers[variant], count)
                    latencies[variant] += values
                    wall[variant] += seconds
                    sent[variant] += len(values)
            counted = scoreboard_count(health)
        if counted != sent[REPLICA]:
            raise SystemExit(f"the replica's /status counted {counted} of {sent[REPLICA]} requests")
        # The servers have stopped, so their output is complete.
        for variant in (REPLICA, BERTH):
            logged = access_lines(logs[variant])
            if logged != sent[variant]:
                raise SystemExit(
                    f"expected one access line per request to the {variant} variant "
                    f"({sent[variant]}), found {logged}"
                )
        if access_lines(logs[PLAIN]) != 0:
            raise SystemExit("the anchor wrote berth access lines")
    p50 = {}
    rows = []
    for variant in VARIANTS:
        ordered = sorted(latencies[variant])
        p50[variant] = percentile(ordered, 0.50)
        rows.append(
            [
                NAMES[variant],
                f"{p50[variant]:.3f}",
                f"{percentile(ordered, 0.90):.3f}",
                f"{percentile(ordered, 0.99):.3f}",
                f"{len(ordered) / wall[variant]:.0f}",
                str(len(ordered)),
            ]
        )
    ratio = p50[REPLICA] / p50[PLAIN]
    met = ratio <= GOAL_RATIO
    print(
        f"Request overhead: GET {PATH} (tiny template), gunicorn with 1 sync worker, one "
        f"client connection on loopback, {rounds} rotating rounds of {count} requests per "
        f"variant after {warmup} warm-up\n"
    )
    print(
        markdown_table(
            ["variant", "p50 (ms)", "p90 (ms)", "p99 (ms)", "requests/s", "requests"], rows
        )
    )
    verdict = "met" if met else "MISSED"
    if args.quick:
        verdict += " (quick run: indicative only)"
    print(
        f"\np50 ratio berth replica (scoreboard on)/anchor: {ratio:.3f}   "
        f"goal: within {GOAL_RATIO}x -> {verdict}"
    )
    print(
        f"p50 ratio berth settings without berth's gunicorn config/anchor: "
        f"{p50[BERTH] / p50[PLAIN]:.3f}; replica/that: {p50[REPLICA] / p50[BERTH]:.3f}"
    )
    return 0 if met or args.quick else 1


if __name__ == "__main__":
    raise SystemExit(interruptible(main))
