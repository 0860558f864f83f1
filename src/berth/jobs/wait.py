"""Wait until the backing services really answer, not merely until their ports are open.

A port opens before PostgreSQL accepts logins (it may still be recovering, or creating the
database) and before an object store's bucket exists; ``wait-for-it`` style scripts let the
application start against both and crash. berth asks each service what readiness asks it:
an authenticated query, a HEAD of the bucket, a cache round trip.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence

from berth.errors import ServiceError
from berth.runtime.health import SERVICE_CHECKS

__all__ = ["wait_for_services"]

logger = logging.getLogger("berth.wait")

_FIRST_DELAY = 0.1
_LONGEST_DELAY = 2.0


def wait_for_services(
    timeout: float = 60,
    *,
    checks: Sequence[tuple[str, Callable[[], None]]] = SERVICE_CHECKS,
    sleep: Callable[[float], None] = time.sleep,
) -> None:
    """Return once every check passes; raise ServiceError naming the first that never did."""
    deadline = time.monotonic() + timeout
    for name, check in checks:
        delay = _FIRST_DELAY
        attempts = 0
        while True:
            attempts += 1
            try:
                check()
            except Exception as exc:
                # Only the type: a driver's message can hold the DSN, password included.
                problem = type(exc).__name__
            else:
                logger.info("%s is ready", name)
                break
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ServiceError(
                    f"{name} did not answer within {timeout:g} s "
                    f"({attempts} attempts, last: {problem})"
                )
            if attempts == 1:
                logger.info("waiting for %s (%s)", name, problem)
            sleep(min(delay, remaining))
            delay = min(delay * 2, _LONGEST_DELAY)
