from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest

from berth.remote.log_lines import (
    LogFilter,
    LogLine,
    format_line,
    merge_by_time,
    parse_line,
    split_prefix,
)
from berth.runtime.log_format import JsonFormatter


@pytest.fixture(autouse=True)
def utc_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    # format_line shows local time; pin it so that the expected lines are the same everywhere.
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def record(message: str = "hello", **fields: Any) -> str:
    payload = {
        "time": "2025-03-01T12:00:01.250Z",
        "level": "INFO",
        "logger": "shop",
        "message": message,
        "replica": "c0ffee",
    }
    payload.update(fields)
    return json.dumps(payload)


REQUEST = record(
    "GET /upload/ 302 35.2ms",
    logger="berth.request",
    request_id="ab12cd34ef56",
    method="GET",
    path="/upload/",
    status=302,
    duration_ms=35.2,
)


def test_parses_what_json_formatter_writes() -> None:
    logging_record = logging.makeLogRecord(
        {"name": "shop.orders", "levelname": "WARNING", "levelno": 30, "msg": "low stock"}
    )
    raw = JsonFormatter().format(logging_record) + "\n"
    line = parse_line("web-1", raw)
    assert line.raw == raw.rstrip("\n")
    assert line.record is not None and line.record["message"] == "low stock"
    assert line.level == "WARNING"
    assert line.time == datetime.fromtimestamp(int(logging_record.created), UTC).replace(
        microsecond=int(logging_record.msecs) * 1000
    )


@pytest.mark.parametrize(
    "raw",
    [
        "[2025-03-01 12:00:00 +0000] [7] [INFO] Starting gunicorn 23.0.0",
        "Traceback (most recent call last):",
        "{not json",
        '["a", "list"]',
        "",
    ],
)
def test_other_lines_are_text(raw: str) -> None:
    line = parse_line("web-1", raw)
    assert line == LogLine(replica="web-1", raw=raw, record=None)
    assert (line.level, line.request_id, line.time) == (None, None, None)


def test_properties_tolerate_odd_records() -> None:
    line = parse_line("web-1", json.dumps({"level": 30, "time": "yesterday", "request_id": 5}))
    assert (line.level, line.time, line.request_id) == (None, None, None)
    naive = parse_line("web-1", json.dumps({"time": "2025-03-01T12:00:00"}))
    assert naive.time == datetime(2025, 3, 1, 12, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (f"web-1  | {REQUEST}", ("web-1", REQUEST)),
        (f"shop-web-2 | {REQUEST}", ("shop-web-2", REQUEST)),
        ("shop_web_1  | plain", ("shop_web_1", "plain")),
        ('web-1  |   File "x.py", line 1', ("web-1", '  File "x.py", line 1')),
        ("web-1  |", ("web-1", "")),
        (f"[pod/web-7d9f-abcde/web] {REQUEST}", ("web-7d9f-abcde/web", REQUEST)),
        ("[web-7d9f-abcde/web] text", ("web-7d9f-abcde/web", "text")),
        (REQUEST, (None, REQUEST)),
        ("just text", (None, "just text")),
        ("[INFO] gunicorn", (None, "[INFO] gunicorn")),
    ],
)
def test_split_prefix(raw: str, expected: tuple[str | None, str]) -> None:
    assert split_prefix(raw) == expected


def lines() -> list[LogLine]:
    return [
        parse_line("web-1", record("debugging", level="DEBUG")),
        parse_line("web-1", REQUEST),
        parse_line("web-2", record("slow", level="WARNING", request_id="ab12cd34ef56")),
        parse_line("web-2", record("boom", level="ERROR", time="2025-03-01T12:05:00.000Z")),
        parse_line("web-2", "Traceback (most recent call last):"),
    ]


def messages(log_filter: LogFilter) -> list[str]:
    return [
        line.record["message"] if line.record else line.raw
        for line in lines()
        if log_filter.matches(line)
    ]


def test_no_filter_shows_everything() -> None:
    assert len(messages(LogFilter())) == 5


