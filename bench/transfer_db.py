"""berth db pull and berth db restore --jobs 2 against pg_dump | pg_restore by hand, same server.

The database is pgbench's (``pgbench -i -s 50``: 5 million accounts, made here), on a
PostgreSQL server started for the run on tmpfs. Anchors in the same run: ``pg_dump -Fc |
pg_restore`` piped by hand into a new database, and ``pg_restore -j 2`` from a ``pg_dump -Fc``
file. berth's pull goes through an exec prefix (``env DATABASE_URL=…``, standing in for a
container) into a database that does not exist yet, so no safety dump is taken: the same work.
The machine may be shared: each comparison runs ``--pairs`` times, berth and its anchor one
after the other in an order that alternates, and the table gives medians and per-pair ratios.

    .venv/bin/python bench/transfer_db.py [--scale 50] [--pairs 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _common import child_environment, interruptible, markdown_table  # noqa: E402

from berth.services.pg_programs import find_program  # noqa: E402
from berth.services.postgres import PostgresServer  # noqa: E402
from berth.transfer.databases import Database  # noqa: E402


def timed(
    command: list[str], env: dict[str, str], cwd: Path | None = None, stdin: int | None = None
) -> float:
    started = time.perf_counter()
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
    return time.perf_counter() - started


def interleaved(
    berth: Callable[[], float], anchor: Callable[[], float], pairs: int, label: str
) -> list[tuple[float, float]]:
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
            f"{label} pair {pair + 1}: berth {berth_seconds:.2f} s, anchor {anchor_seconds:.2f} s "
            f"(load average {os.getloadavg()[0]:.1f})",
            file=sys.stderr,
        )
    return times


def row(label: str, times: list[tuple[float, float]], goal: float) -> list[str]:
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
        f"{goal}",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=50)
    parser.add_argument("--pairs", type=int, default=3, help="berth/anchor pairs of each.")
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
            print(f"made in {made:.0f} s", file=sys.stderr)

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

            def anchor_pull() -> float:
                server.create_database("anchor")
                started = time.perf_counter()
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
                seconds = time.perf_counter() - started
                server.drop_database("anchor")
                return seconds

            def berth_pull() -> float:
                # Through an exec prefix, into a database that does not exist yet.
                berth_env = {**child_environment(), "DATABASE_URL": server.url("pulled")}
                seconds = timed(
                    [sys.executable, "-m", "berth", "db", "pull", "source", "--yes"],
                    berth_env,
                    cwd=project,
                )
                server.drop_database("pulled")
                return seconds

            def anchor_jobs() -> float:
                server.create_database("anchor_j")
                seconds = timed(
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
                return seconds

            def berth_jobs() -> float:
                restore_env = {**child_environment(), "DATABASE_URL": server.url("restored")}
                seconds = timed(
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
                return seconds

            # Pairs interleaved, the order swapped from pair to pair: a shared machine's other
            # work then weighs on both sides of a pair alike.
            pulls = interleaved(berth_pull, anchor_pull, arguments.pairs, "pull")
            restores = interleaved(berth_jobs, anchor_jobs, arguments.pairs, "restore --jobs 2")
    rows = [
        row(f"db pull (pgbench scale {arguments.scale})", pulls, 1.1),
        row("restore --jobs 2 from a file", restores, 1.0),
    ]
    print(
        f"\nmedians of {arguments.pairs} interleaved pair(s); load average {load_start:.2f} "
        f"at the start, {os.getloadavg()[0]:.2f} at the end"
    )
    print()
    print(
        markdown_table(
            ["scenario", "berth s", "anchor s", "ratio", "per pair", "pairs s", "goal ≤"], rows
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(interruptible(main))
