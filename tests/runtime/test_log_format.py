"""JSON and console log lines, and the stdout-only logging configuration."""

from __future__ import annotations

import json
import logging
import logging.config
import math
import os
import re
import socket
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.test import Client

import berth.runtime.log_format
from berth.runtime.log_format import ConsoleFormatter, JsonFormatter, logging_config
from berth.runtime.request_id import (
    RequestContextFilter,
    request_id_var,
    request_method_var,
    request_path_var,
)

CONFIGURED_LOGGERS = (
    "django",
    "django.server",
    "django.request",
    "gunicorn.error",
    "gunicorn.access",
)


def make_record(
    msg: str = "hello %s",
    args: Any = ("world",),
    level: int = logging.INFO,
    name: str = "tests.logs",
    exc_info: Any = None,
    **extra: Any,
) -> logging.LogRecord:
    record = logging.getLogger(name).makeRecord(
        name, level, __file__, 1, msg, args, exc_info, extra=extra
    )
    return record


@contextmanager
def request_context(request_id: str, method: str = "GET", path: str = "/photos/") -> Iterator[None]:
    tokens = (
        request_id_var.set(request_id),
        request_method_var.set(method),
        request_path_var.set(path),
    )
    try:
        yield
    finally:
        request_path_var.reset(tokens[2])
        request_method_var.reset(tokens[1])
        request_id_var.reset(tokens[0])


@contextmanager
def applied_logging(level: str, fmt: str) -> Iterator[None]:
    """Apply logging_config() for the duration of a block, then put every touched logger back.

    Used inside a test body, not a fixture, so that pytest's own per-phase handlers are
    the same when saved and when restored.
    """
    names = ["", *CONFIGURED_LOGGERS, "berth", "berth.request", "tests"]
    saved = {}
    for name in names:
        logger = logging.getLogger(name)
        saved[name] = (list(logger.handlers), logger.level, logger.propagate, logger.disabled)
    ours: list[logging.Handler] = []
    try:
        logging.config.dictConfig(logging_config(level, fmt))
        ours = list(logging.getLogger().handlers)
        yield
    finally:
        for handler in ours:
            handler.close()
        for name, (handlers, lvl, propagate, disabled) in saved.items():
            logger = logging.getLogger(name)
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
            for handler in handlers:
                logger.addHandler(handler)
            logger.setLevel(lvl)
            logger.propagate = propagate
            logger.disabled = disabled


# -- JsonFormatter ---------------------------------------------------------------------------


def test_json_line_carries_the_basics() -> None:
    line = JsonFormatter().format(make_record())
    assert "\n" not in line
    data = json.loads(line)
    assert data["level"] == "INFO"
    assert data["logger"] == "tests.logs"
    assert data["message"] == "hello world"
    assert data["replica"] == (os.environ.get("HOSTNAME") or socket.gethostname())
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", data["time"])
    # Outside a request there is no request context at all.
    assert "request_id" not in data
    assert "method" not in data
    assert "path" not in data


def test_json_replica_is_the_hostname_variable_when_set(monkeypatch: pytest.MonkeyPatch) -> None:
    # Docker and Kubernetes set HOSTNAME to the container's name, and berth up to the replica's.
    monkeypatch.setenv("HOSTNAME", "web-2")
    berth.runtime.log_format.replica_name.cache_clear()
    try:
        assert json.loads(JsonFormatter().format(make_record()))["replica"] == "web-2"
    finally:
        monkeypatch.undo()
        berth.runtime.log_format.replica_name.cache_clear()


def test_json_time_is_utc_with_milliseconds() -> None:
    record = make_record()
    record.created = 1795325478.1234
    record.msecs = 123.4
    assert json.loads(JsonFormatter().format(record))["time"] == "2026-11-22T05:31:18.123Z"


def test_json_time_stays_right_across_seconds_in_any_order() -> None:
    formatter = JsonFormatter()
    for created, msecs, text in [
        (1795325478.999, 999.0, "2026-11-22T05:31:18.999Z"),
        (1795325479.0, 0.0, "2026-11-22T05:31:19.000Z"),
        (1795325479.5, 500.0, "2026-11-22T05:31:19.500Z"),
        # Back in time (a record from another thread, or formatted late): not the last second.
        (1795325478.25, 250.0, "2026-11-22T05:31:18.250Z"),
        (1795325539.001, 1.0, "2026-11-22T05:32:19.001Z"),
        (0.0, 0.0, "1970-01-01T00:00:00.000Z"),
    ]:
        record = make_record()
        record.created = created
        record.msecs = msecs
        assert json.loads(formatter.format(record))["time"] == text


