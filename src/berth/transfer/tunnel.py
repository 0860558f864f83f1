"""``berth db tunnel``: a local port whose every connection is relayed to a database through an exec prefix.

Like ``kubectl port-forward`` or ``fly proxy``, but over the channel the other commands use: each
connection to 127.0.0.1:PORT starts ``berth db relay`` inside the environment's container (its
stdin and stdout are the connection's two directions), which connects to the database from
there. Nothing listens anywhere but on this machine's loopback; the database's port stays closed.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import IO

from berth.services.processes import LOOPBACK
from berth.transfer.databases import Database
from berth.transfer.endpoints import Endpoint

__all__ = ["Tunnel", "relay_here"]

_BUFFER = 65536
_CONNECT_TIMEOUT = 10.0


class Tunnel:
    """Accepts connections on 127.0.0.1:``port`` and relays each through its own process."""

    def __init__(self, endpoint: Endpoint, port: int = 0) -> None:
        self.endpoint = endpoint
        self._listener = socket.create_server((LOOPBACK, port), reuse_port=False)
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._processes: set[subprocess.Popen[bytes]] = set()
        self._sockets: set[socket.socket] = set()
        self._closed = threading.Event()

    def serve(self, on_connection: Callable[[int], None] | None = None) -> None:
        """Accept until :meth:`close` (Ctrl-C in the caller); each connection in its own thread."""
        count = 0
        while not self._closed.is_set():
            try:
                connection, _ = self._listener.accept()
            except OSError:
                break  # closed
            count += 1
            if on_connection is not None:
                on_connection(count)
            threading.Thread(target=self._relay, args=(connection,), daemon=True).start()

    def _relay(self, connection: socket.socket) -> None:
        with self._lock:
            if self._closed.is_set():
                connection.close()
                return
            self._sockets.add(connection)
        process: subprocess.Popen[bytes] | None = None
        try:
            if self.endpoint.database_is_direct:
                database = self.endpoint.database()
                upstream = _connect(database)
                _pump_sockets(connection, upstream)
                return
            remote = self.endpoint.remote()
            process = subprocess.Popen(
                remote.command("db", "relay", "--here"),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                # Its own session: Ctrl-C reaches berth alone, which then ends every relay.
                start_new_session=True,
            )
            with self._lock:
                self._processes.add(process)
            assert process.stdin is not None and process.stdout is not None
            _pump(connection, process.stdout, process.stdin)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                connection.close()
            with self._lock:
                self._sockets.discard(connection)
            if process is not None:
                _end(process)
                with self._lock:
                    self._processes.discard(process)

    def close(self) -> None:
        """Stop accepting, end every relay and its process, and wait for them."""
        self._closed.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            sockets, processes = list(self._sockets), list(self._processes)
        for connection in sockets:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
        for process in processes:
            _end(process)


def _end(process: subprocess.Popen[bytes]) -> None:
    for stream in (process.stdin, process.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _pump(connection: socket.socket, incoming: IO[bytes], outgoing: IO[bytes]) -> None:
    """Relay ``connection`` <-> (``incoming``, ``outgoing``) until either side ends."""

    def upstream() -> None:
        try:
            while data := connection.recv(_BUFFER):
                outgoing.write(data)
                outgoing.flush()
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                outgoing.close()

    thread = threading.Thread(target=upstream, daemon=True)
    thread.start()
    try:
        while data := incoming.read1(_BUFFER):  # type: ignore[attr-defined]
            connection.sendall(data)
    except OSError:
        pass
    with contextlib.suppress(OSError):
        connection.shutdown(socket.SHUT_RDWR)
    thread.join(timeout=5)


def _pump_sockets(client: socket.socket, server: socket.socket) -> None:
    def forward(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(_BUFFER):
                target.sendall(data)
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                target.shutdown(socket.SHUT_WR)

    thread = threading.Thread(target=forward, args=(server, client), daemon=True)
    thread.start()
    forward(client, server)
    thread.join(timeout=30)
    server.close()


def _connect(database: Database) -> socket.socket:
    host = database.host
    if host.startswith("/"):
        unix = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        unix.connect(os.path.join(host, f".s.PGSQL.{database.port}"))
        return unix
    upstream = socket.create_connection((host, database.port), timeout=_CONNECT_TIMEOUT)
    # The timeout bounds connecting only: a session through the tunnel may idle for hours.
    upstream.settimeout(None)
    return upstream


def relay_here(database: Database) -> None:
    """The container's end: this process's stdin and stdout <-> the database's socket."""
    upstream = _connect(database)
    stdout = sys.stdout.buffer

    def downstream() -> None:
        try:
            while data := upstream.recv(_BUFFER):
                stdout.write(data)
                stdout.flush()
        except OSError:
            pass
        finally:
            # The database closed: so does this process, and with it the local connection.
            os._exit(0)

    threading.Thread(target=downstream, daemon=True).start()
    try:
        while data := os.read(sys.stdin.fileno(), _BUFFER):
            upstream.sendall(data)
    except OSError:
        pass
    with contextlib.suppress(OSError):
        upstream.shutdown(socket.SHUT_WR)
    threading.Event().wait(5)
