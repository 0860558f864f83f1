"""The transfer fault suite: berth db restore (and --jobs), pull, push and backup, killed or fed broken channels.

Each case runs the real ``berth`` command as a process group of its own (targets on the session's
PostgreSQL server, sources on one of their own, backups on the session's S3 server), injects one
fault, and checks what berth promises whatever happens:
the target database holds exactly its old or its new rows and accepts connections; a later
restore succeeds; no file under its final name is a partial dump; no backup object holds one.

The kills land at fractions of each command's own measured duration (start, safety dump, copy)
and exactly inside the swap's rename, which the test makes wait on a lock it holds. Figures: docs/reliability.md, "Transfer under faults".
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
import pytest
from tests.conftest import postgres_folder
from tests.s3_server import S3Bucket
from tests.transfer.faults import (
    EXIT_WITHIN,
    ORPHAN_GRACE,
    SIGNALS,
    Content,
    Run,
    Target,
    berth,
    children,
    content,
    fill_rows,
    hold_database_lock,
    make_target,
    partial_files,
    small_tmpfs,
    wait_for_blocked_rename,
)

from berth.services.postgres import PostgresServer

# ~17 MB of rows (a 3.7 MB dump): a restore, pull or push lasts 1-3 s on a busy 2-core machine,
# long enough to be killed in every phase, short enough for the file to take about 3 minutes.
BIG_ORDERS = 120_000
MOMENTS = (0.05, 0.2, 0.35, 0.5, 0.7)
"""Fractions of the command's measured duration at which it is killed."""
KILLED_COMMANDS = ("restore", "restore-jobs", "pull", "push", "backup")
# Those that replace a database: each has a target of its own.
REPLACING = ("restore", "restore-jobs", "pull", "push")
STALL_BOUND = 10.0
# What berth db backups lists and restore latest picks.
BACKUP_KEY = re.compile(r"backups/db-\d{8}T\d{6}Z\.dump")


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
    archive_copies: set[Path] = field(default_factory=set)
    """The archive copies killed restores --jobs left so far."""
    leftovers: dict[str, set[str]] = field(default_factory=dict)
    """Each target's copies that earlier cases left, as the current case began."""

    def begin(self, command: str) -> None:
        """Before a case: the target holds its old rows; what earlier cases left is noted."""
        if command in self.targets:
            self.targets[command].ensure_old()
            self.leftovers[command] = set(self.targets[command].leftovers())

    def command(self, name: str) -> tuple[list[str], Path, dict[str, str]]:
        """The berth arguments, folder and variables of one of the killed commands."""
        folder = self.folders[name]
        if name == "restore":
            return (
                ["db", "restore", str(self.dump), "--yes"],
                folder,
                {"DATABASE_URL": self.targets[name].url},
            )
        if name == "restore-jobs":
            # Its own copy of the dump: the archive copy pg_restore's workers read lies beside it.
            return (
                ["db", "restore", str(folder / self.dump.name), "--jobs", "2", "--yes"],
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

    def backup_objects(self, *, every: bool = False) -> dict[str, int]:
        """The objects under backup keys (``every``: anything under ``backups/``) and their sizes."""
        client = self.bucket.client()
        listing = client.list_objects_v2(Bucket=self.bucket.name, Prefix="backups/")
        return {
            entry["Key"]: entry["Size"]
            for entry in listing.get("Contents", [])
            if every or BACKUP_KEY.fullmatch(entry["Key"])
        }

    def clear_backups(self) -> None:
        client = self.bucket.client()
        for key in self.backup_objects(every=True):
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
def source_server() -> Iterator[PostgresServer]:
    """The sources' own server, as production's is not the laptop's.

    On one server, a pull after a killed one waits forever in DROP DATABASE of the copy left
    behind in about 2 tries of 3 (reported in issue 15; not yet made certain, so not a case).
    """
    with postgres_folder() as folder, PostgresServer(folder / "data") as server:
        yield server


@pytest.fixture(scope="module")
def world(
    postgres_server: PostgresServer,
    source_server: PostgresServer,
    module_s3_bucket: S3Bucket,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[World]:
    tag = os.urandom(4).hex()
    names = {
        "big": f"faults_{tag}_big",
        **{command: f"faults_{tag}_{command.replace('-', '_')}" for command in REPLACING},
    }
    try:
        big_url = source_server.create_database(names["big"])
        fill_rows(big_url, customers=500, orders=BIG_ORDERS)
        big = content(big_url)
        root = tmp_path_factory.mktemp("faults")
        folders = {name: root / name for name in (*KILLED_COMMANDS, "channels", "damaged")}
        for folder in folders.values():
            folder.mkdir()
            (folder / "manage.py").touch()
        targets = {
            command: make_target(postgres_server, names[command], big) for command in REPLACING
        }
        write_environment(folders["pull"], "prod", big_url)
        write_environment(folders["push"], "prod", targets["push"].url)
        dump = root / "big.dump"
        with berth(
            ["db", "dump", "-o", str(dump)], folders["restore"], DATABASE_URL=big_url
        ) as run:
            assert run.wait(120) == 0, run.stderr()
        shutil.copyfile(dump, folders["restore-jobs"] / dump.name)
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
        source_server.drop_database(names["big"])


def report(world: World) -> None:
    """The figures docs/reliability.md gives; ``pytest -s`` shows them."""
    durations = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in world.baseline.items())
    print(f"\ntransfer faults: a {world.dump_size:,}-byte dump; uninterrupted runs: {durations}")
    for key, count in sorted(world.tally.items()):
        print(f"  {' / '.join(key)}: {count}")


def check_after(world: World, command: str, run: Run, code: int | None) -> str:
    """The promises berth keeps whatever happened; returns the target's state or the backup's."""
    lingered = run.finish()
    assert not lingered, f"processes outlived berth by {ORPHAN_GRACE:.0f} s: {lingered}"
    assert not partial_files(world.folders[command], world.checked)
    if command == "backup":
        objects = world.backup_objects()
        # The empty object berth puts to check the bucket is private; a kill may leave it.
        probe = len(world.backup_objects(every=True)) > len(objects)
        world.clear_backups()
        partial = {key: size for key, size in objects.items() if size != world.backup_size}
        assert not partial, f"backup objects holding a partial dump: {partial}"
        if code == 0:
            assert objects, "berth db backup succeeded and stored nothing"
        return ("stored" if objects else "none") + (", privacy probe left" if probe else "")
    if command == "restore-jobs":
        # A berth that ended by itself (Ctrl-C, SIGTERM) removed its archive copy; a SIGKILLed
        # one may leave it, for a later --jobs restore of the dump to remove once it is a
        # minute old and no process holds it.
        copies = set(world.folders[command].glob(".*.archive"))
        left = copies - world.archive_copies
        assert len(left) <= (0 if code is not None and code >= 0 else 1), left
        world.archive_copies = copies
    state = world.targets[command].check_whole()
    if code is not None and code >= 0 and command != "push":
        # Ended by itself (Ctrl-C, SIGTERM): its copy of the target is dropped, not left for
        # the next restore (which drops those a SIGKILL left). Not push's: its copy is the
        # environment's berth's, which the local berth kills rather than let it finish a
        # restore that the user stopped.
        left = set(world.targets[command].leftovers()) - world.leftovers[command]
        assert not left, f"berth ended and left its copy: {left}; {run.stderr()[-600:]}"
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
    world.begin(command)
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
@pytest.mark.parametrize("command", REPLACING)
def test_a_transfer_killed_inside_the_swap_leaves_the_target_whole(
    world: World, command: str, signal_name: str
) -> None:
    target = world.targets[command]
    world.begin(command)
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


# Exec prefixes standing in for `docker compose exec` gone wrong. Each wraps the environment's
# command ("$@"); CUT is replaced by a byte count half-way through the dump.
CHANNELS = {
    "banner on stdout": 'echo "Welcome to web-1 (Ubuntu 24.04 LTS)"\nexec "$@"',
    "banner on stderr": 'echo "Welcome to web-1 (Ubuntu 24.04 LTS)" >&2\nexec "$@"',
    "no dump: the container is gone": 'echo "Error: No such container: web-1"\nexit 1',
    "stalls mid-stream": 'case " $* " in *" dump "*) "$@" | { head -c CUT; exec sleep 3600; } ;;'
    ' *) exec "$@" ;; esac',
    "cut mid-stream, exit 255": 'case " $* " in *" dump "*) "$@" | head -c CUT; exit 255 ;;'
    ' *) exec "$@" ;; esac',
    "cut mid-stream, exit 0": 'case " $* " in *" dump "*) "$@" | head -c CUT; exit 0 ;;'
    ' *) exec "$@" ;; esac',
    # Killed once its pg_dump runs, which writes straight to the channel and carries on: the
    # stream ends whole, and only the exit status (137) says the dump failed.
    "remote berth SIGKILLed": 'case " $* " in *" dump "*) "$@" & berth=$!;'
    ' until pgrep -P "$berth" pg_dump >/dev/null; do sleep 0.01; done;'
    ' kill -KILL "$berth"; wait "$berth"; exit $? ;; *) exec "$@" ;; esac',
    # The channel ends as soon as its input is cut; the remote berth carries on alone.
    "push: input cut mid-stream, exit 255": 'case " $* " in *" restore "*) head -c CUT > >("$@");'
    ' exit 255 ;; *) exec "$@" ;; esac',
    "push: stops reading mid-stream": 'case " $* " in *" restore "*) { head -c CUT;'
    ' exec sleep 3600; } | "$@" ;; *) exec "$@" ;; esac',
}
STALLS = frozenset({"stalls mid-stream", "push: stops reading mid-stream"})
# A stall is given up on after BERTH_STALL_TIMEOUT: shortened here from its 300 s.
STALL_TIMEOUT = 5


@pytest.mark.parametrize("channel", list(CHANNELS))
def test_a_broken_exec_channel_leaves_the_target_whole(world: World, channel: str) -> None:
    command = "push" if channel.startswith("push:") else "pull"
    target = world.targets[command]
    target.ensure_old()
    folder = world.folders["channels"] / str(list(CHANNELS).index(channel))
    folder.mkdir(exist_ok=True)
    wrapper = folder / "exec.sh"
    script = CHANNELS[channel].replace("CUT", str(world.dump_size // 2))
    wrapper.write_text(f"#!/bin/bash\n{script}\n")
    wrapper.chmod(0o755)
    (folder / "berth.toml").unlink(missing_ok=True)
    if command == "pull":
        write_environment(folder, "prod", world.big_url, wrapper)
        variables = {"DATABASE_URL": target.url}
    else:
        write_environment(folder, "prod", target.url, wrapper)
        variables = {"DATABASE_URL": world.big_url}
    if channel in STALLS:
        variables["BERTH_STALL_TIMEOUT"] = str(STALL_TIMEOUT)
    with berth(["db", command, "prod", "--yes"], folder, **variables) as run:
        bound = STALL_BOUND + STALL_TIMEOUT if channel in STALLS else 20.0
        code = run.wait(bound)
        if code is None:
            # The user gives up: Ctrl-C. The target must be whole all the same.
            run.signal(signal.SIGINT)
            run.wait(EXIT_WITHIN)
        lingered = run.finish()
        assert not lingered, f"processes outlived berth by {ORPHAN_GRACE:.0f} s: {lingered}"
        assert not partial_files(folder, world.checked)
        state = target.check_whole()
        world.tally[(command, f"exec channel: {channel}", state)] += 1
        assert code is not None, f"berth still ran {bound:.0f} s in (Ctrl-C ended it)"
        if code == 0:
            assert state == "new", "berth exited 0 and the target still holds its old rows"
        else:
            assert state == "old", f"berth failed ({run.error_line()}) and replaced the target"
            line = run.error_line()
            if channel in STALLS:
                assert "BERTH_STALL_TIMEOUT" in line, line
        if channel == "banner on stderr":
            assert code == 0, run.stderr()


@pytest.fixture(scope="module")
def small_dump(world: World) -> Iterator[tuple[bytes, Target]]:
    """A dump of a few hundred kB, and a target it has not been restored into."""
    name = world.targets["restore"].name + "_small"
    source = world.server.create_database(name + "_source")
    try:
        fill_rows(source, customers=50, orders=4000)
        path = world.folders["damaged"] / "small.dump"
        with berth(["db", "dump", "-o", str(path)], path.parent, DATABASE_URL=source) as run:
            assert run.wait(120) == 0, run.stderr()
        data = path.read_bytes()
        path.unlink()
        target = make_target(world.server, name, content(source))
        yield data, target
    finally:
        for database in (name, name + "_source"):
            world.server.drop_database(database)


def damage(data: bytes, how: str) -> bytes:
    """``cut@F``: the first F of the bytes; ``flip@F``: one byte at F inverted (F a fraction)."""
    kind, _, where = how.partition("@")
    header = data.index(b"\n") + 1
    if kind == "cut":
        named = {"header": 20, "after-header": header}
        return data[: named[where] if where in named else int(len(data) * float(where))]
    named = {"magic": 0, "last": len(data) - 1}
    at = named[where] if where in named else header + int((len(data) - header) * float(where))
    return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :]


@pytest.mark.parametrize(
    "how",
    [
        *(f"cut@{where}" for where in ("header", "after-header", "0.1", "0.5", "0.9", "0.9999")),
        *(f"flip@{where}" for where in ("magic", "0.3", "0.6", "0.9", "last")),
    ],
)
def test_a_damaged_dump_is_refused_and_the_target_is_unchanged(
    world: World, small_dump: tuple[bytes, Target], how: str
) -> None:
    data, target = small_dump
    target.ensure_old()
    path = world.folders["damaged"] / f"{how}.dump"
    path.write_bytes(damage(data, how))
    with berth(["db", "restore", str(path), "--yes"], path.parent, DATABASE_URL=target.url) as run:
        code = run.wait(60)
        assert run.finish() == []
        state = target.check_whole()
        world.tally[("restore", f"damaged dump: {how}", state)] += 1
        assert code not in (None, 0), f"a damaged dump ({how}) was restored: {run.stderr()}"
        run.error_line()
    assert state == "old"
    assert target.leftovers() == []


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"{what}: not within {timeout:.0f} s"
        time.sleep(0.01)


def sending(world: World) -> bool:
    """The big database's dump is streaming: pg_dump's COPY of the orders is under way."""
    with psycopg.connect(world.big_url, autocommit=True) as watcher:
        row = watcher.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND query LIKE 'COPY%%'",
            (world.big_url.rpartition("/")[2],),
        ).fetchone()
    return bool(row and row[0])


def child_named(run: Run, name: str, argument: str = "") -> int | None:
    """berth's child ``name`` run with ``argument`` (not the ``--version`` probes of pgtools)."""
    for pid, command in children(run.pgid).items():
        try:
            arguments = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if command == name and any(word.startswith(argument.encode()) for word in arguments):
            return pid
    return None


def test_a_backup_whose_dump_dies_stores_nothing(world: World) -> None:
    args, folder, variables = world.command("backup")
    with berth(args, folder, **variables) as run:
        wait_for(lambda: sending(world), 60, "pg_dump never began")
        pg_dump = child_named(run, "pg_dump", "--format")
        assert pg_dump is not None
        os.kill(pg_dump, signal.SIGKILL)
        code = run.wait(EXIT_WITHIN)
        assert run.finish() == []
        objects = world.backup_objects()
        world.clear_backups()
        world.tally[("backup", "its pg_dump SIGKILLed", "stored" if objects else "none")] += 1
        assert code not in (None, 0), "berth db backup succeeded with its dump killed"
        run.error_line()
        assert objects == {}, f"a failed backup left objects: {objects}"


needs_root = pytest.mark.skipif(
    os.geteuid() != 0, reason="a disk that fills up is a small tmpfs, and mounting one needs root"
)


@needs_root
@pytest.mark.parametrize("case", ["dump through the exec prefix", "dump", "pull", "restore --jobs"])
def test_a_full_disk_leaves_no_partial_file_and_the_target_whole(world: World, case: str) -> None:
    folder = world.folders["channels"] / f"disk-{case.replace(' ', '-')}"
    folder.mkdir(exist_ok=True)
    write_environment(folder, "prod", world.big_url)
    mount = folder / ".berth" / "dumps" if case == "pull" else folder / "disk"
    target = world.targets["pull" if case == "pull" else "restore"]
    target.ensure_old()
    size = 64 << 10 if case == "pull" else world.dump_size // 2
    if case == "restore --jobs":
        size = world.dump_size + (256 << 10)  # the dump fits; the archive copied beside it not
    args, variables = {
        "dump through the exec prefix": (["db", "dump", "prod", "-o", "disk/prod.dump"], {}),
        "dump": (["db", "dump", "-o", "disk/local.dump"], {"DATABASE_URL": world.big_url}),
        "pull": (["db", "pull", "prod", "--yes"], {"DATABASE_URL": target.url}),
        "restore --jobs": (
            ["db", "restore", "disk/big.dump", "--yes", "--jobs", "2"],
            {"DATABASE_URL": target.url},
        ),
    }[case]
    with small_tmpfs(mount, size):
        kept = set()
        if case == "pull":
            # The safety dump of the (small) target must not fit either: a few kB are left.
            filler = mount / ".filler"
            filler.write_bytes(b"\0" * ((64 << 10) - (4 << 10)))
            kept.add(filler.name)
        if case == "restore --jobs":
            (mount / "big.dump").write_bytes(world.dump.read_bytes())
            kept.add("big.dump")
        with berth(args, folder, **variables) as run:
            code = run.wait(120)
            assert run.finish() == []
            left = sorted(path.name for path in mount.iterdir() if path.name not in kept)
            state = target.check_whole()
            command = "dump" if "dump" in case else case.split()[0]
            world.tally[(command, f"disk full: {case}", state)] += 1
            assert code not in (None, 0), f"berth wrote into a full disk: {run.stderr()}"
            line = run.error_line()
            # One line naming the folder that filled up: what, and where to make room.
            assert line.startswith("berth: no space left on the device of "), line
            assert f"of {mount.name}" in line or f"{mount}" in line, line
            assert state == "old"
            assert left == [], f"left on the full disk: {left}"


def test_after_every_fault_the_next_transfers_succeed_and_clear_what_was_left(world: World) -> None:
    """Last in the file: copies the faults left on the server are dropped by the next restore,
    and the archive copies killed restores --jobs left (aged past their minute) by the next."""
    for copy in world.folders["restore-jobs"].glob(".*.archive"):
        os.utime(copy, (time.time() - 120, time.time() - 120))
    for command, target in world.targets.items():
        target.ensure_old()
        args, folder, variables = world.command(command)
        with berth(args, folder, **variables) as run:
            assert run.wait(120) == 0, run.stderr()
        assert target.check_whole() == "new"
        assert target.leftovers() == []
    # The archive copy a killed restore --jobs left went with the next one.
    assert list(world.folders["restore-jobs"].glob(".*.archive")) == []
