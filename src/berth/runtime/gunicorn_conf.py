"""Gunicorn settings for a replica: ``gunicorn -c python:berth.runtime.gunicorn_conf project.wsgi``.

Everything comes from berth's variables, so the image's command line stays the same in every
environment: PORT and WEB_CONCURRENCY size the server, LOG_LEVEL and LOG_FORMAT make
gunicorn's own lines (start-up, worker timeouts) look like the application's, one JSON
object per line on stdout, before Django has even loaded.
"""

from __future__ import annotations

import os
import sys

from berth.config.resolve import server_settings
from berth.config.variables import read_environment
from berth.errors import ConfigurationError
from berth.runtime.log_format import logging_config

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
# Behind a load balancer the peer is the proxy; X-Forwarded-* come from it alone, and
# only the proxy can reach a replica's port in the generated Compose and Kubernetes files.
forwarded_allow_ips = "*"
# Let in-flight requests (an upload) finish when the orchestrator stops a replica: Compose
# and Kubernetes send SIGTERM and wait 10 and 30 s before SIGKILL.
graceful_timeout = 25
