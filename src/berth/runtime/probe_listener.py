"""``/healthz``, ``/status``, ``/stacks`` and ``/metrics`` on a port of its own (``HEALTH_PORT``), answered by a
thread in every gunicorn worker.

A sync worker serves one request at a time. With every worker busy (a slow upload, a hung
database), ``/healthz`` on the main port waits in the accept queue behind them, and a liveness
probe restarts a replica that was only busy. gunicorn's master opens this listener before it
forks; each worker answers it from a thread of its own, which runs whenever the request thread
waits on I/O, and every few milliseconds while it computes (CPython's switch interval). A
worker stuck for good stops answering; the others still do, and the master replaces the stuck
one after its timeout. The answer says what ``/healthz`` says on the main port: the process
serves; it touches no backing service.

``/status``, ``/stacks`` and ``/metrics`` read the replica's scoreboard (and its workers' stacks:
:mod:`berth.runtime.stacks`) through :mod:`berth.runtime.status`: they
are here, never on the public entry point, because what a replica serves is for its operator.

Written on ``http.server`` because it answers four fixed paths: no proxying, no bodies,
nothing a library would add.
"""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from berth.runtime.scoreboard import Scoreboard

__all__ = ["ProbeListener"]

_BODY = b'{"status": "ok"}'
# A probe client that connects and sends nothing must not keep a thread for long.
_CLIENT_TIMEOUT = 5.0


class ProbeListener:
    """The listening socket, opened once in the master; :meth:`serve` in each worker."""

    def __init__(self, host: str, port: int, scoreboard: Scoreboard | None = None) -> None:
        self.scoreboard = scoreboard
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.create_server((host, port), family=family, backlog=128)
        self.port: int = self.socket.getsockname()[1]

    def serve(self) -> None:
        """Answer probes from a daemon thread of this process until it exits."""
        server = _ProbeServer(self.socket, self.scoreboard)
        threading.Thread(target=server.serve_forever, name="berth-probe", daemon=True).start()

    def close(self) -> None:
        self.socket.close()


class _ProbeServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, listening: socket.socket, scoreboard: Scoreboard | None) -> None:
        self.scoreboard = scoreboard
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
        path = self.path.split("?", 1)[0]
        board = self.server.scoreboard  # type: ignore[attr-defined]
        content_type = "application/json"
        found = True
        if path == "/healthz":
            body = _BODY
        elif path == "/status" and board is not None:
            from berth.runtime.status import status_json

            body = status_json(board)
        elif path == "/stacks" and board is not None:
            from berth.runtime.status import stacks_json

            body = stacks_json(board)
        elif path == "/metrics" and board is not None:
            from berth.runtime.status import METRICS_CONTENT_TYPE, metrics_text

            body, content_type = metrics_text(board), METRICS_CONTENT_TYPE
        else:
            found, body = False, b'{"status": "not found"}'
        self.send_response(200 if found else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache, no-store, must-revalidate, max-age=0")
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # probes every few seconds per replica: not worth an access line
