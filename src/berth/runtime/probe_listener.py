"""``/healthz`` on a port of its own (``HEALTH_PORT``), answered by a thread in every gunicorn worker.

A sync worker serves one request at a time. With every worker busy (a slow upload, a hung
database), ``/healthz`` on the main port waits in the accept queue behind them, and a liveness
probe restarts a replica that was only busy. gunicorn's master opens this listener before it
forks; each worker answers it from a thread of its own, which runs whenever the request thread
waits on I/O, and every few milliseconds while it computes (CPython's switch interval). A
worker stuck for good stops answering; the others still do, and the master replaces the stuck
one after its timeout. The answer says what ``/healthz`` says on the main port: the process
serves; it touches no backing service.

Written on ``http.server`` because it answers one path with a constant: no proxying, no
bodies, nothing a library would add.
"""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["ProbeListener"]

_BODY = b'{"status": "ok"}'
# A probe client that connects and sends nothing must not keep a thread for long.
_CLIENT_TIMEOUT = 5.0


class ProbeListener:
    """The listening socket, opened once in the master; :meth:`serve` in each worker."""

    def __init__(self, host: str, port: int) -> None:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.create_server((host, port), family=family, backlog=128)
        self.port: int = self.socket.getsockname()[1]

    def serve(self) -> None:
        """Answer probes from a daemon thread of this process until it exits."""
        server = _ProbeServer(self.socket)
        threading.Thread(target=server.serve_forever, name="berth-probe", daemon=True).start()

    def close(self) -> None:
        self.socket.close()


class _ProbeServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, listening: socket.socket) -> None:
        # The socket exists already (the master's, shared by every worker): no bind here.
        super().__init__(listening.getsockname()[:2], _ProbeHandler, bind_and_activate=False)
        self.socket = listening

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that went away; nothing to report


class _ProbeHandler(BaseHTTPRequestHandler):
    timeout = _CLIENT_TIMEOUT

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def _answer(self, *, with_body: bool) -> None:
        found = self.path.split("?", 1)[0] == "/healthz"
        body = _BODY if found else b'{"status": "not found"}'
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache, no-store, must-revalidate, max-age=0")
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # probes every few seconds per replica: not worth an access line
