"""The transfer fault suite: berth db restore, pull, push and backup under kills and broken channels.

Each case runs the real ``berth`` command as a process group of its own, against the session's
PostgreSQL and S3 servers, injects one fault, and checks what berth promises whatever happens:
the target database holds exactly its old or its new rows and accepts connections; a later
restore succeeds; no file under its final name is a partial dump; no backup object holds one.

The kills land at fractions of each command's own measured duration (so at every phase: start,
safety dump, copy, swap, cleanup), and exactly inside the swap's rename, which the test makes wait
on a lock it holds. Figures: docs/reliability.md, "Transfer under faults".
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from tests.s3_server import S3Bucket
from tests.transfer.faults import (
    ORPHAN_GRACE,
    Content,
    Run,
    Target,
    berth,
    content,
    fill_rows,
    hold_database_lock,
    make_target,
    partial_files,
    wait_for_blocked_rename,
)

from berth.services.postgres import PostgresServer

# ~20 MB of rows: a restore, pull or push lasts about 2 s on a busy 2-core machine, long enough
# to be killed at every phase, short enough for the suite to stay within a few minutes.
BIG_ORDERS = 120_000
MOMENTS = (0.1, 0.3, 0.5, 0.7, 0.9)
"""Fractions of the command's measured duration at which it is killed."""
SIGNALS = {"SIGKILL": signal.SIGKILL, "SIGINT": signal.SIGINT, "SIGTERM": signal.SIGTERM}
KILLED_COMMANDS = ("restore", "pull", "push", "backup")
# A killed berth ends at once; a Ctrl-C'd one cleans up (drops its copy) first.
EXIT_WITHIN = 30.0
STALL_BOUND = 15.0

PARTIAL_BACKUP = "issue 15: a backup whose dump fails is still stored under its final key — fix on branch backups"
BANNER_DEADLOCK = (
    "issue 15: a banner before the dump makes berth wait forever on the remote dump it stopped "
    "reading — fix on branch dbtransfer"
)
NO_STALL_TIMEOUT = (
    "issue 15: an exec channel that stops sending hangs berth forever (no read timeout on the "
    "channel) — reported, no fix in flight"
)


@dataclass
class World:
    server: PostgresServer
    big_url: str
    big: Content
    dump: Path
    dump_size: int
    bucket: S3Bucket
    folders: dict[str, Path]
    targets: dict[str, Target]
    baseline: dict[str, float]
    backup_size: int
    checked: set[Path]
    tally: Counter[tuple[str, str, str]]

    def command(self, name: str) -> tuple[list[str], Path, dict[str, str]]:
        """The berth arguments, folder and variables of one of the killed commands."""
        folder = self.folders[name]
        if name == "restore":
            return (
                ["db", "restore", str(self.dump), "--yes"],
                folder,
                {"DATABASE_URL": self.targets[name].url},
            )
        if name == "pull":
            return ["db", "pull", "prod", "--yes"], folder, {"DATABASE_URL": self.targets[name].url}
        if name == "push":
            return ["db", "push", "prod", "--yes"], folder, {"DATABASE_URL": self.big_url}
        return (
            ["db", "backup"],
            folder,
            {"DATABASE_URL": self.big_url, "STORAGE_URL": self.bucket.storage_url},
        )

    def backup_objects(self) -> dict[str, int]:
        client = self.bucket.client()
        listing = client.list_objects_v2(Bucket=self.bucket.name, Prefix="backups/")
        return {entry["Key"]: entry["Size"] for entry in listing.get("Contents", [])}

    def clear_backups(self) -> None:
        client = self.bucket.client()
        for key in self.backup_objects():
            client.delete_object(Bucket=self.bucket.name, Key=key)


def write_environment(folder: Path, name: str, url: str, wrapper: Path | None = None) -> None:
    """An environment whose berth runs here under ``env DATABASE_URL=…``, through ``wrapper``."""
    prefix = [str(wrapper)] if wrapper is not None else []
    prefix += ["env", f"DATABASE_URL={url}"]
    with (folder / "berth.toml").open("a") as toml:
        toml.write(
            f"[environments.{name}]\n"
            "exec = [" + ", ".join(f'"{word}"' for word in prefix) + "]\n"
            f'berth = ["{sys.executable}", "-m", "berth"]\n'
        )
    (folder / "manage.py").touch()


def timed(world: World, name: str) -> float:
    args, folder, variables = world.command(name)
    with berth(args, folder, **variables) as run:
        code = run.wait(120)
        elapsed = time.monotonic() - run.started
        assert code == 0, f"berth {' '.join(args)} failed: {run.stderr()}"
    return elapsed


