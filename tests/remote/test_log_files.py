"""berth up's log files: a start time found by bisection, following from the end."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from berth.remote import log_files
from berth.remote.log_files import Tail, follow_folder, offset_since, read_folder

START = datetime(2026, 1, 1, tzinfo=UTC)


def write_log(path: Path, seconds: list[int], *, with_text: bool = True) -> list[int]:
    """One JSON line per second given, some followed by plain text; returns each line's offset."""
    offsets = []
    with path.open("wb") as file:
        for second in seconds:
            offsets.append(file.tell())
            moment = (START + timedelta(seconds=second)).isoformat().replace("+00:00", "Z")
            file.write(json.dumps({"time": moment, "message": f"s{second}"}).encode() + b"\n")
            if with_text and second % 7 == 0:
                file.write(b"Traceback (most recent call last):\n  plain text\n")
    return offsets


def linear(path: Path, since: datetime) -> int:
    """The answer by reading every line: the first JSON line at or after ``since``."""
    offset = 0
    for raw in path.read_bytes().splitlines(keepends=True):
        if raw.startswith(b"{") and datetime.fromisoformat(json.loads(raw)["time"]) >= since:
            return offset
        offset += len(raw)
    return offset


def test_offset_since_finds_what_a_full_read_finds(tmp_path: Path) -> None:
    path = tmp_path / "web-1.log"
    rng = random.Random(7)
    seconds = sorted(rng.sample(range(100_000), 3000))
    write_log(path, seconds)
    multiples_of_7 = [s for s in seconds if s % 7 == 0]
    after_text = seconds[seconds.index(multiples_of_7[100]) + 1]  # preceded by plain text
    probes = [-5, 0, seconds[0], seconds[1500], seconds[1500] + 1, after_text, seconds[-1], 10**6]
    data = path.read_bytes()
    for probe in probes:
        since = START + timedelta(seconds=probe)
        found, expected = offset_since(path, since), linear(path, since)
        # Plain text just before the first line that qualifies cannot be timed: it may come
        # along (berth logs --since hides text lines), but nothing timed may.
        assert found <= expected, probe
        assert all(not line.startswith(b"{") for line in data[found:expected].splitlines())
    assert offset_since(path, START + timedelta(seconds=after_text)) < linear(
        path, START + timedelta(seconds=after_text)
    ), "the case of text before the answer was exercised"


def test_offset_since_reads_a_few_lines_not_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "web-1.log"
    write_log(path, list(range(50_000)), with_text=False)
    parsed: list[int] = []
    real = log_files.parse_line
    monkeypatch.setattr(log_files, "parse_line", lambda *a: parsed.append(1) or real(*a))
    offset_since(path, START + timedelta(seconds=31_337))
    assert len(parsed) < 40, "about log2(50,000) lines, not 50,000"


def test_reading_since_skips_earlier_lines(tmp_path: Path) -> None:
    write_log(tmp_path / "web-1.log", [1, 3, 5], with_text=False)
    write_log(tmp_path / "web-2.log", [2, 4, 6], with_text=False)
    lines = list(read_folder(tmp_path, START + timedelta(seconds=4)))
    assert [line.record["message"] for line in lines if line.record] == ["s4", "s5", "s6"]


def test_following_starts_at_each_files_end(tmp_path: Path) -> None:
    path = tmp_path / "web-1.log"
    write_log(path, list(range(1000)), with_text=False)
    batches = follow_folder(tmp_path)
    assert next(batches) == []
    with path.open("ab") as file:
        file.write(b'{"time": "2026-01-01T01:00:00Z", "message": "new"}\n')
    assert [line.record["message"] for line in next(batches) if line.record] == ["new"]


def test_a_tail_of_a_truncated_file_starts_over(tmp_path: Path) -> None:
    path = tmp_path / "web-1.log"
    path.write_bytes(b"one\ntwo\n")
    tail = Tail(path, path.stat().st_size)
    path.write_bytes(b"three\n")
    assert [line.raw for line in tail.read_new()] == ["three"]
