"""Liveness and readiness endpoints for orchestrators and load balancers."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
import time
import uuid
import weakref
from collections.abc import Callable
from typing import Any, cast

from asgiref.sync import iscoroutinefunction, markcoroutinefunction, sync_to_async
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.http.response import HttpResponseBase
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from berth.config.s3_client import s3_client, storage_client_options

__all__ = [
    "READINESS_TIMEOUT",
    "SERVICE_CHECKS",
    "CheckFailed",
    "HealthProbeMiddleware",
    "check_services",
    "healthz",
    "readyz",
]

logger = logging.getLogger("berth.health")

# Bounds for the one client berth builds itself; the database and cache are bounded by the
# timeouts in their own settings, since their connections belong to the request's thread.
_S3_TIMEOUT_SECONDS = 2
_PROBE_KEY_TTL_SECONDS = 5


class CheckFailed(Exception):
    """A backing service answered, but not as a healthy one would."""


# Outside ATOMIC_REQUESTS: its transaction would open a connection before the view runs,
# making a database outage a 500 from liveness, or from readiness instead of its 503.
@transaction.non_atomic_requests
@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness: the process answers requests.

    It touches no backing service on purpose: an outage elsewhere must not get every
    replica restarted. ``?host`` also asks whether Django accepts the request's Host header
    (a 400 when ALLOWED_HOSTS refuses it), which the probes otherwise skip: berth up asks it
    before it sends a replica traffic, without a request logged as a 404.
    """
    if "host" in request.GET:
        request.get_host()  # DisallowedHost: Django answers 400
    return JsonResponse({"status": "ok"})


@transaction.non_atomic_requests
@never_cache
@require_safe
def readyz(request: HttpRequest) -> HttpResponse:
    """Readiness: the database, the default storage and the default cache all answer."""
    checks: dict[str, str] = {}
    failed: list[str] = []
    for name, problem in check_services().items():
        if problem is None:
            checks[name] = "ok"
            continue
        # Only the type: messages of database and client errors can hold a DSN
        # with its password, or an endpoint with its credentials.
        logger.warning("readiness check failed: %s (%s)", name, problem)
        checks[name] = "unavailable"
        failed.append(name)
    if failed:
        return JsonResponse(
            {"status": "unavailable", "checks": checks, "failed": failed}, status=503
        )
    return JsonResponse({"status": "ok", "checks": checks})


READINESS_TIMEOUT = 4.0
"""The longest /readyz takes: shorter than the probes that wait on it (5 s in the files
``berth init`` writes, and in ``berth up``)."""

# Storage and cache are checked off the request's thread, side by side, under one deadline;
# the database stays on it: its connection is the request thread's own, and the check drops
# it when it is broken, so that the next request reconnects.
_OFF_THREAD = frozenset({"storage", "cache"})
_in_flight: dict[str, _Attempt] = {}
_in_flight_lock = threading.Lock()


class _Attempt:
    """One run of a check in a daemon thread: a hung client never holds up the worker's exit."""

    def __init__(self, name: str, check: Callable[[], None]) -> None:
        self.problem: str | None = None
        self.done = threading.Event()
        self._check = check
        threading.Thread(target=self._run, name=f"berth-readyz-{name}", daemon=True).start()

    def _run(self) -> None:
        self.problem = _outcome(self._check)
        self.done.set()


def check_services(timeout: float = READINESS_TIMEOUT) -> dict[str, str | None]:
    """What each service check found, in check order: None where it answered, else the
    failure's exception type, or ``timeout`` when it did not answer within ``timeout``.

    A check still running from an earlier call counts as timed out at once rather than
    being started again: a hung service costs one thread per check, not one per probe.
    """
    deadline = time.monotonic() + timeout
    attempts: dict[str, _Attempt | None] = {}
    with _in_flight_lock:
        for name, check in SERVICE_CHECKS:
            if name not in _OFF_THREAD:
                continue
            running = _in_flight.get(name)
            if running is not None and not running.done.is_set():
                attempts[name] = None
            else:
                attempts[name] = _in_flight[name] = _Attempt(name, check)
    found: dict[str, str | None] = {}
    for name, check in SERVICE_CHECKS:
        if name not in _OFF_THREAD:
            found[name] = _outcome(check)
            continue
        attempt = attempts[name]
        if attempt is None or not attempt.done.wait(max(0.0, deadline - time.monotonic())):
            found[name] = "timeout"
        else:
            found[name] = attempt.problem
    return found


