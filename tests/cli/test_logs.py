from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from textwrap import dedent
from typing import Any

import pytest
from tests.processes import child_environment

from berth.cli import main
from berth.cli.logs import parse_since

START = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
TRACEBACK = 'Traceback (most recent call last):\n  File "views.py", line 9\nZeroDivisionError: division by zero'


def record(second: int, message: str, **fields: Any) -> str:
    payload = {
        "time": (START + timedelta(seconds=second))
        .isoformat(timespec="milliseconds")
        .replace("+00:00", "Z"),
        "level": "INFO",
        "logger": "shop",
        "message": message,
    }
    payload.update(fields)
    return json.dumps(payload)


def request(second: int, message: str, request_id: str, **fields: Any) -> str:
    return record(second, message, logger="berth.request", request_id=request_id, **fields)


GUNICORN = "[2025-03-01 12:00:00 +0000] [7] [INFO] Starting gunicorn 23.0.0"
WEB_1 = [
    GUNICORN,
    record(1, "started", replica="c1"),
    request(3, "GET /a/ 200 3.0ms", "aaaa1111aaaa1111"),
    record(
        5,
        "Internal Server Error: /b/",
        level="ERROR",
        logger="django.request",
        request_id="bbbb2222bbbb2222",
        exc_info=TRACEBACK,
    ),
]
WEB_2 = [
    record(2, "started", replica="c2"),
    record(4, "slow query", level="WARNING", request_id="bbbb2222bbbb2222"),
    request(6, "POST /b/ 500 12.5ms", "bbbb2222bbbb2222", level="ERROR"),
]


@pytest.fixture(autouse=True)
def utc_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "manage.py").write_text("")
    logs = tmp_path / ".berth" / "logs"
    logs.mkdir(parents=True)
    (logs / "web-1.log").write_text("\n".join(WEB_1) + "\n")
    (logs / "web-2.log").write_text("\n".join(WEB_2) + "\n")
    (tmp_path / "shop").mkdir()
    monkeypatch.chdir(tmp_path / "shop")  # the project is found from a subfolder
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str, code: int = 0) -> list[str]:
    assert main(["logs", *args]) == code
    return capsys.readouterr().out.splitlines()


def test_local_logs_merge_the_replicas_by_time(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys) == [
        f"web-1 | {GUNICORN}",
        "web-1 | 12:00:01 INFO  shop  started",
        "web-2 | 12:00:02 INFO  shop  started",
        "web-1 | 12:00:03 INFO  berth.request  GET /a/ 200 3.0ms [req=aaaa1111]",
        "web-2 | 12:00:04 WARNING shop  slow query [req=bbbb2222]",
        "web-1 | 12:00:05 ERROR django.request  Internal Server Error: /b/ [req=bbbb2222]",
        "web-1 |     Traceback (most recent call last):",
        'web-1 |       File "views.py", line 9',
        "web-1 |     ZeroDivisionError: division by zero",
        "web-2 | 12:00:06 ERROR berth.request  POST /b/ 500 12.5ms [req=bbbb2222]",
    ]