def test_json_line_carries_the_request_context_from_the_filter() -> None:
    record = make_record()
    with request_context("ab12cd34ef", "POST", "/upload/"):
        RequestContextFilter().filter(record)
    # Formatted after the request ended: the filter's copy is what counts.
    data = json.loads(JsonFormatter().format(record))
    assert (data["request_id"], data["method"], data["path"]) == ("ab12cd34ef", "POST", "/upload/")


def test_filter_sets_none_outside_a_request() -> None:
    record = make_record()
    assert RequestContextFilter().filter(record) is True
    assert (record.request_id, record.method, record.path) == (None, None, None)  # type: ignore[attr-defined]


def test_json_formatter_falls_back_to_the_context_without_the_filter() -> None:
    with request_context("fallback1"):
        data = json.loads(JsonFormatter().format(make_record()))
    assert data["request_id"] == "fallback1"


def test_json_access_fields_and_extras() -> None:
    record = make_record(status=201, duration_ms=12.3, photo_id=7, tags=["a", "b"])
    data = json.loads(JsonFormatter().format(record))
    assert data["status"] == 201
    assert data["duration_ms"] == 12.3
    assert data["photo_id"] == 7
    assert data["tags"] == ["a", "b"]
    for standard in (
        "args",
        "msg",
        "levelno",
        "pathname",
        "lineno",
        "created",
        "thread",
        "exc_text",
    ):
        assert standard not in data


def test_json_extras_keep_their_order() -> None:
    data = json.loads(JsonFormatter().format(make_record(zulu=1, alpha=2, mike=3)))
    assert list(data)[-3:] == ["zulu", "alpha", "mike"]


def test_json_extras_do_not_replace_the_core_fields() -> None:
    data = json.loads(
        JsonFormatter().format(make_record(level_name="x", replica="spoofed", logger="x"))
    )
    assert data["replica"] != "spoofed"
    assert data["logger"] == "tests.logs"


def test_json_skips_the_request_object_django_attaches() -> None:
    class Request:
        def __repr__(self) -> str:
            return "<WSGIRequest: GET '/?token=SECRET-TOKEN'>"

        __str__ = __repr__

    line = JsonFormatter().format(make_record(request=Request(), status_code=500))
    assert "SECRET-TOKEN" not in line
    assert json.loads(line)["status_code"] == 500


def test_json_exception_text() -> None:
    try:
        raise ValueError("bad value")
    except ValueError:
        record = make_record("it failed", (), level=logging.ERROR, exc_info=sys.exc_info())
    data = json.loads(JsonFormatter().format(record))
    assert data["message"] == "it failed"
    assert "Traceback" in data["exc_info"]
    assert "ValueError: bad value" in data["exc_info"]


class Unserialisable:
    def __str__(self) -> str:
        return "unserialisable-object"


class Unprintable:
    def __str__(self) -> str:
        raise RuntimeError("no str")

    def __repr__(self) -> str:
        raise RuntimeError("no repr")


def test_json_never_raises_on_odd_input() -> None:
    circular: list[Any] = []
    circular.append(circular)
    formatter = JsonFormatter()
    cases = [
        make_record(thing=Unserialisable()),
        make_record(loop=circular),
        make_record(nan=math.nan, inf=math.inf),
        make_record(weird=Unprintable()),
        make_record(mapping={("tuple", "key"): 1}),
        make_record("%d apples", ("not a number",)),
        make_record("%s and %s", ("only one",)),
        make_record(Unprintable(), ()),  # type: ignore[arg-type]
        make_record("bytes %s", (b"\xff\xfe",)),
    ]
    for record in cases:
        data = json.loads(formatter.format(record))
        assert data["logger"] == "tests.logs"
    assert json.loads(formatter.format(cases[0]))["thing"] == "unserialisable-object"
    assert json.loads(formatter.format(cases[2]))["nan"] == "nan"
    assert "%d apples" in json.loads(formatter.format(cases[5]))["message"]


def test_json_formatter_recovers_after_a_value_it_could_not_encode() -> None:
    circular: dict[str, Any] = {}
    circular["self"] = circular
    formatter = JsonFormatter()
    for record in (make_record(loop=circular), make_record(count=3), make_record(loop=circular)):
        data = json.loads(formatter.format(record))
    assert json.loads(formatter.format(make_record(count=3)))["count"] == 3
    assert data["loop"] == str(circular)


def test_json_line_is_ascii_and_escapes_newlines() -> None:
    line = JsonFormatter().format(make_record("first\nsecond\u2028 caf\u00e9", ()))
    assert line.isascii()
    assert "\n" not in line
    assert json.loads(line)["message"] == "first\nsecond\u2028 caf\u00e9"


# -- ConsoleFormatter ------------------------------------------------------------------------


