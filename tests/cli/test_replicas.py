"""berth ps, top and inspect through an environment's exec channel, one call per replica.

Two real gunicorn replicas (berth's config, as in an image) serve the module. Local scripts
stand in for ``docker compose``, ``kubectl`` and ``ssh``: they list the replicas (Compose three,
whose third one's exec hangs), and run the command they are given with the chosen replica's
HEALTH_PORT, as the real ones would run it inside its container.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from textwrap import dedent

import pytest
import requests
from tests.integration.throwaway import write_project
from tests.runtime.test_probe_listener import served

from berth.cli import main
from berth.remote import replicas

# Seconds the stand-ins' channel may take here (the default, 4 s, is for real networks).
_CHANNEL = 0.5

_COMPOSE = """
    #!/bin/sh
    # docker compose -f FILE ps --status running --format TEMPLATE SERVICE
    # docker compose -f FILE exec -T --index N SERVICE COMMAND...
    shift 3
    case "$1" in
      ps) printf '1 shop-web-1\\n2 shop-web-2\\n3 shop-web-3\\n' ;;
      exec) index=$4; shift 5; replica "$index" "$@" ;;
    esac
"""

_KUBECTL = """
    #!/bin/sh
    # kubectl get pods -l SELECTOR --field-selector status.phase=Running -o name
    # kubectl exec -i pod/NAME -- COMMAND...
    case "$1" in
      get) printf 'pod/web-a\\npod/web-b\\n' ;;
      exec) pod=$3; shift 4
        case "$pod" in pod/web-a) n=1 ;; *) n=2 ;; esac
        replica "$n" "$@" ;;
    esac
"""

# ssh HOST LINE: the far side's shell parses the one word berth quoted.
_SSH = """
    #!/bin/sh
    export HEALTH_PORT={health}
    exec sh -c "$2"
"""

_REPLICA = """
    #!/bin/sh
    # As inside replica N's container: its HEALTH_PORT; replica 3 never answers.
    n=$1; shift
    case "$n" in
      1) export HEALTH_PORT={first} ;;
      2) export HEALTH_PORT={second} ;;
      *) exec sleep 600 ;;
    esac
    exec "$@"
