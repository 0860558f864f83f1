"""Request ids: accepted or generated, echoed, shared by every line of a request, sync and async."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import re
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from asgiref.sync import iscoroutinefunction
from django.core.signals import request_finished
from django.db import close_old_connections
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.test import AsyncClient, Client, RequestFactory

from berth.runtime.log_format import JsonFormatter
from berth.runtime.request_id import (
    RequestContextFilter,
    RequestIdMiddleware,
    current_request_id,
    is_valid_request_id,
    request_method_var,
    request_path_var,
)

GENERATED = re.compile(r"[0-9a-f]{32}")

LogLines = Callable[[], list[dict[str, Any]]]


@pytest.fixture
def log_lines() -> Iterator[LogLines]:
    """Every record reaching the root logger, as the parsed JSON lines berth would write."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestContextFilter())
    root = logging.getLogger()
    previous_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    try:
        yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    finally:
        root.removeHandler(handler)
        root.setLevel(previous_level)
        handler.close()


def test_lines_of_one_request_share_its_generated_id(log_lines: LogLines) -> None:
    response = Client().get("/t/log/")
    request_id = response["X-Request-ID"]
    assert GENERATED.fullmatch(request_id)
    lines = log_lines()
    assert [(line["logger"], line["message"]) for line in lines] == [
        ("tests", "inside the view"),
        ("tests", "still inside the view"),
        ("berth.request", f"GET /t/log/ 200 {lines[-1]['duration_ms']:.1f}ms"),
    ]
    for line in lines:
        assert line["request_id"] == request_id
        assert line["method"] == "GET"
        assert line["path"] == "/t/log/"
        assert line["replica"]


def test_access_line(log_lines: LogLines) -> None:
    Client().post("/t/status/201/?token=SECRET-QUERY", data={"a": "b"})
    (access,) = [line for line in log_lines() if line["logger"] == "berth.request"]
    assert access["level"] == "INFO"
    assert access["status"] == 201
    assert access["method"] == "POST"
    assert access["path"] == "/t/status/201/"
    assert isinstance(access["duration_ms"], float)
    assert 0 <= access["duration_ms"] < 10_000
    assert access["duration_ms"] == round(access["duration_ms"], 1)
    # The query string can carry tokens; the access line never shows it.
    assert "SECRET-QUERY" not in json.dumps(access)


@pytest.mark.parametrize(
    ("code", "level"), [(302, "INFO"), (404, "INFO"), (499, "INFO"), (500, "ERROR"), (503, "ERROR")]
)
def test_access_level_follows_the_status(log_lines: LogLines, code: int, level: str) -> None:
    Client().get(f"/t/status/{code}/")
    (access,) = [line for line in log_lines() if line["logger"] == "berth.request"]
    assert (access["status"], access["level"]) == (code, level)


def test_unmatched_url_is_logged_with_its_id(log_lines: LogLines) -> None:
    response = Client().get("/no/such/page/")
    assert response.status_code == 404
    access = [line for line in log_lines() if line["logger"] == "berth.request"]
    assert [(a["status"], a["request_id"]) for a in access] == [(404, response["X-Request-ID"])]


def test_failing_view_keeps_the_id_on_every_line(log_lines: LogLines) -> None:
    response = Client(raise_request_exception=False).get("/t/boom/")
    assert response.status_code == 500
    request_id = response["X-Request-ID"]
    lines = log_lines()
    django_error = [line for line in lines if line["logger"] == "django.request"]
    assert django_error, "Django logs the exception"
    assert "RuntimeError: the view failed on purpose" in django_error[0]["exc_info"]
    assert {line["request_id"] for line in lines} == {request_id}
    assert lines[-1]["logger"] == "berth.request"
    assert (lines[-1]["status"], lines[-1]["level"]) == (500, "ERROR")