def test_console_access_line() -> None:
    record = make_record(
        "%s %s %d %.1fms",
        ("GET", "/photos/", 200, 12.0),
        name="berth.request",
        status=200,
        duration_ms=12.0,
    )
    with request_context("ab12cd34ef56"):
        RequestContextFilter().filter(record)
    line = ConsoleFormatter().format(record)
    assert re.fullmatch(
        r"\d\d:\d\d:\d\d INFO  berth\.request  GET /photos/ 200 12\.0ms \[req=ab12cd34\]", line
    ), line


def test_console_line_outside_a_request_has_no_id() -> None:
    line = ConsoleFormatter().format(make_record(level=logging.WARNING))
    assert re.fullmatch(r"\d\d:\d\d:\d\d WARNING tests\.logs  hello world", line), line


def test_console_exception_follows_the_line() -> None:
    try:
        raise KeyError("k")
    except KeyError:
        record = make_record("lookup failed", (), level=logging.ERROR, exc_info=sys.exc_info())
    first, *rest = ConsoleFormatter().format(record).splitlines()
    assert first.endswith("ERROR tests.logs  lookup failed")
    assert rest[0].startswith("Traceback")


def test_console_never_raises_on_bad_arguments() -> None:
    assert "%d apples" in ConsoleFormatter().format(make_record("%d apples", ("x",)))


# -- logging_config --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "formatter"),
    [
        ("json", "berth.runtime.log_format.JsonFormatter"),
        ("console", "berth.runtime.log_format.ConsoleFormatter"),
    ],
)
def test_logging_config_shape(fmt: str, formatter: str) -> None:
    config = logging_config("INFO", fmt)
    assert config["version"] == 1
    assert config["disable_existing_loggers"] is False
    assert list(config["handlers"]) == ["stdout"]
    handler = config["handlers"]["stdout"]
    assert handler["class"] == "logging.StreamHandler"
    assert handler["stream"] == "ext://sys.stdout"
    assert config["formatters"][handler["formatter"]]["()"] == formatter
    assert (
        config["filters"][handler["filters"][0]]["()"]
        == "berth.runtime.request_id.RequestContextFilter"
    )
    assert config["root"] == {"level": "INFO", "handlers": ["stdout"]}
    for name in CONFIGURED_LOGGERS:
        assert config["loggers"][name]["handlers"] == []
        assert config["loggers"][name]["propagate"] is True
    assert "File" not in json.dumps(config)
    assert "filename" not in json.dumps(config)


def test_logging_config_levels() -> None:
    assert logging_config("debug", "json")["root"]["level"] == "DEBUG"
    assert logging_config("debug", "json")["loggers"]["django"]["level"] == "DEBUG"
    # gunicorn's access lines are INFO: berth's own access line replaces them.
    assert logging_config("debug", "json")["loggers"]["gunicorn.access"]["level"] == "WARNING"
    assert logging_config("error", "json")["loggers"]["gunicorn.access"]["level"] == "ERROR"
    with pytest.raises(ValueError, match="unknown log level"):
        logging_config("LOUD", "json")


def test_applied_config_writes_each_record_once_to_stdout(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with applied_logging("INFO", "json"):
        for name in (*CONFIGURED_LOGGERS, "tests.anything", "berth.request"):
            logging.getLogger(name).warning("from %s", name)
        logging.getLogger("tests.anything").debug("below the level")
        out, err = capsys.readouterr()
        handlers = logging.getLogger().handlers
        assert len(handlers) == 1
        assert type(handlers[0]) is logging.StreamHandler
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["message"] for line in lines] == [
        f"from {name}" for name in (*CONFIGURED_LOGGERS, "tests.anything", "berth.request")
    ]
    assert err == ""


def test_applied_config_drops_gunicorn_access_lines(capsys: pytest.CaptureFixture[str]) -> None:
    with applied_logging("INFO", "json"):
        logging.getLogger("gunicorn.access").info('127.0.0.1 - - "GET / HTTP/1.1" 200 2')
        logging.getLogger("gunicorn.error").info("Booting worker")
        out, _ = capsys.readouterr()
    assert [json.loads(line)["logger"] for line in out.splitlines()] == ["gunicorn.error"]


def test_applied_config_logs_a_request_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    with applied_logging("INFO", "json"):
        response = Client().get("/t/log/")
        out, _ = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["logger"] for line in lines] == ["tests", "tests", "berth.request"]
    assert {line["request_id"] for line in lines} == {response["X-Request-ID"]}
    assert lines[-1]["status"] == 200


def test_applied_config_logs_a_request_on_one_console_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with applied_logging("INFO", "console"):
        response = Client().get("/t/status/200/", headers={"X-Request-ID": "given-0001-abcdef"})
        out, _ = capsys.readouterr()
    assert response.status_code == 200
    assert re.fullmatch(
        r"\d\d:\d\d:\d\d INFO  berth\.request  GET /t/status/200/ 200 \d+\.\dms \[req=given-00\]\n",
        out,
    ), out
