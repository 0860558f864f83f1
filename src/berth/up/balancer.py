"""The entry point of ``berth up``: a round-robin HTTP reverse proxy in front of the replicas.

Written by hand on ``http.server`` and ``http.client`` because berth's dependencies hold no
well-kept pure-Python reverse proxy, and what is needed is small: take the ready replicas in
turn *per request* (a browser's keep-alive connection must not stick to one replica, or
lost state would hide), stream bodies both ways (uploads may be 1 GB: never buffered whole;
Content-Length and chunked), pass headers through, and say which replica answered in
``X-Berth-Replica``. A thread per connection and a fresh upstream connection per request.

It is for a laptop and CI. Real deployments use the load balancer of the generated Compose
and Kubernetes files, or the platform's.
"""

from __future__ import annotations

import contextlib
import errno
import http.client
import socket
import socketserver
import threading
from collections.abc import Callable, Collection
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from berth.up.errors import UpError
from berth.up.state import replica_order

__all__ = ["REPLICA_HEADER", "EntryPoint", "RoundRobin", "Upstream"]

REPLICA_HEADER = "X-Berth-Replica"
# RFC 9110 7.6.1, plus the proxy headers that must not travel either way.
_HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailer",
        "trailers",
        "transfer-encoding",
        "upgrade",
    }
)
# Set by the proxy itself; Expect was already answered with 100 Continue, Content-Length
# is re-sent from the body's framing.
_REPLACED = frozenset(
    {"expect", "content-length", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host"}
)
_CHUNK = 64 * 1024
# A replica's gunicorn ends a request after its own timeout (30 s); this only bounds a
# replica that stopped answering altogether.
_UPSTREAM_TIMEOUT = 300.0
# An idle keep-alive connection (or a stalled upload) holds a thread: let it go after this.
_CLIENT_TIMEOUT = 120.0


@dataclass(frozen=True)
class Upstream:
    name: str
    host: str
    port: int


class RoundRobin:
    """The replicas ready to serve, taken in turn, one request at a time."""

    def __init__(self) -> None:
        self._ready: dict[str, Upstream] = {}
        self._turn = 0
        self._lock = threading.Lock()

    def add(self, upstream: Upstream) -> None:
        with self._lock:
            self._ready[upstream.name] = upstream

    def remove(self, name: str) -> None:
        with self._lock:
            self._ready.pop(name, None)

    def names(self) -> list[str]:
        with self._lock:
            return sorted(self._ready)

    def pick(self, skip: Collection[str] = ()) -> Upstream | None:
        """The next ready replica not in ``skip``; None when there is none."""
        with self._lock:
            candidates = [self._ready[name] for name in sorted(self._ready, key=replica_order)]
            for _ in candidates:
                upstream = candidates[self._turn % len(candidates)]
                self._turn += 1
                if upstream.name not in skip:
                    return upstream
            return None


class EntryPoint(ThreadingHTTPServer):
    """Listens on ``host:port`` from construction on; serves from :meth:`serve_in_background`."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(
        self, host: str, port: int, pool: RoundRobin, report: Callable[[str], None]
    ) -> None:
        self.pool = pool
        self.report = report
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self._thread: threading.Thread | None = None
        try:
            super().__init__((host, port), _ProxyHandler)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise UpError(
                    f"port {port} on {host} is already in use: stop what listens there, or choose another with --port"
                ) from None
            raise UpError(f"cannot listen on {host}:{port}: {error.strerror or error}") from None

    @property
    def url(self) -> str:
        host, port = str(self.server_address[0]), int(self.server_address[1])
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}"

    def server_bind(self) -> None:
        # HTTPServer.server_bind also resolves the host's FQDN, which can stall on DNS.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def serve_in_background(self) -> None:
        self._thread = threading.Thread(
            target=self.serve_forever,
            kwargs={"poll_interval": 0.2},
            name="entry-point",
            daemon=True,
        )
        self._thread.start()

    def close(self) -> None:
        if self._thread is not None:
            self.shutdown()
            self._thread.join()
            self._thread = None
        self.server_close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        error = sys.exc_info()[1]
        if not isinstance(error, OSError):  # a client that went away is no news
            self.report(f"entry point: {type(error).__name__}: {error}")


class _ProxyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = _CLIENT_TIMEOUT
    disable_nagle_algorithm = True
    server: EntryPoint

    def log_message(self, format: str, *args: Any) -> None:
        pass  # each replica logs its requests, with their ids

    def do_GET(self) -> None:
        self._proxy()

    do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_GET

    def _proxy(self) -> None:
        framing = self._request_framing()
        if framing is None:
            return
        tried: set[str] = set()
        while True:
            upstream = self.server.pool.pick(tried)
            if upstream is None:
                # The body was not read: the connection cannot carry another request.
                self.close_connection = self.close_connection or framing != 0
                self._reply(
                    503, "berth: no replica is ready (starting or restarting)\n", retry=True
                )
                return
            tried.add(upstream.name)
            connection = http.client.HTTPConnection(
                upstream.host, upstream.port, timeout=_UPSTREAM_TIMEOUT
            )
            try:
                connection.connect()
                break
            except ConnectionRefusedError:
                # Nothing was sent: the request can go to the next replica unharmed.
                connection.close()
            except OSError:
                connection.close()
                self.close_connection = self.close_connection or framing != 0
                self._reply(502, f"berth: {upstream.name} cannot be reached\n")
                return
        try:
            self._forward(connection, upstream, framing)
        finally:
            connection.close()

    def _request_framing(self) -> int | str | None:
        """The request body's length, ``"chunked"``, or None after answering a bad request."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return "chunked"
        length = self.headers.get("Content-Length")
        if length is None:
            return 0
        try:
            value = int(length)
            if value < 0:
                raise ValueError
        except ValueError:
            self._reply(400, "berth: bad Content-Length\n")
            self.close_connection = True
            return None
        return value

    def _forward(
        self, connection: http.client.HTTPConnection, upstream: Upstream, framing: int | str
    ) -> None:
        try:
            self._send_request(connection, framing)
            response = connection.getresponse()
        except (OSError, http.client.HTTPException, ValueError):
            self.close_connection = True
            with contextlib.suppress(OSError):
                self._reply(502, f"berth: {upstream.name} failed to answer\n")
            return
        try:
            self._relay_response(response, upstream)
        except (OSError, http.client.HTTPException):
            # Half a response was sent: only closing the connection tells the client.
            self.close_connection = True

    def _send_request(self, connection: http.client.HTTPConnection, framing: int | str) -> None:
        connection.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
        dropped = _HOP_BY_HOP | _REPLACED | _connection_tokens(self.headers.get_all("Connection"))
        for name, value in self.headers.items():
            if name.lower() not in dropped:
                connection.putheader(name, value)
        client = self.client_address[0]
        earlier = ", ".join(self.headers.get_all("X-Forwarded-For") or [])
        connection.putheader("X-Forwarded-For", f"{earlier}, {client}" if earlier else client)
        connection.putheader("X-Forwarded-Proto", "http")
        host = self.headers.get("Host")
        if host:
            connection.putheader("X-Forwarded-Host", host)
        if framing == "chunked":
            connection.putheader("Transfer-Encoding", "chunked")
        elif framing:
            connection.putheader("Content-Length", str(framing))
        connection.putheader("Connection", "close")
        connection.endheaders()
        if framing == "chunked":
            self._copy_chunked_body(connection)
        elif isinstance(framing, int) and framing:
            self._copy_body(connection, framing)

    def _copy_body(self, connection: http.client.HTTPConnection, length: int) -> None:
        """Copy ``length`` bytes of the request body (all of it, or one chunk's data)."""
        remaining = length
        while remaining:
            data = self.rfile.read1(min(_CHUNK, remaining))
            if not data:
                raise ConnectionAbortedError("the client ended the request body early")
            connection.send(data)
            remaining -= len(data)

    def _copy_chunked_body(self, connection: http.client.HTTPConnection) -> None:
        while True:
            size_line = self.rfile.readline(_CHUNK + 1)
            try:
                size = int(size_line.split(b";", 1)[0].strip(), 16)
            except ValueError:
                raise ConnectionAbortedError("bad chunk size in the request body") from None
            if size == 0:
                # Trailer fields end at an empty line; the replica gets none of them.
                while self.rfile.readline(_CHUNK + 1) not in (b"\r\n", b"\n", b""):
                    pass
                connection.send(b"0\r\n\r\n")
                return
            connection.send(b"%x\r\n" % size)
            self._copy_body(connection, size)
            self.rfile.readline(3)  # the CRLF after the chunk's data
            connection.send(b"\r\n")

    def _relay_response(self, response: http.client.HTTPResponse, upstream: Upstream) -> None:
        self.send_response_only(response.status, response.reason)
        dropped = _HOP_BY_HOP | _connection_tokens(response.headers.get_all("Connection"))
        for name, value in response.getheaders():
            if name.lower() not in dropped:
                self.send_header(name, value)
        self.send_header(REPLICA_HEADER, upstream.name)
        has_body = not (
            self.command == "HEAD" or response.status in (204, 304) or response.status < 200
        )
        chunked = False
        if has_body and response.getheader("Content-Length") is None:
            if self.request_version == "HTTP/1.1":
                self.send_header("Transfer-Encoding", "chunked")
                chunked = True
            else:
                self.close_connection = True  # the body ends where the connection does
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not has_body:
            return
        while data := response.read1(_CHUNK):
            self.wfile.write(b"%x\r\n%b\r\n" % (len(data), data) if chunked else data)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")

    def _reply(self, status: int, text: str, *, retry: bool = False) -> None:
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        if retry:
            self.send_header("Retry-After", "1")
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _connection_tokens(values: list[str] | None) -> frozenset[str]:
    """Header names a Connection header lists: hop-by-hop for this one message."""
    return frozenset(
        token.strip().lower()
        for value in values or []
        for token in value.split(",")
        if token.strip()
    )
