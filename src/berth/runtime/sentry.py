"""Error reporting to Sentry, switched on by a DSN and tagged with the request id."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import sentry_sdk
from sentry_sdk.consts import DEFAULT_OPTIONS
from sentry_sdk.integrations.django import DjangoIntegration
from sentry_sdk.integrations.logging import LoggingIntegration, ignore_logger

from berth.runtime.request_id import request_id_var

if TYPE_CHECKING:
    from sentry_sdk.transport import Transport
    from sentry_sdk.types import Event, Hint

__all__ = ["init_sentry"]


def _tag_request_id(event: Event, hint: Hint) -> Event | None:
    # before_send runs in the capturing context, so the id is the failing request's: it
    # leads from a Sentry issue to that request's log lines.
    request_id = request_id_var.get()
    if request_id is not None:
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def init_sentry(
    dsn: str | None,
    *,
    environment: str | None,
    release: str | None,
    traces_sample_rate: float,
    transport: Transport | None = None,
) -> bool:
    """Initialise the Sentry SDK if ``dsn`` is set; return whether it was.

    ``transport`` replaces the HTTP transport; it exists for tests.
    """
    if not dsn:
        return False
    options: dict[str, Any] = {
        "dsn": dsn,
        "integrations": [
            DjangoIntegration(),
            LoggingIntegration(level=logging.INFO, event_level=logging.ERROR),
        ],
        "environment": environment,
        "release": release,
        "traces_sample_rate": traces_sample_rate,
        "before_send": _tag_request_id,
    }
    # Leaving personal data out is the SDK's default. Newer SDKs deprecate the flag (with a
    # warning at every start) for ``data_collection``, whose explicit form collects more by
    # default; so only the SDKs that predate it are told.
    if "data_collection" not in DEFAULT_OPTIONS:
        options["send_default_pii"] = False
    if transport is not None:
        options["transport"] = transport
    sentry_sdk.init(**options)
    # A 5xx access line is logged at ERROR; the failure itself is already reported by
    # the Django integration, so the line stays a breadcrumb instead of a second issue.
    ignore_logger("berth.request")
    return True
