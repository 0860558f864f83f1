"""Gunicorn settings for a replica: ``gunicorn -c python:berth.runtime.gunicorn_conf project.wsgi``.

Everything comes from berth's variables, so the image's command line stays the same in every
environment: PORT and WEB_CONCURRENCY size the server, LOG_LEVEL and LOG_FORMAT make
gunicorn's own lines (start-up, worker timeouts) look like the application's, one JSON
object per line on stdout, before Django has even loaded.
"""

from __future__ import annotations

import os
import signal
import sys
from typing import Any

from berth.config.server import server_settings
from berth.config.variables import read_environment
from berth.errors import ConfigurationError
from berth.runtime import stacks
from berth.runtime.log_format import logging_config
from berth.runtime.probe_listener import ProbeListener
from berth.runtime.scoreboard import Scoreboard

try:
    _server = server_settings(read_environment())
except ConfigurationError as error:
    # gunicorn prints a traceback for any Exception a config file raises; SystemExit is
    # not one, so a malformed variable ends the start with the settings' own line.
    sys.stderr.write(f"berth: {error}\n")
    raise SystemExit(error.exit_code) from None

bind = [f"0.0.0.0:{_server.port}"]
workers = _server.workers
logconfig_dict = logging_config(_server.log_level, _server.log_format)
# berth's RequestIdMiddleware already writes one access line per request, with its id.
accesslog = None
# The heartbeat file on the container's overlay filesystem can stall workers; /dev/shm is
# memory. Outside Linux (a developer's Mac) there is no /dev/shm, and the default is fine.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# A control socket in ~/.gunicorn is one more file a replica must not share with another.
control_socket_disable = True
# forwarded_allow_ips is left to gunicorn: FORWARDED_ALLOW_IPS, else 127.0.0.1 and ::1. "*"
# would let any peer that reaches the port (another container on the network, another pod)
# claim HTTPS through X-Forwarded-Proto; docs/deploy.md says what is trusted.
# Let in-flight requests (an upload) finish when the orchestrator stops a replica: Compose
# and Kubernetes send SIGTERM and wait 10 and 30 s before SIGKILL.
graceful_timeout = 25


def on_starting(server: Any) -> None:
    """Check the settings, then open HEALTH_PORT's listener, before any worker boots.

    The settings load once, in a throwaway fork: a setting berth refuses (no SECRET_KEY under
    a server, a malformed DATABASE_URL) then stops gunicorn with berth's one line and exit
    code, instead of every worker printing it and gunicorn's halt ending in a traceback. The
    fork keeps the master free of the project's imports: workers load the settings
    themselves, ``--reload`` included.
    """
    _check_settings()
    global _probes, _board
    host = _bind_host(server.cfg.bind)
    # Room for the workers TTIN may add: a slot is about 2 KB.
    _board = Scoreboard(max(64, 2 * server.cfg.workers))
    _board.open(os.getpid())
    try:
        _probes = ProbeListener(host, _server.health_port, _board)
    except OSError as error:
        sys.stderr.write(
            f"berth: HEALTH_PORT: cannot listen on {host}:{_server.health_port}: "
            f"{os.strerror(error.errno) if error.errno else error}\n"
        )
        raise SystemExit(2) from None


def pre_fork(server: Any, worker: Any) -> None:
    """The worker about to fork gets its scoreboard slot from the master, which frees it."""
    worker.berth_slot = _board.claim(worker.age) if _board is not None else -1


def child_exit(server: Any, worker: Any) -> None:
    """A worker exited (killed, timed out, recycled): the scoreboard counts it and keeps its
    counters."""
    if _board is not None:
        _board.release(getattr(worker, "berth_slot", -1))
    stacks.disarm(worker.pid)


def post_fork(server: Any, worker: Any) -> None:
    """A worker ends with its master (Linux): an orphaned worker serves nobody, for up to its
    timeout, and holds the port its master's successor needs. SIGTERM, not SIGKILL: gunicorn's
    worker finishes the request in flight, and a page half sent when the master was killed
    is a failed request no proxy can retry."""
    if _board is not None:
        _board.attach(getattr(worker, "berth_slot", -1), os.getpid())
    if sys.platform == "linux":
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


_PR_SET_PDEATHSIG = 1


def post_worker_init(worker: Any) -> None:
    """Answer HEALTH_PORT from a thread of this worker (berth.runtime.probe_listener), and dump
    its threads' stacks when asked (berth.runtime.stacks)."""
    if _probes is not None:
        stacks.arm(os.getpid())
        _probes.serve()


_probes: ProbeListener | None = None
_board: Scoreboard | None = None


def pre_request(worker: Any, req: Any) -> None:
    if _board is not None:
        _board.begin(req.method or "", req.path or "")


# What post_request reads of a body the application left unread, at most.
_DRAIN_LIMIT = 16 << 20


def post_request(worker: Any, req: Any, environ: dict[str, Any], resp: Any) -> None:
    """Read what is left of a request body the application answered without reading.

    An early answer (CSRF's 403 to a form post, a 413, a redirect) leaves the body in the
    socket; closing it then sends a reset, which can reach the proxy, still sending the body,
    before it reads the answer: nginx answers 502 instead. Drained, the socket closes cleanly.
    A body past the limit is left: the reset is then the lesser cost.
    """
    if _board is not None:
        _board.end(getattr(resp, "status_code", None))
    body = environ.get("wsgi.input")
    if body is None:
        return
    left = _DRAIN_LIMIT
    try:
        while left > 0:
            chunk = body.read(min(left, 1 << 16))
            if not chunk:
                return
            left -= len(chunk)
    except Exception:  # the client went away: nothing to drain
        return


def _bind_host(binds: list[str]) -> str:
    # The probes listen where the application does: 0.0.0.0 in a container, 127.0.0.1 under
    # berth up. A unix socket bind has no host: loopback then.
    for bind in binds:
        if not bind.startswith(("unix:", "fd://")):
            host = bind.rpartition(":")[0] if ":" in bind else bind
            return host.strip("[]") or "0.0.0.0"
    return "127.0.0.1"


def _check_settings() -> None:
    module = os.environ.get("DJANGO_SETTINGS_MODULE")
    if not module or not hasattr(os, "fork"):
        return  # the workers load the settings and report what fails
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            from django.conf import settings

            settings.SECRET_KEY  # noqa: B018 - loads the module, berth.configure() included
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        except BaseException:
            pass  # not berth's refusal: a worker reports it, with its traceback
        finally:
            sys.stderr.flush()
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(code)
