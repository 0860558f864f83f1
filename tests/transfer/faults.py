"""What the transfer fault suite shares: berth run as a killable process group, and the checks after a fault.

A case starts ``berth`` in its own session, injects one fault (a signal, a broken exec channel, a
damaged dump, a full disk), then checks what berth promises whatever happens: the target
database is whole (exactly its old or its new content) and accepts connections, no file under
its final name is partial, and no backup object holds a partial dump.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql
from tests.processes import child_environment
from tests.transfer.helpers import SCHEMA

from berth.services.pg_programs import find_program
from berth.services.postgres import PostgresServer
from berth.transfer.header import MAGIC

SIGNALS = {"SIGKILL": signal.SIGKILL, "SIGINT": signal.SIGINT, "SIGTERM": signal.SIGTERM}
"""The signals every fault suite kills berth with, by the name its cases carry."""
# A killed berth ends at once; a Ctrl-C'd one cleans up (drops its copy) first.
EXIT_WITHIN = 30.0
# Ctrl-C on a terminal reaches the whole foreground process group; `docker stop` and
# `kill PID` reach one process; SIGKILL of the group is the machine losing the job.
GROUP_SIGNALS = frozenset({signal.SIGKILL, signal.SIGINT})
# A process berth leaves behind must be gone by then (pg_restore reading a pipe whose writer
# died sees its end at once).
ORPHAN_GRACE = 20.0


def fill_rows(url: str, customers: int, orders: int) -> None:
    """The transfer tests' schema with ``orders`` rows of incompressible-ish text (md5 hex)."""
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(SCHEMA)
        connection.execute(
            "INSERT INTO shop_customer (email, password) "
            "SELECT 'user' || i || '@example.com', 'pbkdf2$' || md5(i::text) "
            "FROM generate_series(1, %s) i",
            (customers,),
        )
        connection.execute(
            "INSERT INTO shop_order (customer_id, total, note) "
            "SELECT 1 + i %% %s, i * 1.5, repeat(md5(i::text), 3) FROM generate_series(1, %s) i",
            (customers, orders),
        )


@dataclass(frozen=True)
class Content:
    """A database's rows, as counted and checksummed."""

    customers: int
    orders: int
    checksum: str


def content(url: str) -> Content:
    with psycopg.connect(url, autocommit=True, connect_timeout=5) as connection:
        counts = connection.execute(
            "SELECT (SELECT count(*) FROM shop_customer), (SELECT count(*) FROM shop_order)"
        ).fetchone()
        assert counts is not None
        digest = connection.execute(
            "SELECT md5(coalesce((SELECT string_agg(c::text, ',' ORDER BY c.id) FROM shop_customer c), '')"
            " || coalesce((SELECT string_agg(o::text, ',' ORDER BY o.id) FROM shop_order o), ''))"
        ).fetchone()
        assert digest is not None
        return Content(int(counts[0]), int(counts[1]), str(digest[0]))


@dataclass
class Target:
    """A database a case may replace, with the content it held before and the one it may get."""

    server: PostgresServer
    name: str
    old: Content
    new: Content
    customers: int = 3
    orders: int = 7

    @property
    def url(self) -> str:
        return self.server.url(self.name)

    def reset(self) -> None:
        """Back to the old content, whatever a case left (a database locked out, or renamed)."""
        self.server.drop_database(self.name)
        self.server.create_database(self.name)
        fill_rows(self.url, self.customers, self.orders)

    def ensure_old(self) -> None:
        if not self.is_old():
            self.reset()

    def is_old(self) -> bool:
        try:
            with psycopg.connect(self.url, autocommit=True, connect_timeout=5) as connection:
                row = connection.execute("SELECT count(*) FROM shop_order").fetchone()
            # The row count tells old from new at once; the checksum only confirms it.
            return row == (self.old.orders,) and content(self.url) == self.old
        except psycopg.Error:
            return False

    def check_whole(self) -> str:
        """``old`` or ``new``; raises AssertionError naming what broke."""
        with psycopg.connect(self.server.url(), autocommit=True) as admin:
            row = admin.execute(
                "SELECT datallowconn FROM pg_database WHERE datname = %s", (self.name,)
            ).fetchone()
        assert row is not None, f"database {self.name} is gone"
        assert row[0], f"database {self.name} refuses connections (datallowconn false)"
        found = content(self.url)  # a fresh connection
        if found == self.old:
            return "old"
        assert found == self.new, (
            f"database {self.name} holds neither its old nor new rows: {found}"
        )
        return "new"

    def leftovers(self) -> list[str]:
        with psycopg.connect(self.server.url(), autocommit=True) as admin:
            return [
                row[0]
                for row in admin.execute(
                    "SELECT datname FROM pg_database WHERE datname LIKE %s",
                    (self.name[:40] + "\\_\\_berth\\_%",),
                )
            ]


def make_target(server: PostgresServer, name: str, new: Content) -> Target:
    target = Target(server, name, old=Content(0, 0, ""), new=new)
    target.reset()
    target.old = content(target.url)
    return target