def test_level_is_a_minimum_and_hides_text() -> None:
    assert messages(LogFilter(level="warning")) == ["slow", "boom"]
    assert messages(LogFilter(level="ERROR")) == ["boom"]


def test_request_id_matches_in_full_or_by_its_start() -> None:
    both = ["GET /upload/ 302 35.2ms", "slow"]
    assert messages(LogFilter(request_id="ab12cd34ef56")) == both
    assert messages(LogFilter(request_id="ab12cd34")) == both
    assert messages(LogFilter(request_id="ffff")) == []


def test_replica_matches_the_prefix_the_pod_or_the_records_own_name() -> None:
    assert messages(LogFilter(replicas=frozenset({"web-2"}))) == [
        "slow",
        "boom",
        "Traceback (most recent call last):",
    ]
    assert len(messages(LogFilter(replicas=frozenset({"c0ffee"})))) == 4
    pod = parse_line("web-7d9f-abcde/web", REQUEST)
    assert LogFilter(replicas=frozenset({"web-7d9f-abcde"})).matches(pod)


def test_since_keeps_later_records_only() -> None:
    since = datetime(2025, 3, 1, 12, 1, tzinfo=UTC)
    assert messages(LogFilter(since=since)) == ["boom"]


def test_an_unknown_level_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown log level 'loud'"):
        LogFilter(level="loud")


def test_format_request_line() -> None:
    line = parse_line("web-1", REQUEST)
    assert format_line(line) == (
        "web-1 | 12:00:01 INFO  berth.request  GET /upload/ 302 35.2ms [req=ab12cd34]"
    )
    assert format_line(line, width=10).startswith("web-1      | 12:00:01")


def test_format_exception_indented_below() -> None:
    raw = record(
        "Internal Server Error: /",
        level="ERROR",
        logger="django.request",
        exc_info='Traceback (most recent call last):\n  File "v.py", line 3\nZeroDivisionError: x',
    )
    assert format_line(parse_line("web-2", raw)).splitlines() == [
        "web-2 | 12:00:01 ERROR django.request  Internal Server Error: /",
        "web-2 |     Traceback (most recent call last):",
        'web-2 |       File "v.py", line 3',
        "web-2 |     ZeroDivisionError: x",
    ]


def test_format_text_line_as_it_is() -> None:
    line = parse_line("web-1", "[INFO] Booting worker with pid: 8")
    assert format_line(line, width=6) == "web-1  | [INFO] Booting worker with pid: 8"


def test_colour_is_stable_per_replica_and_marks_levels() -> None:
    web1 = format_line(parse_line("web-1", REQUEST), color=True)
    again = format_line(parse_line("web-1", record("other")), color=True)
    assert web1.startswith("\x1b[") and web1.split("|")[0] == again.split("|")[0]
    error = format_line(parse_line("web-1", record("boom", level="ERROR")), color=True)
    assert "\x1b[31;1mERROR\x1b[0m" in error
    assert "\x1b" not in format_line(parse_line("web-1", REQUEST))


def test_merge_orders_by_time_and_keeps_untimed_lines_after_their_predecessor() -> None:
    def at(replica: str, second: int, message: str) -> LogLine:
        return parse_line(replica, record(message, time=f"2025-03-01T12:00:{second:02d}.000Z"))

    web1 = [
        parse_line("web-1", "[INFO] Starting gunicorn"),
        at("web-1", 1, "a"),
        at("web-1", 4, "d"),
        parse_line("web-1", "Traceback after d"),
        at("web-1", 5, "e"),
    ]
    web2 = [at("web-2", 2, "b"), parse_line("web-2", "text after b"), at("web-2", 3, "c")]
    merged = [
        line.record["message"] if line.record else line.raw for line in merge_by_time([web1, web2])
    ]
    assert merged == [
        "[INFO] Starting gunicorn",
        "a",
        "b",
        "text after b",
        "c",
        "d",
        "Traceback after d",
        "e",
    ]


def test_merge_keeps_stream_order_for_equal_times() -> None:
    first = [parse_line("web-1", record("one"))]
    second = [parse_line("web-2", record("two"))]
    assert [line.replica for line in merge_by_time([first, second])] == ["web-1", "web-2"]
