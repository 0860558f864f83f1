"""The entry point, in-process, in front of small real HTTP servers that say what they received."""

from __future__ import annotations

import hashlib
import http.client
import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
import requests
from tests.processes import free_port

from berth.up.balancer import EntryPoint, RoundRobin, Upstream
from berth.up.errors import UpError


class _Echo(BaseHTTPRequestHandler):
    """Answers with what it got: method, path, headers, body length and digest."""

    protocol_version = "HTTP/1.1"
    name = "?"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        body = self._body()
        if self.path == "/chunked":
            self._chunked_reply([b"first,", b"second,", b"third"])
            return
        payload = json.dumps(
            {
                "name": self.name,
                "method": self.command,
                "path": self.path,
                "headers": {k.lower(): v for k, v in self.headers.items()},
                "length": len(body),
                "sha256": hashlib.sha256(body).hexdigest(),
            }
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.send_header("Set-Cookie", "a=1")
        self.send_header("Set-Cookie", "b=2")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    do_HEAD = do_POST = do_PUT = do_GET

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    self.rfile.readline()
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def _chunked_reply(self, parts: list[bytes]) -> None:
        self.send_response(200)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for part in parts:
            self.wfile.write(b"%x\r\n%b\r\n" % (len(part), part))
        self.wfile.write(b"0\r\n\r\n")


@contextmanager
def _upstream(name: str) -> Iterator[Upstream]:
    handler = type(f"Echo_{name}", (_Echo,), {"name": name})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield Upstream(name, "127.0.0.1", server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def _entry_point(*upstreams: Upstream) -> Iterator[tuple[str, RoundRobin]]:
    pool = RoundRobin()
    for upstream in upstreams:
        pool.add(upstream)
    reports: list[str] = []
    entry = EntryPoint("127.0.0.1", 0, pool, reports.append)
    entry.serve_in_background()
    try:
        yield entry.url, pool
    finally:
        entry.close()
    assert reports == []


@pytest.fixture
def two() -> Iterator[tuple[str, RoundRobin]]:
    with _upstream("web-1") as one, _upstream("web-2") as other, _entry_point(one, other) as entry:
        yield entry


def test_requests_on_one_connection_go_round_robin(two: tuple[str, RoundRobin]) -> None:
    url, _ = two
    with requests.Session() as session:
        answered = [session.get(f"{url}/x", timeout=5) for _ in range(4)]
    assert [r.headers["X-Berth-Replica"] for r in answered] == ["web-1", "web-2"] * 2
    assert [r.json()["name"] for r in answered] == ["web-1", "web-2"] * 2


def test_bodies_are_streamed_whole_with_a_length_or_chunked(two: tuple[str, RoundRobin]) -> None:
    url, _ = two
    body = bytes(range(256)) * 20_000  # 5 MB
    digest = hashlib.sha256(body).hexdigest()
    sized = requests.put(f"{url}/upload", data=body, timeout=10).json()
    chunked = requests.put(
        f"{url}/upload",
        data=(body[i : i + 70_000] for i in range(0, len(body), 70_000)),
        timeout=10,
    ).json()
    assert chunked["headers"]["transfer-encoding"] == "chunked"
    for received in (sized, chunked):
        assert (received["length"], received["sha256"]) == (len(body), digest)


def test_a_chunked_response_reaches_the_client_whole(two: tuple[str, RoundRobin]) -> None:
    url, _ = two
    with requests.Session() as session:
        for _ in range(2):  # and the connection stays usable after it
            response = session.get(f"{url}/chunked", timeout=5)
            assert response.content == b"first,second,third"


def test_headers_pass_through_without_hop_by_hop_ones(two: tuple[str, RoundRobin]) -> None:
    url, _ = two
    response = requests.get(
        f"{url}/path?q=1",
        headers={
            "Connection": "keep-alive, X-Private",
            "X-Private": "for the proxy only",
            "Proxy-Authorization": "Basic c2VjcmV0",
            "X-Forwarded-For": "203.0.113.9",
            "X-Custom": "kept",
        },
        timeout=5,
    )
    received = response.json()
    headers = received["headers"]
    assert received["path"] == "/path?q=1"
    assert headers["x-custom"] == "kept"
    assert "x-private" not in headers and "proxy-authorization" not in headers
    assert headers["x-forwarded-for"] == "203.0.113.9, 127.0.0.1"
    assert headers["x-forwarded-proto"] == "http"
    assert headers["x-forwarded-host"] == headers["host"] == url.removeprefix("http://")
    assert response.raw.headers.getlist("Set-Cookie") == ["a=1", "b=2"]


def test_head_answers_have_no_body(two: tuple[str, RoundRobin]) -> None:
    url, _ = two
    connection = http.client.HTTPConnection(url.removeprefix("http://"), timeout=5)
    try:
        for _ in range(2):
            connection.request("HEAD", "/x")
            response = connection.getresponse()
            assert response.status == 200
            assert response.read() == b""
    finally:
        connection.close()


def test_without_a_ready_replica_the_answer_is_503() -> None:
    with _entry_point() as (url, _):
        response = requests.get(f"{url}/", timeout=5)
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "1"


def test_a_refused_connection_is_retried_on_the_next_replica() -> None:
    gone = Upstream("web-1", "127.0.0.1", free_port())
    with _upstream("web-2") as alive, _entry_point(gone, alive) as (url, _):
        answered = {requests.get(f"{url}/", timeout=5).headers["X-Berth-Replica"] for _ in range(4)}
    assert answered == {"web-2"}


def test_a_replica_out_of_the_pool_gets_no_request(two: tuple[str, RoundRobin]) -> None:
    url, pool = two
    pool.remove("web-1")
    assert {requests.get(f"{url}/", timeout=5).headers["X-Berth-Replica"] for _ in range(3)} == {
        "web-2"
    }


def test_round_robin_skips_what_it_is_told_to() -> None:
    pool = RoundRobin()
    for number in (10, 2, 1):
        pool.add(Upstream(f"web-{number}", "127.0.0.1", number))
    assert [pool.pick().name for _ in range(3)] == ["web-1", "web-2", "web-10"]  # type: ignore[union-attr]
    assert pool.pick(skip={"web-1", "web-2", "web-10"}) is None


def test_a_port_in_use_is_a_one_line_error() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(UpError) as raised:
            EntryPoint("127.0.0.1", port, RoundRobin(), print)
    assert str(raised.value) == (
        f"port {port} on 127.0.0.1 is already in use: stop what listens there, or choose another with --port"
    )