def test_request_id_shows_that_request_from_every_replica(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--request-id", "bbbb2222", "--json") == [WEB_2[1], WEB_1[3], WEB_2[2]]
    assert run(capsys, "--request-id", "bbbb2222bbbb2222", "--json") == [
        WEB_2[1],
        WEB_1[3],
        WEB_2[2],
    ]


def test_level_is_a_minimum(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--level", "ERROR", "--json") == [WEB_1[3], WEB_2[2]]
    assert run(capsys, "--level", "warning", "--json") == [WEB_2[1], WEB_1[3], WEB_2[2]]


def test_replica_keeps_the_text_lines_of_that_replica(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert [line.split(" | ")[0] for line in run(capsys, "--replica", "web-2")] == ["web-2"] * 3
    shown = run(capsys, "--replica", "web-1", "--replica", "c2")
    assert shown[0] == f"web-1 | {GUNICORN}"
    assert len(shown) == 8


def test_since_an_iso_time(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--since", "2025-03-01T12:00:05Z", "--json") == [WEB_1[3], WEB_2[2]]
    # A time without a zone is local time (UTC here).
    assert run(capsys, "--since", "2025-03-01 12:00:06", "--json") == [WEB_2[2]]


def test_since_a_duration(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    recent = json.dumps({"time": datetime.now(UTC).isoformat(), "level": "INFO", "message": "now"})
    with (project / ".berth" / "logs" / "web-2.log").open("a") as file:
        file.write(recent + "\n")
    assert run(capsys, "--since", "10m", "--json") == [recent]


def test_parse_since() -> None:
    now = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    assert parse_since("10m", now) == now - timedelta(minutes=10)
    assert parse_since("2h", now) == now - timedelta(hours=2)
    assert parse_since("30s", now) == now - timedelta(seconds=30)
    assert parse_since("1d", now) == now - timedelta(days=1)
    assert parse_since("2025-03-01T11:00:00+01:00") == datetime(2025, 3, 1, 10, tzinfo=UTC)
    with pytest.raises(ValueError, match="neither a duration"):
        parse_since("yesterday")


def test_a_bad_since_is_a_usage_error(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["logs", "--since", "soon"]) == 2
    assert "neither a duration" in capsys.readouterr().err


def test_json_prints_the_original_lines_only(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "--json") == [WEB_1[1], WEB_2[0], WEB_1[2], WEB_2[1], WEB_1[3], WEB_2[2]]


def test_no_local_berth_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "manage.py").write_text("")
    monkeypatch.chdir(tmp_path)
    assert main(["logs"]) == 1
    assert capsys.readouterr().err == (
        f"berth: no local `berth up` has run in {tmp_path} ({tmp_path / '.berth' / 'logs'} does not exist)\n"
    )


FAKE_LOGS = dedent(
    """
    import json, sys

    def line(second, message, **fields):
        return json.dumps({"time": f"2025-03-01T12:00:0{second}.000Z", "level": "INFO", "logger": "shop", "message": message, **fields})

    print("web-1  | " + line(1, "compose one", request_id="cccc3333"))
    print("[pod/web-7d9f-abcde/web] " + line(2, "kubectl two", level="ERROR"))
    print("shop-web-2 | [INFO] Booting worker")
    print(line(3, "no prefix", replica="f00d"))
    print("no prefix, no json")
    if "--tail" in sys.argv:
        print("web-1  | " + line(4, "followed"))
    sys.exit(int(sys.argv[1]))
    """
)


@pytest.fixture
def remote(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    script = tmp_path / "fake_logs.py"
    script.write_text(FAKE_LOGS)
    (tmp_path / "pyproject.toml").write_text(
        dedent(
            f"""
            [tool.berth.environments.prod]
            exec = []
            logs = ["{sys.executable}", "{script}", "0"]
            follow = ["--tail", "1"]

            [tool.berth.environments.broken]
            exec = []
            logs = ["{sys.executable}", "{script}", "3"]

            [tool.berth.environments.nologs]
            exec = []
            """
        )
    )
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_configured_logs_command_is_split_by_prefix(
    remote: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["logs", "prod"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        "web-1 | 12:00:01 INFO  shop  compose one [req=cccc3333]",
        "web-7d9f-abcde/web | 12:00:02 ERROR shop  kubectl two",
        "shop-web-2         | [INFO] Booting worker",
        "f00d               | 12:00:03 INFO  shop  no prefix",
        "prod               | no prefix, no json",
    ]
    assert err.startswith(f"[prod] $ {sys.executable} ")


def test_a_configured_logs_command_filtered_and_followed(
    remote: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["logs", "prod", "-f", "--replica", "web-1", "--json"]) == 0
    out, err = capsys.readouterr()
    assert [json.loads(line)["message"] for line in out.splitlines()] == ["compose one", "followed"]
    assert err.rstrip().endswith(" 0 --tail 1")
    assert main(["logs", "prod", "--replica", "web-7d9f-abcde", "--level", "error"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "web-7d9f-abcde/web | 12:00:02 ERROR shop  kubectl two"
    ]


def test_the_logs_commands_exit_status_is_kept(
    remote: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["logs", "broken"]) == 3


def test_an_environment_without_logs(remote: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["logs", "nologs"]) == 2
    assert capsys.readouterr().err == (
        f"berth: environment 'nologs': has no logs command: set logs = [...], compose or kubernetes in {remote / 'pyproject.toml'}\n"
    )


def follow(project: Path, *args: str) -> tuple[subprocess.Popen[str], queue.Queue[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "berth", "logs", "-f", "--json", *args],
        cwd=project,
        env=child_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    stdout = process.stdout
    threading.Thread(
        target=lambda: [lines.put(line.rstrip("\n")) for line in stdout], daemon=True
    ).start()
    return process, lines


def stop(process: subprocess.Popen[str]) -> None:
    process.terminate()
    process.wait(timeout=30)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    process.stderr.close()


def read(lines: queue.Queue[str], count: int) -> list[str]:
    # Generous: this waits for the poller, whatever the machine's speed.
    return [lines.get(timeout=60) for _ in range(count)]


def test_follow_starts_at_the_end_then_picks_up_appended_lines_and_new_replicas(
    project: Path,
) -> None:
    logs = project / ".berth" / "logs"
    process, lines = follow(project)
    try:
        # berth has taken each file's end once one of these shows up; the history never does.
        assert process.stderr is not None
        # No berth up holds the folder: following says it waits, rather than look hung.
        assert process.stderr.readline() == (
            f"berth: no berth up is running in {project}: waiting for one to start (Ctrl-C stops)\n"
        )
        marker = 0
        while lines.empty():
            marker += 1
            with (logs / "web-1.log").open("a") as file:
                file.write(record(100 + marker, f"marker {marker}") + "\n")
            time.sleep(0.3)
        first = json.loads(read(lines, 1)[0])["message"]
        assert first.startswith("marker ")
        appended = record(200, "appended")
        with (logs / "web-2.log").open("a") as file:
            # Half a line first: it must not be printed until its end arrives.
            file.write(appended[:20])
            file.flush()
            time.sleep(0.5)
            file.write(appended[20:] + "\n")
        later = read(lines, 1)
        while json.loads(later[-1])["message"].startswith("marker "):
            later = read(lines, 1)
        assert later == [appended]
        # A replica that appears later is read from its beginning.
        newcomer = record(300, "new replica")
        (logs / "web-3.log").write_text(newcomer + "\n")
        assert read(lines, 1) == [newcomer]
        assert all(not line.startswith(tuple(WEB_1 + WEB_2)) for line in list(lines.queue))
    finally:
        stop(process)


def test_follow_since_starts_at_that_time_in_each_file(project: Path) -> None:
    process, lines = follow(project, "--since", (START + timedelta(seconds=4)).isoformat())
    try:
        assert read(lines, 3) == [WEB_2[1], WEB_1[3], WEB_2[2]]
    finally:
        stop(process)


def test_escape_sequences_in_log_lines_never_reach_the_terminal(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logs = project / ".berth" / "logs"
    hostile = record(7, "GET /\x1b]0;owned\x07\x1b[2J done", path="/\x9b31m")
    (logs / "web-1.log").write_text(hostile + "\nplain \x1b[31mred\r\n")
    text = "\n".join(run(capsys, "--replica", "web-1"))
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text and "\r" not in text
    assert "GET /\\x1b]0;owned\\x07\\x1b[2J done" in text
    assert "plain \\x1b[31mred" in text
    (machine,) = run(capsys, "--json", "--replica", "web-1")
    assert json.loads(machine) == json.loads(hostile), "still the same JSON"
    assert "\x9b" not in machine


FAKE_DOCKER = """#!/bin/sh
# Prints the arguments it was given, as one log line of replica web-1.
printf 'web-1  | {"time": "2025-03-01T12:00:09Z", "level": "INFO", "message": "%s"}\\n' "$*"
"""


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["-f"], "--no-color web --tail 0 -f"),
        (
            ["-f", "--since", "2025-03-01T12:00:05+00:00"],
            "--no-color web --since=2025-03-01T12:00:05Z -f",
        ),
        (["--since", "2025-03-01T12:00:05+00:00"], "--no-color web --since=2025-03-01T12:00:05Z"),
        ([], "--no-color web"),
    ],
)
def test_presets_start_where_asked_on_the_platform(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    expected: str,
) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "docker").write_text(FAKE_DOCKER)
    (bin_dir / "docker").chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}:{os.environ['PATH']}")
    (tmp_path / "berth.toml").write_text('[environments.staging]\ncompose = "compose.yaml"\n')
    monkeypatch.chdir(tmp_path)
    assert main(["logs", "staging", "--json", *args]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["message"].endswith(f"compose.yaml logs {expected}")