"""


def _script(folder: Path, name: str, text: str) -> None:
    path = folder / name
    path.write_text(dedent(text).lstrip())
    path.chmod(0o755)


@pytest.fixture(scope="module")
def health_urls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    project = tmp_path_factory.mktemp("replicas")
    write_project(project)
    with served(project) as (_, first), served(project) as (_, second):
        yield first, second


@pytest.fixture
def stand_ins(
    tmp_path: Path, health_urls: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> tuple[str, str]:
    bin_folder = tmp_path / "bin"
    bin_folder.mkdir()
    first, second = (url.rsplit(":", 1)[1] for url in health_urls)
    _script(bin_folder, "replica", _REPLICA.format(first=first, second=second))
    _script(bin_folder, "docker", _COMPOSE)
    _script(bin_folder, "kubectl", _KUBECTL)
    _script(bin_folder, "ssh", _SSH.format(health=first))
    # The image's python, with berth installed.
    _script(bin_folder, "python", f'#!/bin/sh\nexec {sys.executable} "$@"\n')
    monkeypatch.setenv("PATH", f"{bin_folder}:{Path(sys.executable).parent}:/usr/bin:/bin")
    monkeypatch.setattr(replicas, "CHANNEL_SECONDS", _CHANNEL)
    (tmp_path / "berth.toml").write_text(
        dedent(
            """
            [environments.staging]
            compose = "compose.yaml"

            [environments.prod]
            kubernetes = "deployment/web"
            selector = "app=web"

            [environments.box]
            exec = ["ssh", "box.example.com"]
            """
        )
    )
    monkeypatch.chdir(tmp_path)
    return health_urls


def _pid(health: str) -> int:
    pid = requests.get(f"{health}/status", timeout=5).json()["pid"]
    assert isinstance(pid, int)
    return pid


def test_ps_through_compose_has_one_row_per_container_and_the_hung_one_within_the_bound(
    stand_ins: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.monotonic()
    assert main(["ps", "staging", "--json"]) == 0
    elapsed = time.monotonic() - started
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [row["replica"] for row in rows] == ["shop-web-1", "shop-web-2", "shop-web-3"]
    assert [row["pid"] for row in rows[:2]] == [_pid(url) for url in stand_ins]
    assert [row["state"] for row in rows] == ["ready", "ready", "unreachable"]
    assert rows[0]["workers_busy"] + rows[0]["workers_idle"] == 2
    assert rows[2]["problem"] == f"no answer within {replicas_bound():.1f} s"
    # Asked in parallel: the hung exec costs its bound once, not on top of the others.
    assert elapsed < replicas_bound() + 1.0


def replicas_bound() -> float:
    return 1.0 + _CHANNEL


def test_top_through_kubectl_exec_shows_each_pod(
    stand_ins: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["top", "prod", "--json"]) == 0
    snapshot = json.loads(capsys.readouterr().out)
    shown = [(r["replica"], r["state"]) for r in snapshot["replicas"]]
    assert shown == [("pod/web-a", "ready"), ("pod/web-b", "ready")]
    assert [r["pid"] for r in snapshot["replicas"][:2]] == [_pid(url) for url in stand_ins]
    assert all(len(r["workers"]) == 2 for r in snapshot["replicas"][:2])


def test_inspect_one_replica_through_compose(
    stand_ins: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["inspect", "staging", "--replica", "shop-web-2", "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)["replicas"]
    assert entry["replica"] == "shop-web-2" and entry["problem"] is None
    assert len(entry["workers"]) == 2
    frames = [
        frame for worker in entry["workers"] for t in worker["threads"] for frame in t["frames"]
    ]
    assert any(frame["file"].endswith("probe_listener.py") for frame in frames)


def test_ps_through_ssh_is_the_one_container(
    stand_ins: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    # The script in `python -c` holds quotes, newlines and braces: ssh's far side gets them whole.
    assert main(["ps", "box", "--json"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (row["replica"], row["state"], row["pid"]) == ("box", "ready", _pid(stand_ins[0]))


def _ptrace_refused() -> str | None:
    """Why py-spy cannot read a process here, or None when it can."""
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        time.sleep(0.2)
        result = subprocess.run(
            [str(Path(sys.executable).parent / "py-spy"), "dump", "--pid", str(sleeper.pid)],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    finally:
        sleeper.kill()
        sleeper.wait()
    return None if result.returncode == 0 else result.stderr.strip().splitlines()[-1]


def test_inspect_native_and_locals_through_py_spy_over_ssh(
    stand_ins: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    refused = _ptrace_refused()
    if refused is not None:
        pytest.skip(f"the kernel or container refuses ptrace here: {refused}")
    assert main(["inspect", "box", "--native", "--locals", "--json"]) == 0
    (entry,) = json.loads(capsys.readouterr().out)["replicas"]
    assert entry["problem"] is None and len(entry["workers"]) == 2
    for worker in entry["workers"]:
        assert worker["problem"] is None, worker["problem"]
        frames = [frame for thread in worker["threads"] for frame in thread["frames"]]
        # C frames (the C library's, the interpreter's) and Python frames with their variables.
        assert any(".so" in (frame["file"] or "") for frame in frames)
        assert any("gunicorn" in (frame["file"] or "") for frame in frames)
        assert any(frame["locals"] for frame in frames)


def test_locals_named_or_shaped_like_secrets_are_masked() -> None:
    from berth.config.masking import MASK
    from berth.remote.py_spy import _frame

    frame = {
        "filename": "app/views.py",
        "line": 3,
        "name": "view",
        "locals": [
            {"name": "db_password", "repr": "'hunter2hunter2'"},
            {"name": "url", "repr": "'postgres://shop:hunter2hunter2@db/shop'"},
            {"name": "count", "repr": "3"},
        ],
    }
    shown = _frame(frame, with_locals=True)["locals"]
    assert shown["db_password"] == MASK and shown["count"] == "3"
    assert "hunter2" not in shown["url"] and "db/shop" in shown["url"]


def test_stacks_asked_again_and_again_never_end_a_worker(health_urls: tuple[str, str]) -> None:
    # The worker answering /stacks dumps its own threads too; it once crashed doing so.
    health = health_urls[1]
    before = requests.get(f"{health}/status", timeout=5).json()
    for _ in range(40):
        assert requests.get(f"{health}/stacks", timeout=5).status_code == 200
    after = requests.get(f"{health}/status", timeout=5).json()
    assert after["workers_exited"] == before["workers_exited"]
