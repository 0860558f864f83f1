"""gunicorn's settings come from the same resolution as Django's, with the same errors."""

from __future__ import annotations

import contextlib
import os
import runpy
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psutil
import pytest
import requests
from tests.processes import child_environment

from berth.runtime.log_format import ConsoleFormatter, JsonFormatter
from berth.services.processes import free_port

MODULE = "berth.runtime.gunicorn_conf"


def load(monkeypatch: pytest.MonkeyPatch, **variables: str) -> dict[str, Any]:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    return runpy.run_module(MODULE)


def formatter(conf: dict[str, Any]) -> str:
    factory: str = conf["logconfig_dict"]["formatters"]["berth"]["()"]
    return factory.rpartition(".")[2]


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    conf = load(monkeypatch)
    assert conf["bind"] == ["0.0.0.0:8000"]
    assert formatter(conf) == JsonFormatter.__name__
    assert conf["logconfig_dict"]["root"]["level"] == "INFO"


def test_log_format_is_read_as_the_settings_read_it(monkeypatch: pytest.MonkeyPatch) -> None:
    assert formatter(load(monkeypatch, LOG_FORMAT="JSON", DEBUG="on")) == JsonFormatter.__name__
    assert formatter(load(monkeypatch, LOG_FORMAT=" console ")) == ConsoleFormatter.__name__
    # Only an explicit DEBUG changes the default format, as for Django under gunicorn.
    assert formatter(load(monkeypatch, LOG_FORMAT="", DEBUG="yes")) == ConsoleFormatter.__name__


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("LOG_LEVEL", "WARN", "berth: LOG_LEVEL: must be one of DEBUG, INFO, WARNING"),
        ("LOG_LEVEL", "verbose", "berth: LOG_LEVEL: must be one of DEBUG, INFO, WARNING"),
        ("LOG_FORMAT", "xml", "berth: LOG_FORMAT: must be json or console"),
        ("DEBUG", "perhaps", "berth: DEBUG: the value must be a boolean"),
        ("PORT", "http", "berth: PORT: the port must be a whole number"),
    ],
)
def test_a_malformed_variable_is_the_settings_own_error(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    value: str,
    message: str,
) -> None:
    with pytest.raises(SystemExit) as stop:
        load(monkeypatch, **{name: value})
    assert stop.value.code == 2
    assert capsys.readouterr().err.startswith(message)


def test_gunicorn_stops_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("def application(environ, start_response):\n    pass\n")
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", f"python:{MODULE}", "app:application"],
        cwd=tmp_path,
        env=child_environment(LOG_LEVEL="verbose"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "berth: LOG_LEVEL: must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL"
    ]


def test_forwarded_headers_are_trusted_only_from_loopback_by_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from gunicorn.config import Config

    conf = load(monkeypatch)
    assert "forwarded_allow_ips" not in conf, "left to gunicorn: FORWARDED_ALLOW_IPS or loopback"
    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    assert Config().forwarded_allow_ips == ["127.0.0.1", "::1"]


_STREAMING_APP = """
import time

def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    yield b"first half "
    time.sleep(float(environ["QUERY_STRING"] or 0))
    yield b"second half"
"""


@pytest.mark.skipif(sys.platform != "linux", reason="PR_SET_PDEATHSIG is Linux's")
def test_a_worker_whose_master_is_killed_finishes_its_request_then_ends(tmp_path: Path) -> None:
    """CI: berth up's fault test saw a GET cut half-way when a replica's master was SIGKILLed:
    its workers died with it, in the middle of a response no proxy can retry."""
    (tmp_path / "app.py").write_text(_STREAMING_APP)
    port = free_port()
    # Not HEALTH_PORT's default, PORT + 1: the kernel gave this test PORT alone. Linux's bind(0)
    # gives odd ports and connect() even ones, and a port a connection used in the last minute
    # cannot be listened on: after the suite's thousands of connections, PORT + 1 often was one
    # (CI: gunicorn never answered).
    health_port = next(p for p in iter(free_port, None) if p != port)
    output = tmp_path / "gunicorn.log"
    with output.open("wb") as log:  # the child holds its own copy
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", f"python:{MODULE}", "app:application"],
            cwd=tmp_path,
            env=child_environment(
                PORT=str(port), HEALTH_PORT=str(health_port), WEB_CONCURRENCY="1"
            ),
            stdout=subprocess.DEVNULL,
            stderr=log,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                assert requests.get(f"http://127.0.0.1:{port}/", timeout=5).ok
                break
            except requests.ConnectionError:
                assert server.poll() is None, f"gunicorn ended: {output.read_text()[-2000:]}"
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.1)
        workers = psutil.Process(server.pid).children()
        with requests.get(f"http://127.0.0.1:{port}/?1.5", timeout=10, stream=True) as answer:
            chunks = answer.iter_content(chunk_size=None)
            assert next(chunks) == b"first half "
            server.kill()
            server.wait()
            assert b"".join(chunks) == b"second half"
        assert psutil.wait_procs(workers, timeout=10)[1] == [], "the orphaned worker ended"
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
