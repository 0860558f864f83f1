"""berth db pull and berth db restore --jobs 2 against pg_dump | pg_restore by hand, same server.

The database is pgbench's (``pgbench -i -s 50``: 5 million accounts, made here), on a
PostgreSQL server started for the run on tmpfs. Anchors in the same run: ``pg_dump -Fc |
pg_restore`` piped by hand into a new database, and ``pg_restore -j 2`` from a ``pg_dump -Fc``
file. berth's pull goes through an exec prefix (``env DATABASE_URL=…``, standing in for a
container) into a database that does not exist yet, so no safety dump is taken: the same work.

    .venv/bin/python bench/transfer_db.py [--scale 50]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=50)
    arguments = parser.parse_args()
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

            # Anchor: pg_dump -Fc | pg_restore into a new database.
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
                raise SystemExit(f"anchor failed: {restore.stderr.decode(errors='replace')[-500:]}")
            anchor_pull = time.perf_counter() - started
            server.drop_database("anchor")

            # berth db pull through an exec prefix, into a database that does not exist yet.
            project = folder / "project"
            project.mkdir()
            (project / "manage.py").write_text("")
            (project / "berth.toml").write_text(
                f'[environments.source]\nexec = ["env", "DATABASE_URL={source_url}"]\n'
                f'berth = ["{sys.executable}", "-m", "berth"]\n'
            )
            target_url = server.url("pulled")
            berth_env = {**child_environment(), "DATABASE_URL": target_url}
            berth_pull = timed(
                [sys.executable, "-m", "berth", "db", "pull", "source", "--yes"],
                berth_env,
                cwd=project,
            )
            server.drop_database("pulled")

            # Restore from a file with two workers.
            anchor_file = folder / "anchor.dump"
            timed([str(tools["pg_dump"]), "-Fc", "-f", str(anchor_file), "source"], pg_env)
            server.create_database("anchor_j")
            anchor_jobs = timed(
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
            berth_file = folder / "berth.dump"
            timed(
                [sys.executable, "-m", "berth", "db", "dump", "source", "-o", str(berth_file)],
                child_environment(),
                cwd=project,
            )
            restore_env = {**child_environment(), "DATABASE_URL": server.url("restored")}
            berth_jobs = timed(
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
    rows = [
        [
            f"db pull (pgbench scale {arguments.scale})",
            f"{berth_pull:.1f}",
            f"{anchor_pull:.1f}",
            f"{berth_pull / anchor_pull:.2f}",
            "1.1",
        ],
        [
            "restore --jobs 2 from a file",
            f"{berth_jobs:.1f}",
            f"{anchor_jobs:.1f}",
            f"{berth_jobs / anchor_jobs:.2f}",
            "1.0",
        ],
    ]
    print()
    print(markdown_table(["scenario", "berth s", "anchor s", "ratio", "goal ≤"], rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(interruptible(main))
