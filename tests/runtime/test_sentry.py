"""Sentry: off without a DSN; with one, errors become events carrying environment, release, request id."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest
import sentry_sdk
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import Client
from sentry_sdk.envelope import Envelope
from sentry_sdk.transport import Transport

from berth.runtime.sentry import init_sentry

DSN = "https://publickey@o0.ingest.sentry.invalid/1"


class CapturingTransport(Transport):
    """Keeps envelopes in memory instead of sending them anywhere."""

    def __init__(self) -> None:
        super().__init__()
        self.envelopes: list[Envelope] = []

    def capture_envelope(self, envelope: Envelope) -> None:
        self.envelopes.append(envelope)

    @property
    def events(self) -> list[Any]:
        return [event for envelope in self.envelopes if (event := envelope.get_event()) is not None]

    def event_of(self, *, logger: str | None = None, request_id: str | None = None) -> Any:
        """The one event this test caused: while the client is on, an error logged by anything
        else in the process (a thread or finalizer an earlier test left) is an event too."""
        mine = [
            event
            for event in self.events
            if (logger is None or event.get("logger") == logger)
            and (request_id is None or event.get("tags", {}).get("request_id") == request_id)
        ]
        # Every event's source and message, should there be other than one.
        assert len(mine) == 1, [
            (event.get("logger"), event.get("logentry"), event.get("tags")) for event in self.events
        ]
        return mine[0]


@pytest.fixture
def transport() -> Iterator[CapturingTransport]:
    transport = CapturingTransport()
    try:
        yield transport
    finally:
        # Leave no client behind: later tests must run with Sentry off.
        sentry_sdk.get_client().close()
        sentry_sdk.get_global_scope().set_client(None)
        assert not sentry_sdk.get_client().is_active()


def start(transport: CapturingTransport, traces_sample_rate: float = 0.0) -> bool:
    return init_sentry(
        DSN,
        environment="staging",
        release="abc1234",
        traces_sample_rate=traces_sample_rate,
        transport=transport,
    )


@pytest.mark.parametrize("dsn", [None, ""])
def test_no_dsn_means_no_sentry(dsn: str | None) -> None:
    assert init_sentry(dsn, environment="production", release=None, traces_sample_rate=0.0) is False
    assert not sentry_sdk.get_client().is_active()


def wsgi_get(path: str, headers: dict[str, str]) -> tuple[str, dict[str, str]]:
    """A request through Django's real WSGI entry point, which is where Sentry hooks in."""
    environ: dict[str, Any] = {
        "PATH_INFO": path,
        "REQUEST_METHOD": "GET",
        "SERVER_NAME": "testserver",
    }
    setup_testing_defaults(environ)
    environ.update(
        {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()}
    )
    seen: dict[str, Any] = {}

    def start_response(
        status: str, response_headers: list[tuple[str, str]], exc_info: Any = None
    ) -> Any:
        seen["status"] = status
        seen["headers"] = dict(response_headers)
        return lambda data: None

    # As Django's test client does: the test's database connection is not the request's to close.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body = WSGIHandler()(environ, start_response)
        try:
            b"".join(body)
        finally:
            close = getattr(body, "close", None)
            if close is not None:
                close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return seen["status"], seen["headers"]


def test_error_log_becomes_an_event(
    transport: CapturingTransport, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="tests.sentry")
    assert start(transport) is True
    client = sentry_sdk.get_client()
    assert client.is_active()
    assert not client.options["send_default_pii"]
    if "data_collection" in client.options:
        assert client.options["data_collection"]["user_info"] is False
    assert client.options["traces_sample_rate"] == 0.0

    logging.getLogger("tests.sentry").info("just information")
    logging.getLogger("tests.sentry").error("something broke: %s", 42)
    client.flush()

    event = transport.event_of(logger="tests.sentry")
    assert event["environment"] == "staging"
    assert event["release"] == "abc1234"
    assert event["level"] == "error"
    assert event["logentry"]["message"] == "something broke: %s"
    assert event["logentry"]["formatted"] == "something broke: 42"
    assert event["logger"] == "tests.sentry"
    # Outside a request there is no id to tag.
    assert "request_id" not in event.get("tags", {})
    # The info line rode along as a breadcrumb rather than as an event.
    breadcrumbs = [b["message"] for b in event["breadcrumbs"]["values"]]
    assert "just information" in breadcrumbs


def test_failing_request_is_reported_once_with_its_request_id(
    transport: CapturingTransport,
) -> None:
    start(transport)
    status, headers = wsgi_get(
        "/t/boom/", {"X-Request-ID": "sentry-req-1", "Cookie": "sessionid=SECRET-SESSION"}
    )
    sentry_sdk.get_client().flush()

    assert status.startswith("500")
    assert headers["X-Request-ID"] == "sentry-req-1"
    # One issue for one failure: neither django.request's line nor berth's 500 access line
    # adds a second one.
    event = transport.event_of(request_id="sentry-req-1")
    exception = event["exception"]["values"][-1]
    assert exception["type"] == "RuntimeError"
    assert event["tags"]["request_id"] == "sentry-req-1"
    assert event["environment"] == "staging"
    assert event["release"] == "abc1234"
    assert event["request"]["url"].endswith("/t/boom/")
    assert "SECRET-SESSION" not in json.dumps(event["request"])


def test_failing_request_through_the_test_client_is_tagged_too(
    transport: CapturingTransport,
) -> None:
    start(transport)
    response = Client(raise_request_exception=False).get(
        "/t/boom/", headers={"X-Request-ID": "sentry-req-2"}
    )
    sentry_sdk.get_client().flush()
    assert response.status_code == 500
    event = transport.event_of(request_id="sentry-req-2")
    assert event["tags"]["request_id"] == "sentry-req-2"


def test_traces_sample_rate_is_passed_on(transport: CapturingTransport) -> None:
    start(transport, traces_sample_rate=1.0)
    assert sentry_sdk.get_client().options["traces_sample_rate"] == 1.0
    wsgi_get("/healthz", {})
    sentry_sdk.get_client().flush()
    transactions = [
        item.payload.json
        for envelope in transport.envelopes
        for item in envelope.items
        if item.type == "transaction" and item.payload.json is not None
    ]
    assert [t["transaction"] for t in transactions] == ["/healthz"]
    assert transactions[0]["release"] == "abc1234"
