"""``berth ps``, ``berth top`` and ``berth inspect`` over one real berth up with 2 replicas: one
row each, a killed worker counted, a replica that does not answer shown as such within the time
bound while the others are shown, sleeping requests shown in flight on the replica and worker
serving them, and the line of the view each stuck worker is in (sleeping, looping in Python, or
inside a C call)."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
from tests.processes import child_environment
from tests.s3_server import S3Bucket
from tests.up.harness import RunningUp, berth_up, write_up_project

from berth.cli import main
from berth.up.replica_status import TIME_BOUND, ask_replicas

# Views added to the harness's URLconf that keep a worker busy: asleep, looping in Python, and
# inside one long C call.
SLEEP_VIEW = """

import hashlib as _hashlib
import time as _time


def _sleep(request, seconds):
    _time.sleep(seconds)  # sleeping here
    return HttpResponse(str(os.getpid()))


def _loop(request, seconds):
    deadline = _time.monotonic() + seconds  # looping here
    while _time.monotonic() < deadline:  # looping here
        sum(range(1000))  # looping here
    return HttpResponse(str(os.getpid()))


def _hash(request, rounds):
    _hashlib.pbkdf2_hmac("sha256", b"x", b"salt", rounds)  # hashing here
    return HttpResponse(str(os.getpid()))