@pytest.mark.parametrize(
    "incoming",
    ["a", "abc-123", "0f8fad5b-d9cb-469f-a165-70867728950e", "Root:1.5759e988_bd86", "x" * 128],
)
def test_valid_incoming_id_is_kept(log_lines: LogLines, incoming: str) -> None:
    response = Client().get("/t/log/", headers={"X-Request-ID": incoming})
    assert response["X-Request-ID"] == incoming
    assert {line["request_id"] for line in log_lines()} == {incoming}


@pytest.mark.parametrize(
    "incoming",
    [
        "",
        "x" * 129,
        "abc\ndef",
        "abc\r\nSet-Cookie: a=b",
        "trailing-newline\n",
        "with space",
        'with"quote',
        "with'quote",
        "with{brace}",
        "caf\u00e9",
        "tab\there",
        "<script>",
    ],
)
def test_invalid_incoming_id_is_replaced(log_lines: LogLines, incoming: str) -> None:
    response = Client().get("/t/log/", headers={"X-Request-ID": incoming})
    assert GENERATED.fullmatch(response["X-Request-ID"])
    assert {line["request_id"] for line in log_lines()} == {response["X-Request-ID"]}
    assert not is_valid_request_id(incoming)


def test_each_request_gets_its_own_id() -> None:
    client = Client()
    ids = {client.get("/t/status/200/")["X-Request-ID"] for _ in range(5)}
    assert len(ids) == 5


def test_request_attribute_and_reset_context() -> None:
    seen: dict[str, Any] = {}

    def view(request: HttpRequest) -> HttpResponse:
        seen["attribute"] = request.request_id  # type: ignore[attr-defined]
        seen["context"] = (current_request_id(), request_method_var.get(), request_path_var.get())
        return HttpResponse("ok")

    response = RequestIdMiddleware(view)(
        RequestFactory().put("/things/1/", headers={"X-Request-ID": "given-1"})
    )
    assert isinstance(response, HttpResponse)
    assert response["X-Request-ID"] == "given-1"
    assert seen == {"attribute": "given-1", "context": ("given-1", "PUT", "/things/1/")}
    assert (current_request_id(), request_method_var.get(), request_path_var.get()) == (
        None,
        None,
        None,
    )


def test_escaping_exception_propagates_resets_and_is_logged(log_lines: LogLines) -> None:
    def view(request: HttpRequest) -> HttpResponse:
        raise LookupError("escaped")

    middleware = RequestIdMiddleware(view)
    assert not iscoroutinefunction(middleware)
    with pytest.raises(LookupError):
        middleware(RequestFactory().get("/x/", headers={"X-Request-ID": "escaping-1"}))
    assert current_request_id() is None
    (access,) = log_lines()
    assert (access["request_id"], access["status"], access["level"]) == ("escaping-1", 500, "ERROR")


@pytest.fixture
def no_connection_cleanup() -> Iterator[None]:
    """Closing a response sends request_finished; as Django's test client does, keep its
    database clean-up, which these tests without a database must not reach, out of it."""
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_finished.connect(close_old_connections)


@pytest.mark.usefixtures("no_connection_cleanup")
def test_access_line_is_written_once_when_the_response_is_closed(log_lines: LogLines) -> None:
    middleware = RequestIdMiddleware(lambda request: HttpResponse("ok"))
    response = middleware(RequestFactory().get("/x/", headers={"X-Request-ID": "closing-1"}))
    assert isinstance(response, HttpResponse)
    # The server sends the response, then closes it: only then is the line written, in the
    # request's context although the middleware has long left it.
    assert log_lines() == []
    response.close()
    response.close()
    (access,) = log_lines()
    assert (access["request_id"], access["path"], access["status"]) == ("closing-1", "/x/", 200)


