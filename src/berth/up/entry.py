"""berth up's entry point: nginx in front of the ready replicas, reloaded whenever they change.

What a platform's load balancer is to containers. A replica is added once its ``/readyz``
says 200 and withdrawn before it is stopped; :meth:`EntryPoint.withdraw` returns once nginx's
old workers have finished every request they were serving, so that a replica is stopped only
when nothing is on its way to it.
"""

from __future__ import annotations

import threading
from pathlib import Path

from berth.errors import ServiceError
from berth.scaffold.render import PublicMedia, ReplicaAddress, render_up_nginx
from berth.services.nginx import NginxServer
from berth.services.processes import LOOPBACK, port_is_free
from berth.up.console import Console
from berth.up.errors import UpError

__all__ = ["PROXY", "PORT_HINT", "EntryPoint", "ensure_port_free"]

PROXY = "proxy"
"""The entry point's name in the terminal, in .berth/logs/ and in up.json."""
# Where a browser on this machine also reaches it as http://localhost:PORT.
_LOCAL_ADDRESSES = frozenset({"127.0.0.1", "::1", "localhost", "0.0.0.0", "::"})
PORT_HINT = "--port {port}"
"""How to choose another port, as said when the entry point's is taken; ``{port}`` is a free one."""
# Replica changes wait for nginx's old workers; a slow download finishes within this.
_SHUTDOWN_TIMEOUT = 30


def ensure_port_free(host: str, port: int, hint: str = PORT_HINT) -> None:
    """Raise an UpError when the entry point could not listen on ``host:port``.

    ``hint`` says how berth up was started (``make demo PORT={port}``), so that the fix it
    names works as typed; ``{port}`` becomes a port that is free now.
    """
    if port_is_free(port, host):
        return
    free = next(
        (p for p in range(port + 1, min(port + 100, 65535) + 1) if port_is_free(p, host)), None
    )
    advice = hint.replace("{port}", str(free) if free is not None else "PORT")
    raise UpError(
        f"port {port} on {host} is already in use: stop what listens there, or choose another "
        f"with {advice}"
    )


class EntryPoint:
    """nginx on ``host:port``; it answers 503 until the first replica is ready."""

    def __init__(
        self,
        host: str,
        port: int,
        folder: Path,
        access_log: Path,
        console: Console,
        *,
        max_upload_size: str,
        media: PublicMedia | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self._folder = folder
        self._access_log = access_log
        self._max_upload_size = max_upload_size
        self._media = media
        self._replicas: dict[str, ReplicaAddress] = {}
        self._lock = threading.Lock()
        self._nginx = NginxServer(
            folder,
            self._config(),
            output=lambda line: console.replica_line(PROXY, line),
            shutdown_timeout=_SHUTDOWN_TIMEOUT,
        )

    @property
    def url(self) -> str:
        shown = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{shown}:{self.port}"

    @property
    def hosts(self) -> tuple[str, ...]:
        """The Host headers a browser sends it, which nginx passes on to the replicas as is."""
        address = self.url.removeprefix("http://")
        if self.host in _LOCAL_ADDRESSES:
            return tuple(dict.fromkeys((address, f"localhost:{self.port}")))
        return (address,)

    @property
    def pid(self) -> int | None:
        return self._nginx.pid

    @property
    def server(self) -> NginxServer:
        """The nginx process, for berth up's watch to restart when it dies."""
        return self._nginx

    def start(self) -> None:
        try:
            self._nginx.start()
        except ServiceError as error:
            raise UpError(f"the entry point (nginx) did not start: {error}") from None

    def serve(self, name: str, port: int) -> None:
        """Send ``name``'s requests to the replica on ``port`` from now on (a new one replaces
        the old one of that name, which gets no request once this returns)."""
        with self._lock:
            self._replicas[name] = ReplicaAddress(name, LOOPBACK, port)
            self._nginx.reload(self._config())

    def withdraw(self, name: str) -> None:
        """Send ``name`` no more requests; return once none is on its way there."""
        with self._lock:
            if self._replicas.pop(name, None) is not None:
                self._nginx.reload(self._config())

    def close(self) -> None:
        self._nginx.stop()

    def _config(self) -> str:
        return render_up_nginx(
            listen=self.url.removeprefix("http://"),
            prefix=self._folder,
            access_log=self._access_log,
            replicas=[self._replicas[name] for name in sorted(self._replicas)],
            max_upload_size=self._max_upload_size,
            shutdown_timeout=_SHUTDOWN_TIMEOUT,
            media=self._media,
        )