@pytest.fixture(scope="module")
def world(
    postgres_server: PostgresServer,
    module_s3_bucket: S3Bucket,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[World]:
    tag = os.urandom(4).hex()
    names = {
        "big": f"faults_{tag}_big",
        **{command: f"faults_{tag}_{command}" for command in ("restore", "pull", "push")},
    }
    try:
        big_url = postgres_server.create_database(names["big"])
        fill_rows(big_url, customers=500, orders=BIG_ORDERS)
        big = content(big_url)
        root = tmp_path_factory.mktemp("faults")
        folders = {name: root / name for name in (*KILLED_COMMANDS, "channels", "damaged")}
        for folder in folders.values():
            folder.mkdir()
            (folder / "manage.py").touch()
        targets = {
            command: make_target(postgres_server, names[command], big)
            for command in ("restore", "pull", "push")
        }
        write_environment(folders["pull"], "prod", big_url)
        write_environment(folders["push"], "prod", targets["push"].url)
        dump = root / "big.dump"
        with berth(
            ["db", "dump", "-o", str(dump)], folders["restore"], DATABASE_URL=big_url
        ) as run:
            assert run.wait(120) == 0, run.stderr()
        world = World(
            server=postgres_server,
            big_url=big_url,
            big=big,
            dump=dump,
            dump_size=dump.stat().st_size,
            bucket=module_s3_bucket,
            folders=folders,
            targets=targets,
            baseline={},
            backup_size=0,
            checked=set(),
            tally=Counter(),
        )
        for command in KILLED_COMMANDS:
            world.baseline[command] = timed(world, command)
            if command in targets:
                assert targets[command].check_whole() == "new"
                targets[command].reset()
        (world.backup_size,) = world.backup_objects().values()
        world.clear_backups()
        yield world
        report(world)
    finally:
        for name in names.values():
            for leftover in Target(postgres_server, name, big, big).leftovers():
                postgres_server.drop_database(leftover)
            postgres_server.drop_database(name)


def report(world: World) -> None:
    """The figures docs/reliability.md gives; ``pytest -s`` shows them."""
    durations = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in world.baseline.items())
    print(f"\ntransfer faults: a {world.dump_size:,}-byte dump; uninterrupted runs: {durations}")
    for key, count in sorted(world.tally.items()):
        print(f"  {' / '.join(key)}: {count}")


def check_after(world: World, command: str, run: Run, code: int | None) -> str:
    """The promises berth keeps whatever happened; returns the target's state (old/new/-)."""
    lingered = run.finish()
    assert not lingered, f"processes outlived berth by {ORPHAN_GRACE:.0f} s: {lingered}"
    assert not partial_files(world.folders[command], world.checked)
    if command == "backup":
        objects = world.backup_objects()
        world.clear_backups()
        partial = {key: size for key, size in objects.items() if size != world.backup_size}
        assert not partial, f"backup objects holding a partial dump: {partial}"
        if code == 0:
            assert objects, "berth db backup succeeded and stored nothing"
        return "stored" if objects else "none"
    state = world.targets[command].check_whole()
    if code == 0:
        assert state == "new", "berth exited 0 and the target still holds its old rows"
    return state


@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize("signal_name", list(SIGNALS))
@pytest.mark.parametrize("command", KILLED_COMMANDS)
def test_a_killed_transfer_leaves_the_target_whole(
    world: World,
    command: str,
    signal_name: str,
    moment: float,
) -> None:
    if command in world.targets:
        world.targets[command].ensure_old()
    args, folder, variables = world.command(command)
    with berth(args, folder, **variables) as run:
        time.sleep(max(0.0, moment * world.baseline[command] - (time.monotonic() - run.started)))
        running = run.process.poll() is None
        run.signal(SIGNALS[signal_name])
        code = run.wait(EXIT_WITHIN)
        assert code is not None, f"berth still runs {EXIT_WITHIN} s after {signal_name}"
        state = check_after(world, command, run, code)
    world.tally[(command, signal_name, f"{'killed' if running else 'done'}, {state}")] += 1


@pytest.mark.parametrize("signal_name", list(SIGNALS))
@pytest.mark.parametrize("command", ["restore", "pull", "push"])
def test_a_transfer_killed_inside_the_swap_leaves_the_target_whole(
    world: World, command: str, signal_name: str
) -> None:
    target = world.targets[command]
    target.ensure_old()
    args, folder, variables = world.command(command)
    lock = hold_database_lock(world.server, target.name)
    try:
        with berth(args, folder, **variables) as run:
            assert wait_for_blocked_rename(world.server, run, timeout=60), run.stderr()
            run.signal(SIGNALS[signal_name])
            time.sleep(0.5)
            lock.rollback()
            code = run.wait(EXIT_WITHIN)
            assert code is not None, f"berth still runs {EXIT_WITHIN} s after {signal_name}"
            state = check_after(world, command, run, code)
    finally:
        lock.close()
    world.tally[(command, f"{signal_name} in the swap", state)] += 1


def test_after_every_fault_the_next_transfers_succeed_and_clear_what_was_left(world: World) -> None:
    """Copies a killed restore left on the server are dropped by the next one into that target."""
    for command, target in world.targets.items():
        target.ensure_old()
        args, folder, variables = world.command(command)
        with berth(args, folder, **variables) as run:
            assert run.wait(120) == 0, run.stderr()
        assert target.check_whole() == "new"
        assert target.leftovers() == []
