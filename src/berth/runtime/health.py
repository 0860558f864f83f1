"""Liveness and readiness endpoints for orchestrators and load balancers."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading
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

__all__ = ["SERVICE_CHECKS", "CheckFailed", "HealthProbeMiddleware", "healthz", "readyz"]

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
    replica restarted.
    """
    return JsonResponse({"status": "ok"})


@transaction.non_atomic_requests
@never_cache
@require_safe
def readyz(request: HttpRequest) -> HttpResponse:
    """Readiness: the database, the default storage and the default cache all answer."""
    checks: dict[str, str] = {}
    failed: list[str] = []
    for name, check in SERVICE_CHECKS:
        try:
            check()
        except Exception as exc:
            # Only the type: messages of database and client errors can hold a DSN
            # with its password, or an endpoint with its credentials.
            logger.warning("readiness check failed: %s (%s)", name, type(exc).__name__)
            checks[name] = "unavailable"
            failed.append(name)
        else:
            checks[name] = "ok"
    if failed:
        return JsonResponse(
            {"status": "unavailable", "checks": checks, "failed": failed}, status=503
        )
    return JsonResponse({"status": "ok", "checks": checks})


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
