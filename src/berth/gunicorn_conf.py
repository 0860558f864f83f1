"""Gunicorn settings for a replica: ``gunicorn -c python:berth.gunicorn_conf project.wsgi``.

Everything comes from berth's variables, so the image's command line stays the same in every
environment: PORT and WEB_CONCURRENCY size the server, LOG_LEVEL and LOG_FORMAT make
gunicorn's own lines (start-up, worker timeouts) look like the application's, one JSON
object per line on stdout, before Django has even loaded.
"""

from __future__ import annotations

import os

from berth.dsn.values import parse_bool
from berth.logs import logging_config
from berth.settings import server_port, web_concurrency
from berth.variables import read_environment

_env = read_environment()
_debug = parse_bool("DEBUG", "DEBUG", _env.get("DEBUG") or "off")

bind = [f"0.0.0.0:{server_port(_env)}"]
workers = web_concurrency(_env)
logconfig_dict = logging_config(
    _env.get("LOG_LEVEL") or "INFO", _env.get("LOG_FORMAT") or ("console" if _debug else "json")
)
# berth's RequestIdMiddleware already writes one access line per request, with its id.
accesslog = None
# The heartbeat file on the container's overlay filesystem can stall workers; /dev/shm is
# memory. Outside Linux (a developer's Mac) there is no /dev/shm, and the default is fine.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# A control socket in ~/.gunicorn is one more file a replica must not share with another.
control_socket_disable = True
# Behind a load balancer the peer is the proxy; X-Forwarded-* come from it alone, and
# only the proxy can reach a replica's port in the generated Compose and Kubernetes files.
forwarded_allow_ips = "*"
# Let in-flight requests (an upload) finish when the orchestrator stops a replica: Compose
# and Kubernetes send SIGTERM and wait 10 and 30 s before SIGKILL.
graceful_timeout = 25
