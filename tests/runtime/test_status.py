"""/status and /metrics on HEALTH_PORT: the replica's scoreboard, read from a real gunicorn.

One gunicorn (berth's config, 2 sync workers) serves the whole module; requests go to it
directly. The secrets property runs on gunicorn's own request parser and the scoreboard in this
process, as the hooks do, since a server round trip per example would cost seconds.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from textwrap import dedent

import pytest
import requests
from hypothesis import given, settings
from hypothesis import strategies as st
from prometheus_client.parser import text_string_to_metric_families
from tests.integration.throwaway import write_project
from tests.own_words import is_berths_own
from tests.runtime.test_probe_listener import served

from berth.runtime.scoreboard import Scoreboard, safe_path
from berth.runtime.status import metrics_text, quantile, status_json

_VIEWS = """
    import time

    from django.http import HttpResponse
    from django.urls import include, path


    def sleep(request, token):
        time.sleep(2)
        return HttpResponse("slept")


    def ok(request):
        return HttpResponse("ok")


    def boom(request):
        raise RuntimeError("boom")


    urlpatterns = [
        path("sleep/<str:token>/", sleep),
        path("ok", ok),
        path("boom", boom),
        path("", include("berth.urls")),
    ]
"""

SECRET = "s3cr3tT0ken5ecret42"


@pytest.fixture(scope="module")
def replica(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    project = tmp_path_factory.mktemp("status")
    write_project(project)
    (project / "throwaway" / "urls.py").write_text(dedent(_VIEWS).lstrip())
    with served(project) as urls:
        yield urls


def get_status(health: str) -> dict[str, object]:
    response = requests.get(f"{health}/status", timeout=5)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    return response.json()  # type: ignore[no-any-return]


def test_status_shows_the_request_in_flight_without_its_query_or_secret(
    replica: tuple[str, str],
) -> None:
    base, health = replica
    slow = threading.Thread(
        target=requests.get,
        args=(f"{base}/sleep/{SECRET}/?password={SECRET}&page=2",),
        kwargs={"timeout": 30, "headers": {"Authorization": f"Bearer {SECRET}"}},
    )
    slow.start()
    time.sleep(1.2)
    raw = requests.get(f"{health}/status", timeout=5).text
    slow.join()
    assert SECRET not in raw
    state = json.loads(raw)
    assert state["in_flight"] == 1
    assert state["workers"] == {"busy": 1, "idle": 1}
    (busy,) = [row for row in state["worker_list"] if row["request"]]
    assert busy["request"]["method"] == "GET"
    assert busy["request"]["path"] == "/sleep/***/"
    assert 1.0 <= busy["request"]["seconds"] < 2.0
    assert busy["rss_bytes"] > 10_000_000


def test_metrics_parse_and_count_every_answer(replica: tuple[str, str]) -> None:
    base, health = replica

    def families() -> dict[str, dict[tuple[str, tuple[tuple[str, str], ...]], float]]:
        response = requests.get(f"{health}/metrics", timeout=5)
        assert response.headers["Content-Type"].startswith("text/plain; version=0.0.4")
        return {
            family.name: {
                (sample.name, tuple(sorted(sample.labels.items()))): sample.value
                for sample in family.samples
            }
            for family in text_string_to_metric_families(response.text)
        }

    before = families()
    for _ in range(5):
        assert requests.get(f"{base}/ok", timeout=5).status_code == 200
    assert requests.get(f"{base}/boom", timeout=5).status_code == 500
    assert requests.get(f"{base}/missing", timeout=5).status_code == 404

    duration = "berth_http_request_duration_seconds"
    responses = ("berth_http_responses", "berth_http_responses_total")
    expected = {
        (*responses, ("code", "2xx")): 5,
        (*responses, ("code", "4xx")): 1,
        (*responses, ("code", "5xx")): 1,
        (duration, f"{duration}_count", None): 7,
        (duration, f"{duration}_bucket", ("le", "+Inf")): 7,
    }

    def counted() -> dict[tuple[str, str, tuple[str, str] | None], float]:
        grown = {}
        for family, sample, label in expected:
            key = (sample, (label,) if label else ())
            grown[family, sample, label] = after[family][key] - before[family].get(key, 0.0)
        return grown

    # A worker counts an answer once it has sent it (gunicorn's post_request): the last one
    # may reach the scoreboard a moment after its client has it.
    deadline = time.monotonic() + 10
    after = families()
    while counted() != expected and time.monotonic() < deadline:
        time.sleep(0.1)
        after = families()
    assert counted() == expected
    assert after["berth_workers"][("berth_workers", (("state", "idle"),))] == 2
    assert after["berth_resident_memory_bytes"][("berth_resident_memory_bytes", ())] > 0


def test_a_killed_worker_is_counted_and_its_answers_kept(replica: tuple[str, str]) -> None:
    base, health = replica
    for _ in range(4):
        requests.get(f"{base}/ok", timeout=5)
    before = get_status(health)
    victim = before["worker_list"][0]["pid"]  # type: ignore[index]
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            after = get_status(health)
        except requests.ConnectionError:
            # A connection the kernel had queued on the killed worker's listener is reset.
            time.sleep(0.2)
            continue
        pids = {row["pid"] for row in after["worker_list"]}  # type: ignore[attr-defined]
        if victim not in pids and len(pids) == 2:
            break
        time.sleep(0.2)
    assert after["workers_exited"] == before["workers_exited"] + 1  # type: ignore[operator]
    assert after["responses"]["2xx"] >= before["responses"]["2xx"]  # type: ignore[index]
    assert victim not in pids and len(pids) == 2


def test_nothing_else_is_answered_on_the_health_port(replica: tuple[str, str]) -> None:
    _, health = replica
    assert requests.get(f"{health}/statusx", timeout=5).status_code == 404


# Secret-looking: 16 to 40 letters and digits, both present (a token, a key, a signed id).
_secrets = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
    min_size=16,
    max_size=40,
).filter(
    lambda s: any(c.isdigit() for c in s) and any(c.isalpha() for c in s) and not is_berths_own(s)
)
_segments = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-._~", max_size=12), max_size=4
)
_keys = st.sampled_from(["password", "token", "q", "next", "sig", "code"])


@settings(max_examples=100, deadline=None)
@given(
    secret=_secrets,
    before=_segments,
    after=_segments,
    key=_keys,
    header=st.sampled_from(["Authorization", "Cookie", "X-Api-Key", "Referer"]),
    in_path=st.booleans(),
)
def test_no_query_string_or_secret_reaches_status_or_metrics(
    secret: str, before: list[str], after: list[str], key: str, header: str, in_path: bool
) -> None:
    from gunicorn.config import Config
    from gunicorn.http.parser import RequestParser

    segments = [*before, secret, *after] if in_path else [*before, *after]
    target = "/" + "/".join(segments) + f"?{key}={secret}&x=1"
    raw = f"GET {target} HTTP/1.1\r\nHost: app\r\n{header}: {secret}\r\n\r\n".encode()
    request = next(RequestParser(Config(), iter([raw]), ("127.0.0.1", 1)))
    board = Scoreboard(2)
    board.open(os.getpid())
    board.attach(0, os.getpid())
    board.begin(request.method, request.path)  # what gunicorn_conf.pre_request passes
    shown = status_json(board).decode() + metrics_text(board).decode()
    assert secret not in shown
    board.end(200)
    assert secret not in status_json(board).decode() + metrics_text(board).decode()


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("/photos/12/edit/", "/photos/12/edit/"),
        ("/static/app.3f2a1b9c8d7e.css", "/static/app.3f2a1b9c8d7e.css"),
        ("/reset/MQ/c4b7g2-0123456789abcdef0123/", "/reset/MQ/***/"),
        ("/search?q=secret", "/search"),
        ("/caf%C3%A9/", "/café/"),
    ],
)
def test_safe_path(raw: str, shown: str) -> None:
    assert safe_path(raw) == shown


@pytest.mark.parametrize(
    ("counts", "share", "expected"),
    [
        ((), 0.5, None),  # no answers
        ((10,), 0.5, 0.0025),  # half-way into the first bucket (0 to 5 ms)
        ((0, 0, 0, 0, 0, 0, 0, 0, 0, 4), 0.5, 3.75),  # within 2.5-5 s
        ((98, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2), 0.99, 30.0),  # in the overflow: its bound
    ],
)
def test_quantile_from_histogram(counts: tuple[int, ...], share: float, expected: float) -> None:
    padded = counts + (0,) * (13 - len(counts))
    assert quantile(padded, share) == expected