@pytest.mark.usefixtures("no_connection_cleanup")
def test_access_line_duration_covers_a_streamed_body(log_lines: LogLines) -> None:
    def slow_body() -> Iterator[bytes]:
        yield b"first"
        time.sleep(0.2)
        yield b"second"

    middleware = RequestIdMiddleware(lambda request: StreamingHttpResponse(slow_body()))
    response = middleware(RequestFactory().get("/stream/"))
    assert isinstance(response, StreamingHttpResponse)
    assert b"".join(response) == b"firstsecond"
    response.close()
    (access,) = log_lines()
    assert access["duration_ms"] >= 200


def test_lines_logged_while_closing_carry_the_request_id(log_lines: LogLines) -> None:
    def on_finished(**kwargs: object) -> None:
        logging.getLogger("tests").info("request finished")

    request_finished.connect(on_finished)
    try:
        response = Client().get("/t/status/200/")
    finally:
        request_finished.disconnect(on_finished)
    lines = log_lines()
    assert [line["message"] for line in lines][0] == "request finished"
    assert {line["request_id"] for line in lines} == {response["X-Request-ID"]}


def test_access_line_below_the_level_is_skipped(log_lines: LogLines) -> None:
    access_logger = logging.getLogger("berth.request")
    access_logger.setLevel(logging.WARNING)
    try:
        Client().get("/t/status/404/")
        Client().get("/t/status/503/")
    finally:
        access_logger.setLevel(logging.NOTSET)
    access = [line for line in log_lines() if line["logger"] == "berth.request"]
    assert [(line["status"], line["level"]) for line in access] == [(503, "ERROR")]


def test_access_record_names_its_origin(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="berth.request"):
        Client().get("/t/status/200/")
    (record,) = [record for record in caplog.records if record.name == "berth.request"]
    assert (record.module, record.funcName) == ("request_id", "_log")
    assert record.getMessage().startswith("GET /t/status/200/ 200 ")


def test_newline_in_path_stays_on_one_line(log_lines: LogLines) -> None:
    Client().get("/t/status/404/%0Ainjected")
    (access,) = [line for line in log_lines() if line["logger"] == "berth.request"]
    assert "\n" not in access["message"]
    assert access["path"] == "/t/status/404/\ninjected"


# -- async -----------------------------------------------------------------------------------


def test_async_middleware_is_a_coroutine_function() -> None:
    async def view(request: HttpRequest) -> HttpResponse:
        return HttpResponse("ok")

    middleware = RequestIdMiddleware(view)
    assert iscoroutinefunction(middleware)
    response = asyncio.run(middleware(RequestFactory().get("/a/")))
    assert GENERATED.fullmatch(response["X-Request-ID"])
    assert current_request_id() is None


def test_async_client_request(log_lines: LogLines) -> None:
    response = asyncio.run(AsyncClient().get("/t/async-log/", headers={"X-Request-ID": "async-1"}))
    assert response.status_code == 200
    assert response["X-Request-ID"] == "async-1"
    lines = log_lines()
    assert [line["logger"] for line in lines] == ["tests", "tests", "berth.request"]
    assert {line["request_id"] for line in lines} == {"async-1"}


def test_async_sync_view_through_async_client(log_lines: LogLines) -> None:
    response = asyncio.run(AsyncClient().get("/t/log/"))
    assert {line["request_id"] for line in log_lines()} == {response["X-Request-ID"]}


def test_concurrent_async_requests_keep_their_own_ids(log_lines: LogLines) -> None:
    async def both() -> list[Any]:
        client = AsyncClient()
        return await asyncio.gather(
            *(
                client.get("/t/async-log/", headers={"X-Request-ID": f"concurrent-{n}"})
                for n in range(4)
            )
        )

    responses = asyncio.run(both())
    assert [r["X-Request-ID"] for r in responses] == [f"concurrent-{n}" for n in range(4)]
    lines = log_lines()
    assert len(lines) == 12
    for n in range(4):
        mine = [line for line in lines if line["request_id"] == f"concurrent-{n}"]
        assert [line["logger"] for line in mine] == ["tests", "tests", "berth.request"]
