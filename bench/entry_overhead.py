"""The entry point's own cost: a small page through berth up's nginx, against the replica directly.

One gunicorn replica (the berth variant of bench/request_overhead.py: one sync worker), and
berth up's nginx in front of it, rendered by the same function berth up uses
(``berth.scaffold.render.render_up_nginx``: body buffering, retries, the JSON access line).
Rounds alternate between the two paths (direct, proxied, then proxied, direct, ...) after a
warm-up; the anchor is the direct path, in the same run. Prints the p50 ratio.

    .venv/bin/python bench/entry_overhead.py [--rounds 20] [--requests 1000] [--quick]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _common import (
    BERTH,
    Server,
    bench_site,
    free_port,
    gunicorn,
    interruptible,
    markdown_table,
    wait_for_ok,
)
from request_overhead import PATH, percentile, run_round

from berth.scaffold.render import ReplicaAddress, render_up_nginx
from berth.services.nginx import NginxServer

DIRECT, PROXIED = "direct", "proxied"
LABELS = {DIRECT: "anchor: the replica directly", PROXIED: "through berth up's nginx"}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--warmup", type=int, default=500)
    parser.add_argument("--quick", action="store_true", help="2 rounds of 300, 100 warm-up")
    args = parser.parse_args()
    rounds, count, warmup = (
        (2, 300, 100) if args.quick else (args.rounds, args.requests, args.warmup)
    )
    latencies: dict[str, list[int]] = {DIRECT: [], PROXIED: []}
    with (
        tempfile.TemporaryDirectory(prefix="berth-bench-") as tmp,
        bench_site(Path(tmp)) as site,
        gunicorn(site, BERTH, output=Path(tmp) / "replica.log") as replica,
    ):
        port = free_port()
        config = render_up_nginx(
            listen=f"127.0.0.1:{port}",
            prefix=Path(tmp) / "nginx",
            access_log=Path(tmp) / "proxy.log",
            replicas=[ReplicaAddress("web-1", "127.0.0.1", replica.port)],
        )
        with NginxServer(Path(tmp) / "nginx", config):
            servers = {
                DIRECT: replica,
                PROXIED: Server(replica.process, port, replica.started),
            }
            for server in servers.values():
                wait_for_ok(server, PATH, timeout=60)
                run_round(server, warmup)
            for number in range(rounds):
                for variant in (DIRECT, PROXIED) if number % 2 == 0 else (PROXIED, DIRECT):
                    latencies[variant] += run_round(servers[variant], count)[0]
    rows, p50 = [], {}
    for variant in (DIRECT, PROXIED):
        ordered = sorted(latencies[variant])
        p50[variant] = percentile(ordered, 0.50)
        rows.append(
            [
                LABELS[variant],
                f"{p50[variant]:.3f}",
                f"{percentile(ordered, 0.90):.3f}",
                f"{percentile(ordered, 0.99):.3f}",
                str(len(ordered)),
            ]
        )
    print(
        f"Entry point overhead: GET {PATH}, one sync worker, one client connection on loopback, "
        f"{rounds} alternating rounds of {count} requests per path after {warmup} warm-up\n"
    )
    print(markdown_table(["path", "p50 (ms)", "p90 (ms)", "p99 (ms)", "requests"], rows))
    ratio = p50[PROXIED] / p50[DIRECT]
    added = p50[PROXIED] - p50[DIRECT]
    print(f"\np50 ratio proxied/direct: {ratio:.3f} (+{added:.3f} ms per request)")
    return 0


if __name__ == "__main__":
    raise SystemExit(interruptible(main))