def _outcome(check: Callable[[], None]) -> str | None:
    try:
        check()
    except Exception as exc:
        return type(exc).__name__
    return None


def _check_database() -> None:
    connection = connections[DEFAULT_DB_ALIAS]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1" + connection.features.bare_select_suffix)
            cursor.fetchone()
    except Exception:
        # A connection that survived a database restart stays broken; dropping it makes
        # the next probe connect afresh, so the replica recovers without a restart.
        with contextlib.suppress(Exception):
            connection.close()
        raise


def _check_storage() -> None:
    storage = storages["default"]
    # S3Storage can only be in use if its module is already imported; looking there
    # first keeps boto3 out of processes that store files elsewhere.
    s3 = sys.modules.get("storages.backends.s3")
    if s3 is not None and isinstance(storage, s3.S3Storage):
        _s3_client(storage).head_bucket(Bucket=storage.bucket_name)
    elif isinstance(storage, FileSystemStorage):
        location = storage.location
        if not os.path.exists(location):
            raise FileNotFoundError
        if not os.path.isdir(location):
            raise NotADirectoryError
        if not os.access(location, os.W_OK | os.X_OK):
            raise PermissionError
    else:
        storage.exists("")


_s3_clients: weakref.WeakKeyDictionary[Storage, Any] = weakref.WeakKeyDictionary()
_s3_clients_lock = threading.Lock()


def _s3_client(storage: Any) -> Any:
    with _s3_clients_lock:
        client = _s3_clients.get(storage)
        if client is None:
            # The storage's own client retries and waits for a minute; a probe must answer
            # quickly and say "no" rather than hang, so only the bounds differ.
            client = _s3_clients[storage] = s3_client(
                storage_client_options(storage),
                connect_timeout=_S3_TIMEOUT_SECONDS,
                read_timeout=_S3_TIMEOUT_SECONDS,
                attempts=1,
            )
            # Close the client's sockets with the storage it probes, not at garbage collection.
            weakref.finalize(storage, client.close)
        return client


def _check_cache() -> None:
    cache = caches["default"]
    if isinstance(cache, DummyCache):
        return
    # A key of its own per probe: concurrent probes must not read each other's value.
    key = f"berth:readyz:{uuid.uuid4().hex}"
    cache.set(key, key, timeout=_PROBE_KEY_TTL_SECONDS)
    if cache.get(key) != key:
        raise CheckFailed
    cache.delete(key)


SERVICE_CHECKS: tuple[tuple[str, Callable[[], None]], ...] = (
    ("database", _check_database),
    ("storage", _check_storage),
    ("cache", _check_cache),
)


_PROBES: dict[str, Callable[[HttpRequest], HttpResponse]] = {"/healthz": healthz, "/readyz": readyz}


class HealthProbeMiddleware:
    """Answer ``/healthz`` and ``/readyz`` before any other middleware.

    Orchestrators probe a replica by its address: Kubernetes sends ``Host: <pod IP>``, over
    plain HTTP. Further down, ``ALLOWED_HOSTS`` would turn that into a 400 and
    ``SECURE_SSL_REDIRECT`` into a 301, and every replica would look dead. The answers
    reveal nothing but "ok" and which service is down, so they need no host check. Answering
    here also keeps probes, every few seconds per replica, out of the access log.
    """

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable[[HttpRequest], Any]) -> None:
        self.get_response = get_response
        self._is_async = iscoroutinefunction(get_response)
        if self._is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> Any:
        probe = _PROBES.get(request.path_info)
        if self._is_async:
            return self.__acall__(request, probe)
        if probe is not None:
            return probe(request)
        return self.get_response(request)

    async def __acall__(
        self, request: HttpRequest, probe: Callable[[HttpRequest], HttpResponse] | None
    ) -> HttpResponseBase:
        if probe is not None:
            # The checks use the ORM and blocking clients: run them in a thread, as Django
            # runs any sync view under ASGI.
            return await sync_to_async(probe)(request)
        return cast(HttpResponseBase, await self.get_response(request))
