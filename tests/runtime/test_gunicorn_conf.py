"""gunicorn's settings come from the same resolution as Django's, with the same errors."""

from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.processes import child_environment

from berth.runtime.log_format import ConsoleFormatter, JsonFormatter

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