urlpatterns[:0] = [
    path("sleep/<int:seconds>", _sleep),
    path("loop/<int:seconds>", _loop),
    path("hash/<int:rounds>", _hash),
]
"""


@pytest.fixture(scope="module")
def up(
    tmp_path_factory: pytest.TempPathFactory, module_database_url: str, module_s3_bucket: S3Bucket
) -> Iterator[RunningUp]:
    project = write_up_project(tmp_path_factory.mktemp("ps") / "project")
    with (project / "throwaway" / "urls.py").open("a") as urls:
        urls.write(SLEEP_VIEW)
    env = child_environment(
        DATABASE_URL=module_database_url, STORAGE_URL=module_s3_bucket.storage_url
    )
    with berth_up(project, env) as running:
        running.wait_ready(2)
        yield running


def ps_json(
    project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> dict[str, dict[str, Any]]:
    monkeypatch.chdir(project)
    capsys.readouterr()
    assert main(["ps", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    return {row["replica"]: row for row in rows}


def test_one_row_per_replica(
    up: RunningUp, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    slow = threading.Thread(
        target=requests.get, args=(f"{up.url}/sleep/2",), kwargs={"timeout": 30}
    )
    slow.start()
    time.sleep(0.8)
    rows = ps_json(up.project, monkeypatch, capsys)
    slow.join()
    assert sorted(rows) == ["web-1", "web-2"]
    for name, row in rows.items():
        assert row["state"] == "ready", row
        assert row["problem"] is None
        assert row["pid"] == up.replicas()[name]["pid"]
        assert row["restarts"] == 0
        assert row["workers_busy"] + row["workers_idle"] >= 1
        assert row["rss_bytes"] > 10_000_000 and row["cpu_seconds"] > 0
        assert row["uptime_seconds"] > 0
    assert sum(row["in_flight"] for row in rows.values()) == 1

    assert main(["ps"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == [
        "replica", "state", "uptime", "restarts", "busy", "idle", "in", "flight", "rss", "cpu"
    ]  # fmt: skip
    assert [line.split()[:2] for line in table[1:]] == [["web-1", "ready"], ["web-2", "ready"]]


def test_a_killed_worker_is_a_restart_of_its_replica(
    up: RunningUp, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    health = up.replicas()["web-2"]["health_url"]
    worker = requests.get(f"{health}/status", timeout=5).json()["worker_list"][0]["pid"]
    os.kill(worker, signal.SIGKILL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        rows = ps_json(up.project, monkeypatch, capsys)
        if rows["web-2"]["restarts"] == 1:
            break
        time.sleep(0.2)
    assert rows["web-2"]["restarts"] == 1
    assert rows["web-1"]["restarts"] == 0
    assert rows["web-2"]["state"] == "ready"


def test_a_replica_that_does_not_answer_is_shown_within_the_bound(up: RunningUp) -> None:
    # Accepts connections (the kernel does) and never answers: a stuck replica.
    silent = socket.create_server(("127.0.0.1", 0))
    stuck = {
        "name": "web-3",
        "ready": True,
        "pid": 1,
        "health_url": f"http://127.0.0.1:{silent.getsockname()[1]}",
    }
    try:
        started = time.monotonic()
        reports = ask_replicas([*up.state()["replicas"], stuck])
        took = time.monotonic() - started
    finally:
        silent.close()
    assert took < TIME_BOUND + 0.5
    assert [report.name for report in reports] == ["web-1", "web-2", "web-3"]
    assert all(report.status is not None for report in reports[:2])
    assert reports[2].status is None and "unreachable" in (reports[2].problem or "")


def test_top_shows_each_sleeping_request_on_the_replica_and_worker_serving_it(
    up: RunningUp, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers: dict[int, requests.Response] = {}

    def sleep(seconds: int) -> None:
        answers[seconds] = requests.get(f"{up.url}/sleep/{seconds}?token=s3cr3t0ken", timeout=30)

    sleepers = [threading.Thread(target=sleep, args=(seconds,)) for seconds in (2, 3)]
    for thread in sleepers:
        thread.start()
    time.sleep(1.2)
    monkeypatch.chdir(up.project)
    capsys.readouterr()
    started = time.monotonic()
    assert main(["top", "--json"]) == 0
    took = time.monotonic() - started
    out = capsys.readouterr().out
    assert main(["top", "--once"]) == 0
    text = capsys.readouterr().out
    for thread in sleepers:
        thread.join()
    assert "s3cr3t0ken" not in out + text
    shown = {
        worker["request"]["path"]: (replica["replica"], worker["pid"], worker["request"])
        for replica in json.loads(out)["replicas"]
        for worker in replica["workers"]
        if worker["request"]
    }
    for seconds in (2, 3):
        replica, pid, request = shown[f"/sleep/{seconds}"]
        served = answers[seconds]
        assert (replica, str(pid)) == (served.headers["X-Berth-Replica"], served.text)
        assert request["method"] == "GET"
        assert 1.0 <= request["seconds"] < 2.0
        assert f"GET /sleep/{seconds}" in text
    assert took < TIME_BOUND

    assert main(["top", "--json"]) == 0
    replicas = {r["replica"]: r for r in json.loads(capsys.readouterr().out)["replicas"]}
    for seconds in (2, 3):
        minute = replicas[answers[seconds].headers["X-Berth-Replica"]]["last_minute"]
        slowest = {slow["request"]: slow["seconds"] for slow in minute["slowest"]}
        assert seconds <= slowest[f"GET /sleep/{seconds}"] < seconds + 1
        assert minute["requests_per_second"] > 0 and minute["p99"] is not None
    print(f"berth top --json over 2 replicas answered in {took:.3f} s")


def test_top_refreshes_until_interrupted(up: RunningUp) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "berth", "top"],
        cwd=up.project,
        env=child_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(3.0)  # two snapshots: one at once, one 2 s later
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    assert out.count("web-1  ready") >= 2 and out.count("web-2  ready") >= 2


def test_inspect_shows_the_line_each_stuck_worker_is_in(
    up: RunningUp, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = (up.project / "throwaway" / "urls.py").read_text().splitlines()

    def lines(marker: str) -> set[int]:
        return {number for number, text in enumerate(urls, 1) if text.endswith(f"# {marker}")}

    # pbkdf2 at 1M rounds takes 0.2 s here: 15M keeps a worker inside one C call for seconds.
    stuck = {
        "/sleep/3": ("_sleep", lines("sleeping here")),
        "/loop/3": ("_loop", lines("looping here")),
        "/hash/15000000": ("_hash", lines("hashing here")),
    }
    answers: dict[str, requests.Response] = {}

    def ask(path: str) -> None:
        answers[path] = requests.get(f"{up.url}{path}", timeout=60)

    busy = [threading.Thread(target=ask, args=(path,)) for path in stuck]
    for thread in busy:
        thread.start()
    time.sleep(1.2)
    monkeypatch.chdir(up.project)
    capsys.readouterr()
    # berth top sees the same three in flight, each where it is served, however it is stuck.
    assert main(["top", "--json"]) == 0
    top = json.loads(capsys.readouterr().out)
    started = time.monotonic()
    assert main(["inspect", "--json"]) == 0
    took = time.monotonic() - started
    shown = json.loads(capsys.readouterr().out)
    for thread in busy:
        thread.join()
    serving = {
        worker["request"]["path"]: (replica["replica"], worker["pid"], worker["request"])
        for replica in top["replicas"]
        for worker in replica["workers"]
        if worker["request"]
    }
    for path in stuck:
        replica_name, pid, request = serving[path]
        assert (replica_name, str(pid)) == (
            answers[path].headers["X-Berth-Replica"],
            answers[path].text,
        )
        assert request["method"] == "GET" and request["seconds"] >= 1.0, request
    in_flight = {
        worker["request"]["path"]: (replica["replica"], worker)
        for replica in shown["replicas"]
        for worker in replica["workers"]
        if worker["request"]
    }
    for path, (function, numbers) in stuck.items():
        replica, worker = in_flight[path]
        assert (replica, str(worker["pid"])) == (
            answers[path].headers["X-Berth-Replica"],
            answers[path].text,
        )
        frames = [frame for thread in worker["threads"] for frame in thread["frames"]]
        assert any(
            frame["file"].endswith("throwaway/urls.py")
            and frame["function"] == function
            and frame["line"] in numbers
            for frame in frames
        ), (path, frames)
    assert took < 2.0
    print(f"berth inspect --json over 2 replicas answered in {took:.3f} s")
