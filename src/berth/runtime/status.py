"""The scoreboard as answers: ``/status`` (JSON, what ``berth ps`` reads) and ``/metrics``.

``/metrics`` is Prometheus text rendered by prometheus_client from a collector that reads the
scoreboard when scraped: the replica's totals (exited workers included, so counters never go
back), requests in flight, busy and idle workers, workers exited, memory and CPU. Per-worker
detail (pids come and go) is in ``/status`` only, to keep the series few.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import psutil
from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import (
    CounterMetricFamily,
    GaugeMetricFamily,
    HistogramMetricFamily,
    Metric,
)

from berth.runtime.scoreboard import (
    BUCKETS,
    CLASSES,
    Recent,
    Scoreboard,
    Totals,
    WorkerView,
)

__all__ = [
    "METRICS_CONTENT_TYPE",
    "metrics_text",
    "quantile",
    "stacks_json",
    "status",
    "status_json",
]

# How many of the last minute's slowest requests /status lists.
_SLOWEST = 5

METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def status(board: Scoreboard) -> dict[str, Any]:
    """The replica and each of its workers, as ``/status`` answers them."""
    now = time.time()
    workers = board.workers()
    rows = [_worker(view, now) for view in workers]
    busy = sum(1 for view in workers if view.started)
    totals = _replica_totals(board, workers)
    master = _usage(board.master_pid)
    return {
        "pid": board.master_pid,
        "uptime_seconds": round(now - board.started, 3),
        "workers_exited": board.workers_exited,
        "workers": {"busy": busy, "idle": len(workers) - busy},
        "in_flight": busy,
        "rss_bytes": master["rss_bytes"] + sum(row["rss_bytes"] for row in rows),
        "cpu_seconds": round(master["cpu_seconds"] + sum(row["cpu_seconds"] for row in rows), 3),
        "responses": dict(zip(CLASSES, totals.classes, strict=True)),
        "latency": _latency(totals),
        "last_minute": _last_minute([view.recent for view in workers], now, board.started),
        "worker_list": rows,
    }


def metrics_text(board: Scoreboard) -> bytes:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Collector(board))
    return generate_latest(registry)


class _Collector:
    def __init__(self, board: Scoreboard) -> None:
        self.board = board

    def collect(self) -> Iterator[Metric]:
        board = self.board
        workers = board.workers()
        totals = _replica_totals(board, workers)
        answers = CounterMetricFamily(
            "berth_http_responses", "Responses by status class.", labels=["code"]
        )
        for klass, count in zip(CLASSES, totals.classes, strict=True):
            answers.add_metric([klass], count)
        yield answers
        cumulative, running = [], 0
        for bound, count in zip((*map(str, BUCKETS), "+Inf"), totals.buckets, strict=True):
            running += count
            cumulative.append((bound, running))
        yield HistogramMetricFamily(
            "berth_http_request_duration_seconds",
            "Time from the request reaching a worker to its answer sent.",
            buckets=cumulative,
            sum_value=totals.seconds,
        )
        busy = sum(1 for view in workers if view.started)
        yield GaugeMetricFamily(
            "berth_http_requests_in_flight", "Requests being served now.", value=busy
        )
        states = GaugeMetricFamily("berth_workers", "gunicorn workers by state.", labels=["state"])
        states.add_metric(["busy"], busy)
        states.add_metric(["idle"], len(workers) - busy)
        yield states
        yield CounterMetricFamily(
            "berth_workers_exited",
            "Workers that exited and were replaced by the master.",
            value=board.workers_exited,
        )
        usage = [_usage(board.master_pid)] + [_usage(view.pid) for view in workers]
        yield GaugeMetricFamily(
            "berth_resident_memory_bytes",
            "Resident memory of the master and its workers.",
            value=sum(u["rss_bytes"] for u in usage),
        )
        yield CounterMetricFamily(
            "berth_cpu_seconds",
            "CPU time of the master and its live workers.",
            value=sum(u["cpu_seconds"] for u in usage),
        )


def _replica_totals(board: Scoreboard, workers: list[WorkerView]) -> Totals:
    totals = board.exited_totals()
    for view in workers:
        totals = totals + view.totals
    return totals


def _worker(view: WorkerView, now: float) -> dict[str, Any]:
    request = None
    if view.started:
        request = {
            "method": view.method,
            "path": view.path,
            "seconds": round(max(0.0, now - view.started), 3),
        }
    return {
        "pid": view.pid,
        "slot": view.slot,
        "uptime_seconds": round(now - view.booted, 3),
        "request": request,
        "responses": dict(zip(CLASSES, view.totals.classes, strict=True)),
        "latency": _latency(view.totals),
        "last_minute": _last_minute([view.recent], now, view.booted),
        **_usage(view.pid),
    }


def _last_minute(recents: list[Recent], now: float, began: float) -> dict[str, Any]:
    """Answers, rate, percentiles and slowest requests over the windows still current."""
    totals = Totals((0,) * len(CLASSES), (0,) * (len(BUCKETS) + 1), 0.0)
    slowest: list[tuple[float, str]] = []
    since = now
    for recent in recents:
        totals = totals + recent.totals
        slowest.extend(recent.slowest)
        since = min(since, recent.since)
    count = sum(totals.classes)
    # Counted since the oldest window began, or since the process did when later.
    seconds = max(now - max(since, began), 1e-3)
    return {
        "seconds": round(seconds, 1),
        "requests": count,
        "requests_per_second": round(count / seconds, 2),
        "responses": dict(zip(CLASSES, totals.classes, strict=True)),
        "p50": quantile(totals.buckets, 0.50),
        "p95": quantile(totals.buckets, 0.95),
        "p99": quantile(totals.buckets, 0.99),
        "slowest": [
            {"request": text, "seconds": round(took, 3)}
            for took, text in sorted(slowest, reverse=True)[:_SLOWEST]
        ],
    }


def quantile(counts: tuple[int, ...], share: float) -> float | None:
    """The ``share`` quantile (seconds) estimated from histogram ``counts`` (per bucket, the
    overflow last), interpolated within its bucket as Prometheus' histogram_quantile does; the
    highest bound when it falls in the overflow. None without answers."""
    total = sum(counts)
    if not total:
        return None
    rank = share * total
    seen = 0
    lower = 0.0
    for bound, count in zip(BUCKETS, counts, strict=False):
        if seen + count >= rank and count:
            return round(lower + (bound - lower) * (rank - seen) / count, 4)
        seen += count
        lower = bound
    return BUCKETS[-1]


def _latency(totals: Totals) -> dict[str, Any]:
    bounds = [*map(str, BUCKETS), "+Inf"]
    return {
        "buckets": dict(zip(bounds, totals.buckets, strict=True)),
        "sum_seconds": round(totals.seconds, 6),
    }


def _usage(pid: int) -> dict[str, Any]:
    try:
        process = psutil.Process(pid)
        with process.oneshot():
            rss = process.memory_info().rss
            cpu = process.cpu_times()
        return {"rss_bytes": rss, "cpu_seconds": round(cpu.user + cpu.system, 3)}
    except (psutil.Error, ValueError):
        return {"rss_bytes": 0, "cpu_seconds": 0.0}


def status_json(board: Scoreboard) -> bytes:
    return json.dumps(status(board)).encode()


def stacks_json(board: Scoreboard) -> bytes:
    """Each worker's request now and the stack of each of its threads (``/stacks``)."""
    from berth.runtime.stacks import dump

    workers = board.workers()
    dumped = dump([view.pid for view in workers], board.master_pid)
    now = time.time()
    return json.dumps(
        {
            "pid": board.master_pid,
            "workers": [
                {
                    "pid": view.pid,
                    "request": _worker(view, now)["request"],
                    "threads": dumped.get(view.pid),
                }
                for view in workers
            ],
        }
    ).encode()
