"""``berth up`` end to end, on the session's PostgreSQL and S3 servers: replicas, restarts, logs.

One ``berth up`` serves the whole module (starting one takes seconds); the tests run in file
order and each leaves it with every replica ready.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from tests.processes import child_environment
from tests.s3_server import S3Bucket
from tests.up.harness import RunningUp, berth_up, processes_touching, write_up_project

REPLICAS = 2


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    """berth up's TMPDIR: its replicas' trees are made in there."""
    with tempfile.TemporaryDirectory(prefix="berth-test-up-") as folder:
        yield Path(folder)


@pytest.fixture(scope="module")
def up(
    tmp_path_factory: pytest.TempPathFactory,
    module_database_url: str,
    module_s3_bucket: S3Bucket,
    scratch: Path,
) -> Iterator[RunningUp]:
    project = write_up_project(tmp_path_factory.mktemp("project"))
    env = child_environment(
        DATABASE_URL=module_database_url,
        STORAGE_URL=module_s3_bucket.storage_url,
        TMPDIR=str(scratch),
        AWS_EC2_METADATA_DISABLED="true",
    )
    with berth_up(project, env, replicas=REPLICAS) as running:
        running.wait_ready(REPLICAS)
        yield running


def _answered_by(response: requests.Response) -> str:
    return response.headers["X-Berth-Replica"]


def _tree_pids(up: RunningUp) -> dict[str, tuple[int, str]]:
    return {name: (r["pid"], r["tree"]) for name, r in up.replicas().items()}


def test_ready_line_names_the_entry_point(up: RunningUp) -> None:
    assert f"berth | ready: {up.url} (2 replicas)" in up.output()


def test_consecutive_requests_alternate_replicas_on_one_connection(up: RunningUp) -> None:
    with requests.Session() as session:  # one keep-alive connection, as a browser holds
        answered = [_answered_by(session.get(f"{up.url}/healthz", timeout=5)) for _ in range(6)]
    assert set(answered) == {"web-1", "web-2"}
    assert all(a != b for a, b in zip(answered, answered[1:], strict=False))


def test_each_replica_runs_from_its_own_copy_with_its_own_tmp_and_home(
    up: RunningUp, scratch: Path
) -> None:
    seen = {}
    for _ in range(2):
        response = requests.get(f"{up.url}/where", timeout=5)
        seen[_answered_by(response)] = response.json()
    trees = {name: Path(r["tree"]) for name, r in up.replicas().items()}
    for name, where in seen.items():
        tree = trees[name]
        assert tree.is_relative_to(scratch)
        assert Path(where["settings_file"]).is_relative_to(tree)  # not the original tree
        assert Path(where["cwd"]) == tree
        assert Path(where["tmpdir"]) == tree.parent / "tmp"
        assert Path(where["home"]) == tree.parent / "home"
        assert where["debug"] is False
    assert not (up.project / "local").exists()


def test_a_row_written_through_one_replica_is_read_through_the_other(up: RunningUp) -> None:
    created = requests.post(
        f"{up.url}/documents/upload",
        files={"file": ("note.txt", b"shared by every replica")},
        timeout=10,
    )
    assert created.status_code == 200, created.text
    pk = created.json()["pk"]
    answers = [requests.get(f"{up.url}/documents/{pk}", timeout=10) for _ in range(2)]
    assert {_answered_by(answer) for answer in answers} == {"web-1", "web-2"}
    assert all(answer.content == b"shared by every replica" for answer in answers)


def test_local_files_are_private_and_vanish_when_every_replica_restarts(up: RunningUp) -> None:
    written = requests.post(f"{up.url}/local/note", data=b"mine alone", timeout=5)
    writer = _answered_by(written)
    reads = {}
    for _ in range(2):
        response = requests.get(f"{up.url}/local/note", timeout=5)
        reads[_answered_by(response)] = response.status_code
    assert reads == {writer: 200, ({"web-1", "web-2"} - {writer}).pop(): 404}

    before = _tree_pids(up)
    os.kill(up.process.pid, signal.SIGUSR1)

    def all_fresh() -> bool:
        now = _tree_pids(up)
        return (
            up.state()["status"] == "ready"
            and len(now) == REPLICAS
            and all(now[name][0] != before[name][0] for name in before)
            and all(r["ready"] for r in up.replicas().values())
        )

    up.wait_until(all_fresh, "every replica restarted")
    # An old replica stops once its successor serves, while the next slot restarts.
    up.wait_until(
        lambda: not any(Path(tree).parent.exists() for _, tree in before.values()),
        "the old replicas' trees removed",
    )
    statuses = {requests.get(f"{up.url}/local/note", timeout=5).status_code for _ in range(2)}
    assert statuses == {404}
    output = up.output()
    assert "every replica restarted" in output
    # Each slot counts as restarted, and the next one's restart begins, before its old
    # replica has stopped: its graceful stop does not lengthen the rolling restart.
    lines = output[output.index("restarting every replica with a fresh tree (SIGUSR1)") :]
    lines_of = lines.splitlines()
    for name in before:
        ready = next(
            i for i, line in enumerate(lines_of) if line.startswith(f"berth | {name} ready on")
        )
        term = next(
            i
            for i, line in enumerate(lines_of)
            if line.startswith(f"{name} |") and "Handling signal: term" in line
        )
        assert ready < term, "\n".join(lines_of)


def test_a_replica_killed_with_sigkill_is_restarted_from_a_fresh_tree(up: RunningUp) -> None:
    pid, tree = _tree_pids(up)["web-1"]
    os.kill(pid, signal.SIGKILL)

    def replaced() -> bool:
        web1 = up.replicas().get("web-1")
        return web1 is not None and web1["pid"] != pid and web1["ready"]

    up.wait_until(replaced, "a fresh web-1")
    assert not Path(tree).parent.exists()
    # Its workers went with it, though their master died without telling them.
    assert processes_touching(Path(tree)) == []
    assert f"web-1 (pid {pid}) exited with code -9; starting a fresh one" in up.output()
    served = {_answered_by(requests.get(f"{up.url}/healthz", timeout=5)) for _ in range(2)}
    assert served == {"web-1", "web-2"}


def test_replica_logs_are_kept_raw_and_shown_pretty(up: RunningUp) -> None:
    requests.get(f"{up.url}/healthz", timeout=5)
    for name in ("web-1", "web-2"):
        lines = (up.project / ".berth" / "logs" / f"{name}.log").read_text().splitlines()
        records = [json.loads(line) for line in lines if line.startswith("{")]
        assert any(record["message"].startswith("Booting worker") for record in records)
    output = up.output()
    assert "web-1 | " in output and "web-2 | " in output
    assert '{"time"' not in output  # pretty-printed, not raw JSON


def test_replicas_changing_while_nginx_is_down_stop_nothing(up: RunningUp) -> None:
    before = _tree_pids(up)
    # nginx cannot write its pid file there, so each restart by berth up's watcher fails at
    # once: nginx stays down while every replica is replaced, and each replacement reloads it.
    pid_file = up.project / ".berth" / "nginx" / "nginx.pid"
    pid_file.unlink()
    pid_file.mkdir()
    try:
        os.killpg(up.state()["services"]["proxy"]["pid"], signal.SIGKILL)
        os.kill(up.process.pid, signal.SIGUSR1)

        def all_fresh() -> bool:
            now = _tree_pids(up)
            return (
                len(now) == REPLICAS
                and all(now[name][0] != before[name][0] for name in before)
                and all(r["ready"] for r in up.replicas().values())
            )

        up.wait_until(all_fresh, "every replica replaced while nginx was down")
        assert up.state()["services"]["proxy"]["status"] == "restarting"
    finally:
        pid_file.rmdir()
    trees = {name: Path(tree) for name, (_, tree) in _tree_pids(up).items()}

    def served_by_the_new_replicas() -> bool:
        seen = {}
        for _ in range(2):
            response = requests.get(f"{up.url}/where", timeout=5)
            seen[_answered_by(response)] = Path(response.json()["cwd"])
        return seen == trees and up.state()["services"]["proxy"]["status"] == "running"

    up.wait_until(served_by_the_new_replicas, "nginx back, sending to the new replicas")
    assert "the entry point (nginx) is back" in up.output()


def test_a_second_berth_up_in_the_same_project_refuses(up: RunningUp) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "berth", "up", "--port", "1"],
        cwd=up.project,
        env=child_environment(),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        f"berth: berth up already runs in this project (pid {up.process.pid}, {up.url}): stop it first"
    ]


# Last in this module: it stops the module's berth up.
def test_ctrl_c_closes_the_entry_point_before_any_replica_stops(up: RunningUp) -> None:
    """Clients see answers, then a closed port: never the 502/503 of an entry point left
    running while its replicas stop (each replica withdrawn from nginx, one reload at a time,
    before it was signalled); and every replica gets SIGTERM before any is waited for."""
    answers: list[int] = []
    stopped = threading.Event()

    def browse() -> None:
        while not stopped.is_set():
            try:
                answers.append(requests.get(f"{up.url}/healthz", timeout=5).status_code)
            except requests.ConnectionError:
                answers.append(0)

    client = threading.Thread(target=browse)
    client.start()
    try:
        while len(answers) < 5:
            time.sleep(0.01)
        assert up.stop() == 0
    finally:
        stopped.set()
        client.join()
    assert 0 in answers, "the entry point closed while the client browsed"
    assert set(answers) == {200, 0}, sorted(set(answers))
    lines = up.output().splitlines()
    stopping = lines.index("berth | stopping: entry point, replicas, services")
    after = lines[stopping:]
    terms = [i for i, line in enumerate(after) if "Handling signal: term" in line]
    masters = [i for i, line in enumerate(after) if "Shutting down: Master" in line]
    assert len(terms) == len(masters) == REPLICAS
    assert max(terms) < min(masters), "\n".join(after)