@dataclass
class Run:
    """berth as a process group of its own, its output in files (a full pipe would stall it)."""

    process: subprocess.Popen[bytes]
    stderr_path: Path
    started: float = field(default_factory=time.monotonic)

    @property
    def pgid(self) -> int:
        return self.process.pid

    def signal(self, number: signal.Signals) -> None:
        if self.process.poll() is not None:
            return
        if number in GROUP_SIGNALS:
            os.killpg(self.pgid, number)
        else:
            os.kill(self.process.pid, number)

    def wait(self, timeout: float) -> int | None:
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            return None

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def error_line(self) -> str:
        """berth's last line, checked to be its one-line error (no traceback)."""
        text = self.stderr()
        lines = [line for line in text.splitlines() if line.strip()]
        assert lines and lines[-1].startswith("berth: "), f"no one-line error: {text[-2000:]}"
        assert "Traceback" not in text, text[-2000:]
        return lines[-1]

    def finish(self) -> list[str]:
        """End whatever is left of the group (after ORPHAN_GRACE); return what lingered."""
        if self.process.poll() is None:
            os.killpg(self.pgid, signal.SIGKILL)
            self.process.wait()
        deadline = time.monotonic() + ORPHAN_GRACE
        while (members := group_members(self.pgid)) and time.monotonic() < deadline:
            time.sleep(0.05)
        lingered = [f"{pid} {command}" for pid, command in members.items()]
        if members:
            os.killpg(self.pgid, signal.SIGKILL)
        return lingered


@contextmanager
def berth(args: Sequence[str], cwd: Path, **variables: str) -> Iterator[Run]:
    """``python -m berth ARGS`` in ``cwd`` with ``variables``, in its own session."""
    with tempfile.NamedTemporaryFile(prefix="berth-stderr-", suffix=".txt") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "berth", *args],
            cwd=cwd,
            env=child_environment(**variables),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,
        )
        run = Run(process, Path(stderr.name))
        try:
            yield run
        finally:
            if process.poll() is None or group_members(run.pgid):
                os.killpg(run.pgid, signal.SIGKILL)
                process.wait()


def group_members(pgid: int) -> dict[int, str]:
    """Live (not zombie) processes of a process group: pid -> command."""
    return {
        pid: command
        for pid, state, _, group, command in _processes()
        if group == pgid and state != "Z"
    }


def children(pid: int) -> dict[int, str]:
    """Direct children of ``pid``: pid -> command."""
    return {child: command for child, _, parent, _, command in _processes() if parent == pid}


def _processes() -> Iterator[tuple[int, str, int, int, str]]:
    """(pid, state, parent, process group, command) of every process, from /proc."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # it ended meanwhile
        # The command (field 2) may hold spaces and parentheses: split after its last ')'.
        command = stat[stat.index("(") + 1 : stat.rindex(")")]
        state, parent, group = stat[stat.rindex(")") + 2 :].split()[:3]
        yield int(entry.name), state, int(parent), int(group), command


def archive_is_complete(data_or_path: bytes | Path) -> bool:
    """A berth dump (or bare pg_dump archive) that pg_restore reads to its end without error."""
    data = data_or_path.read_bytes() if isinstance(data_or_path, Path) else data_or_path
    if data.startswith(MAGIC):
        data = data[data.index(b"\n") + 1 :]
    program = find_program("pg_restore", 1, why="the fault suite")
    # Converting to SQL reads every data block: a cut or damaged archive fails.
    completed = subprocess.run(
        [str(program.path), "--file=/dev/null"],
        input=data,
        capture_output=True,
        check=False,
    )
    return completed.returncode == 0


def partial_files(root: Path, checked: set[Path]) -> list[Path]:
    """Files under a final name (not starting with '.') that are not complete dumps.

    ``checked`` holds files already found complete; a dump file does not change once named.
    """
    partial = []
    for path in sorted(root.rglob("*.dump")):
        if path.name.startswith(".") or path in checked:
            continue
        if archive_is_complete(path):
            checked.add(path)
        else:
            partial.append(path)
    return partial


def hold_database_lock(server: PostgresServer, name: str) -> psycopg.Connection[tuple[object, ...]]:
    """A session in another database whose open transaction locks database ``name``.

    ``ALTER DATABASE … RENAME`` needs that lock, so the swap waits until it is released;
    berth ends only the sessions connected to the database itself, which this one is not.
    """
    session = psycopg.connect(server.url(), autocommit=False)
    session.execute(
        sql.SQL("COMMENT ON DATABASE {} IS 'held by the fault suite'").format(sql.Identifier(name))
    )
    return session


def wait_for_blocked_rename(server: PostgresServer, run: Run, timeout: float) -> bool:
    """Until berth's ``ALTER DATABASE … RENAME`` waits on a lock; False if berth ended first."""
    deadline = time.monotonic() + timeout
    with psycopg.connect(server.url(), autocommit=True) as watcher:
        while time.monotonic() < deadline and run.process.poll() is None:
            blocked = watcher.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND query ILIKE 'ALTER DATABASE%%RENAME%%'"
            ).fetchone()
            if blocked is not None and blocked[0]:
                return True
            time.sleep(0.01)
    return False


@contextmanager
def small_tmpfs(folder: Path, size: int) -> Iterator[Path]:
    """A tmpfs of ``size`` bytes mounted on ``folder``: a disk that fills up. Needs root."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        check=True,
        capture_output=True,
    )
    try:
        yield folder
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=True, capture_output=True)
