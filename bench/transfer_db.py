"""berth db pull and berth db restore --jobs 2 against pg_dump | pg_restore by hand, same server.

The database is pgbench's (``pgbench -i -s 50``: 5 million accounts, made here), on a
PostgreSQL server started for the run on tmpfs. Anchors in the same run: ``pg_dump -Fc |
pg_restore`` piped by hand into a new database, and ``pg_restore -j 2`` from a ``pg_dump -Fc``
file. berth's pull goes through an exec prefix (``env DATABASE_URL=…``, standing in for a
container) into a database that does not exist yet, so no safety dump is taken: the same work.
The machine may be shared: each comparison runs ``--pairs`` times, berth and its anchor one
after the other in an order that alternates, and the table gives medians and per-pair ratios,
with the CPU seconds and context switches of the client processes (every process each side
starts, not the server's), which another's load distorts less than the wall-clock time.

    .venv/bin/python bench/transfer_db.py [--scale 50] [--pairs 3] [--only pull|restore]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import child_environment, interruptible, markdown_table  # noqa: E402

from berth.services.pg_programs import find_program  # noqa: E402
from berth.services.postgres import PostgresServer  # noqa: E402
from berth.transfer.databases import Database  # noqa: E402


@dataclass
class Run:
    seconds: float
    cpu: float = 0.0
    """User + system CPU seconds of the processes the run started (reaped children's)."""
    switches: int = 0
    """Their voluntary + involuntary context switches."""


@contextmanager
def measured() -> Iterator[Run]:
    """A Run filled in when the block ends: wall-clock time and the children's rusage."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    run = Run(0.0)
    started = time.perf_counter()
    yield run
    run.seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    run.cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    run.switches = (after.ru_nvcsw + after.ru_nivcsw) - (before.ru_nvcsw + before.ru_nivcsw)


def timed(
    command: list[str], env: dict[str, str], cwd: Path | None = None, stdin: int | None = None
) -> Run:
    with measured() as run:
        _run(command, env, cwd, stdin)
    return run


def _run(
    command: list[str], env: dict[str, str], cwd: Path | None = None, stdin: int | None = None
) -> None:
    completed = subprocess.run(
        command,
        env=env,
        cwd=cwd,
        stdin=stdin or subprocess.DEVNULL,
        capture_output=True,
        check=False,
    )
    if completed.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {completed.stderr.decode(errors='replace')[-500:]}")


def interleaved(
    berth: Callable[[], Run], anchor: Callable[[], Run], pairs: int, label: str
) -> list[tuple[Run, Run]]:
    """``pairs`` (berth, anchor) times, berth first in even pairs and the anchor in odd ones."""
    times = []
    for pair in range(pairs):
        if pair % 2 == 0:
            berth_seconds = berth()
            anchor_seconds = anchor()
        else:
            anchor_seconds = anchor()
            berth_seconds = berth()
        times.append((berth_seconds, anchor_seconds))
        print(
            f"{label} pair {pair + 1}: berth {berth_seconds.seconds:.2f} s "
            f"({berth_seconds.cpu:.2f} s CPU, {berth_seconds.switches} switches), anchor "
            f"{anchor_seconds.seconds:.2f} s ({anchor_seconds.cpu:.2f} s CPU, "
            f"{anchor_seconds.switches} switches) (load average {os.getloadavg()[0]:.1f})",
            file=sys.stderr,
        )
    return times


def row(label: str, runs: list[tuple[Run, Run]], goal: float) -> list[str]:
    times = [(b.seconds, a.seconds) for b, a in runs]
    berth = statistics.median(b for b, _ in times)
    anchor = statistics.median(a for _, a in times)
    ratios = [b / a for b, a in times]
    return [
        label,
        f"{berth:.2f}",
        f"{anchor:.2f}",
        f"{berth / anchor:.2f}",
        f"{min(ratios):.2f}–{max(ratios):.2f}",
        ", ".join(f"{b:.2f}/{a:.2f}" for b, a in times),
        f"{statistics.median(b.cpu for b, _ in runs):.2f}/"
        f"{statistics.median(a.cpu for _, a in runs):.2f}",
        f"{statistics.median(b.switches for b, _ in runs):.0f}/"
        f"{statistics.median(a.switches for _, a in runs):.0f}",
        f"{goal}",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=50)
    parser.add_argument("--pairs", type=int, default=3, help="berth/anchor pairs of each.")
    parser.add_argument("--only", choices=("pull", "restore"), help="One comparison of the two.")
    arguments = parser.parse_args()
    load_start = os.getloadavg()[0]
    shm = Path("/dev/shm") if os.access("/dev/shm", os.W_OK) else None
    with tempfile.TemporaryDirectory(prefix="berth-bench-db-", dir=shm) as scratch:
        folder = Path(scratch)
        # Run by root, PostgreSQL runs as another account, which must enter this folder (a
        # temporary one: 0700); berth changes no folder's mode, so the benchmark opens its own.
        folder.chmod(0o711)
        with PostgresServer(folder / "postgres") as server:
            source_url = server.create_database("source")
            database = Database.from_url(source_url)
            _, number = database.server_version()
            major = number // 10000
            tools = {
                name: find_program(name, major, why="the benchmark").path
                for name in ("pgbench", "pg_dump", "pg_restore")
            }
            pg_env = {**child_environment(), **database.libpq_environment()}
            print(f"pgbench -i -s {arguments.scale} …", file=sys.stderr)
            made = timed(
                [str(tools["pgbench"]), "-i", "-q", "-s", str(arguments.scale), "source"], pg_env
            )
            print(f"made in {made.seconds:.0f} s", file=sys.stderr)

            project = folder / "project"
            project.mkdir()
            (project / "manage.py").write_text("")
            (project / "berth.toml").write_text(
                f'[environments.source]\nexec = ["env", "DATABASE_URL={source_url}"]\n'
                f'berth = ["{sys.executable}", "-m", "berth"]\n'
            )
            anchor_file = folder / "anchor.dump"
            timed([str(tools["pg_dump"]), "-Fc", "-f", str(anchor_file), "source"], pg_env)
            berth_file = folder / "berth.dump"
            timed(
                [sys.executable, "-m", "berth", "db", "dump", "source", "-o", str(berth_file)],
                child_environment(),
                cwd=project,
            )

            def anchor_pull() -> Run:
                server.create_database("anchor")
                with measured() as run:
                    anchor_pipe()
                server.drop_database("anchor")
                return run

            def anchor_pipe() -> None:
                dump = subprocess.Popen(
                    [str(tools["pg_dump"]), "-Fc", "source"], env=pg_env, stdout=subprocess.PIPE
                )
                restore = subprocess.run(
                    [
                        str(tools["pg_restore"]),
                        "--no-owner",
                        "--no-acl",
                        "--exit-on-error",
                        "-d",
                        "anchor",
                    ],
                    env=pg_env,
                    stdin=dump.stdout,
                    capture_output=True,
                    check=False,
                )
                assert dump.stdout is not None
                dump.stdout.close()
                if dump.wait() != 0 or restore.returncode != 0:
                    raise SystemExit(
                        f"anchor failed: {restore.stderr.decode(errors='replace')[-500:]}"
                    )

            def berth_pull() -> Run:
                # Through an exec prefix, into a database that does not exist yet.
                berth_env = {**child_environment(), "DATABASE_URL": server.url("pulled")}
                run = timed(
                    [sys.executable, "-m", "berth", "db", "pull", "source", "--yes"],
                    berth_env,
                    cwd=project,
                )
                server.drop_database("pulled")
                return run

            def anchor_jobs() -> Run:
                server.create_database("anchor_j")
                run = timed(
                    [
                        str(tools["pg_restore"]),
                        "--no-owner",
                        "--no-acl",
                        "--exit-on-error",
                        "-j",
                        "2",
                        "-d",
                        "anchor_j",
                        str(anchor_file),
                    ],
                    pg_env,
                )
                server.drop_database("anchor_j")
                return run

            def berth_jobs() -> Run:
                restore_env = {**child_environment(), "DATABASE_URL": server.url("restored")}
                run = timed(
                    [
                        sys.executable,
                        "-m",
                        "berth",
                        "db",
                        "restore",
                        str(berth_file),
                        "--jobs",
                        "2",
                        "--yes",
                    ],
                    restore_env,
                    cwd=project,
                )
                server.drop_database("restored")
                return run

            # Pairs interleaved, the order swapped from pair to pair: a shared machine's other
            # work then weighs on both sides of a pair alike.
            rows = []
            if arguments.only in (None, "pull"):
                pulls = interleaved(berth_pull, anchor_pull, arguments.pairs, "pull")
                rows.append(row(f"db pull (pgbench scale {arguments.scale})", pulls, 1.1))
            if arguments.only in (None, "restore"):
                restores = interleaved(berth_jobs, anchor_jobs, arguments.pairs, "restore --jobs 2")
                rows.append(row("restore --jobs 2 from a file", restores, 1.0))
    print(
        f"\nmedians of {arguments.pairs} interleaved pair(s); load average {load_start:.2f} "
        f"at the start, {os.getloadavg()[0]:.2f} at the end"
    )
    print()
    print(
        markdown_table(
            [
                "scenario",
                "berth s",
                "anchor s",
                "ratio",
                "per pair",
                "pairs s",
                "CPU s",
                "switches",
                "goal ≤",
            ],
            rows,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(interruptible(main))
