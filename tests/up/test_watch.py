"""``berth up --watch``: saved edits reach every replica under load, broken code never does,
and a new migration is named, not run.

One ``berth up --watch --replicas 2`` serves the module; the tests run in file order. The
edit test makes 3 edits, each as soon as the previous one is served everywhere;
``BERTH_WATCH_SECONDS=60`` makes 5 over 60 s instead (the figures in docs/up.md).
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from textwrap import dedent

import psycopg
import pytest
import requests
from tests.processes import child_environment
from tests.s3_server import S3Bucket
from tests.up.harness import RunningUp, berth_up, write_up_project
from tests.up.load import browser_session, finish

from berth.scaffold.dockerignore import DATA_EXCLUDES, IgnoreRules
from berth.up.tree import TOOL_EXCLUDES
from berth.up.watch import EDITOR_FILES, compare, snapshot

REPLICAS = 2
CLIENTS = 4
SPREAD = float(os.environ.get("BERTH_WATCH_SECONDS", "0"))
EDITS = 5 if SPREAD else 3
# The goal is 10 s (docs/up.md has the figures: within 7.3 s at a load average of 10-13 on
# 2 cores); the suite asserts what must hold under any load, and prints the times.
SERVED_WITHIN = 30.0

_VIEW = """
    from django.http import HttpResponse


    def version(request):
        return HttpResponse("{version}")
"""
_BROKEN = """
    from django.http import HttpResponse


    def version(request):
        return HttpResponse("broken"
"""
_MIGRATION = """
    from django.db import migrations


    class Migration(migrations.Migration):
        dependencies = [("docs", "0001_initial")]
        operations = []
"""


def _save(project: Path, text: str, **values: str) -> float:
    (project / "throwaway" / "edited.py").write_text(dedent(text.format(**values)).lstrip())
    return time.monotonic()


def _wait(up: RunningUp, predicate: Callable[[], bool], what: str, timeout: float = 60) -> None:
    """Wait as the harness does, showing berth's own lines only: the replicas' are many."""
    try:
        up.wait_until(predicate, what, timeout)
    except AssertionError:
        raise AssertionError(
            f"no {what} within {timeout} s:\n" + "\n".join(_berth_lines(up))
        ) from None


def _berth_lines(up: RunningUp) -> list[str]:
    return [line for line in up.output().splitlines() if line.startswith("berth |")]


@pytest.fixture(scope="module")
def up(
    tmp_path_factory: pytest.TempPathFactory, module_database_url: str, module_s3_bucket: S3Bucket
) -> Iterator[RunningUp]:
    project = write_up_project(tmp_path_factory.mktemp("project"))
    _save(project, _VIEW, version="0")
    with (project / "throwaway" / "urls.py").open("a") as urls:
        urls.write("\nfrom throwaway.edited import version\n\n")
        urls.write('urlpatterns.append(path("version", version))\n')
    env = child_environment(
        DATABASE_URL=module_database_url,
        STORAGE_URL=module_s3_bucket.storage_url,
        AWS_EC2_METADATA_DISABLED="true",
    )
    with berth_up(project, env, "--watch", replicas=REPLICAS) as running:
        running.wait_ready(REPLICAS)
        running.wait_until(lambda: "watching the project's files" in running.output(), "watch")
        yield running


@dataclass
class Seen:
    """What the clients were answered: failures, and when each replica first said each body."""

    requests: int = 0
    failed: list[str] = field(default_factory=list)
    first: dict[tuple[str, str], float] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def served_everywhere(self, body: str) -> bool:
        with self.lock:
            return all((f"web-{n}", body) in self.first for n in range(1, REPLICAS + 1))


def _client(url: str, seen: Seen, stop: threading.Event) -> None:
    session = browser_session()
    while not stop.is_set():
        try:
            response = session.get(f"{url}/version", timeout=30)
            problem = None if response.status_code == 200 else f"GET {response.status_code}"
        except requests.RequestException as error:
            response, problem = None, f"GET {type(error).__name__}"
        with seen.lock:
            seen.requests += 1
            if problem is not None or response is None:
                seen.failed.append(problem or "")
                continue
            key = (response.headers["X-Berth-Replica"], response.text)
            seen.first.setdefault(key, time.monotonic())


def test_each_edit_is_served_by_every_replica_with_no_failed_request(
    up: RunningUp,
) -> None:
    seen, stop = Seen(), threading.Event()
    threads = [
        threading.Thread(target=_client, args=(up.url, seen, stop), daemon=True)
        for _ in range(CLIENTS)
    ]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    latencies: list[float] = []
    try:
        for edit in range(1, EDITS + 1):
            if SPREAD:
                time.sleep(max(0.0, started + SPREAD * (edit - 0.5) / EDITS - time.monotonic()))
            saved = _save(up.project, _VIEW, version=str(edit))
            _wait(up, lambda e=edit: seen.served_everywhere(str(e)), f"edit {edit} served")
            with seen.lock:
                latencies += [seen.first[(name, str(edit))] - saved for name in up.replicas()]
        if SPREAD:
            time.sleep(max(0.0, started + SPREAD - time.monotonic()))
    finally:
        finish(stop, threads)
    print(
        f"\n{seen.requests} requests by {CLIENTS} clients in {time.monotonic() - started:.0f} s, "
        f"{len(seen.failed)} failed; save to served by a replica: "
        f"median {sorted(latencies)[len(latencies) // 2]:.1f} s, max {max(latencies):.1f} s"
    )
    _wait(up, lambda: up.output().count("web-2 serves the change of ") == EDITS, "served lines")
    print("\n".join(_berth_lines(up)[-8 * EDITS :]))
    assert seen.failed == []
    assert max(latencies) < SERVED_WITHIN, latencies
    output = up.output()
    assert "changed at " in output and "throwaway/edited.py" in output


def _settled(up: RunningUp) -> str:
    """What every replica serves once no rollout is under way (the last test's may be ending:
    CI read the old code from a replica that was about to be replaced)."""
    answers: set[str] = set()

    def one_answer() -> bool:
        if up.state()["status"] != "ready":
            return False
        answers.clear()
        answers.update(requests.get(f"{up.url}/version", timeout=10).text for _ in range(4))
        return len(answers) == 1

    _wait(up, one_answer, "one version served")
    return answers.pop()


def test_a_syntax_error_is_not_rolled_out_and_the_next_save_is(up: RunningUp) -> None:
    serving = _settled(up)
    _save(up.project, _BROKEN)
    _wait(up, lambda: "not rolled out:" in up.output(), "refusal")
    line = next(line for line in up.output().splitlines() if "not rolled out:" in line)
    assert line.startswith("berth | not rolled out: throwaway/edited.py, line 5: SyntaxError: ")
    assert line.endswith("the replicas keep serving the previous code until the next save")
    answers = [requests.get(f"{up.url}/version", timeout=10) for _ in range(4)]
    assert {(a.status_code, a.text) for a in answers} == {(200, serving)}

    restarts = up.output().count("every replica restarted")
    _save(up.project, _VIEW, version="fixed")
    _wait(up, lambda: up.output().count("every replica restarted") > restarts, "rollout")
    assert _settled(up) == "fixed"


def test_code_whose_replicas_cannot_start_is_not_rolled_out_and_berth_up_serves_on(
    up: RunningUp,
) -> None:
    # Imported as Django starts: the new replicas die as they boot, while the code is checked.
    models = up.project / "docs" / "models.py"
    working = models.read_text()
    serving = _settled(up)
    refusals = up.output().count("not rolled out:")
    models.write_text(working + "\nclass Broken(:\n")
    try:
        _wait(up, lambda: up.output().count("not rolled out:") > refusals, "refusal")
        line = [line for line in _berth_lines(up) if "not rolled out:" in line][-1]
        assert re.match(r"berth \| not rolled out: docs/models\.py, line \d+: SyntaxError: ", line)
        answers = [requests.get(f"{up.url}/version", timeout=10) for _ in range(4)]
        assert {(a.status_code, a.text) for a in answers} == {(200, serving)}
        assert up.process.poll() is None
    finally:
        models.write_text(working)


def test_a_new_migration_is_named_and_not_run(up: RunningUp, module_database_url: str) -> None:
    migration = up.project / "docs" / "migrations" / "0002_nothing.py"
    migration.write_text(dedent(_MIGRATION).lstrip())
    named = (
        "berth | new migration docs/migrations/0002_nothing.py: not applied; run "
        "`berth run -- python manage.py migrate`"
    )
    _wait(up, lambda: named in up.output(), "migration named")
    # The code is rolled out all the same: the rest of the change must not wait for it.
    _wait(up, lambda: up.output().split(named)[1].count("every replica restarted") == 1, "restart")
    with psycopg.connect(module_database_url, connect_timeout=10) as connection:
        names = connection.execute(
            "SELECT name FROM django_migrations WHERE app = 'docs'"
        ).fetchall()
    assert names == [("0001_initial",)]


def _rules(root: Path) -> IgnoreRules:
    return IgnoreRules.for_project(root, defaults=(*TOOL_EXCLUDES, *DATA_EXCLUDES, *EDITOR_FILES))


def test_what_the_image_leaves_out_is_not_watched(tmp_path: Path) -> None:
    for name in (
        "shop/views.py",
        "shop/templates/cart.html",
        ".berth/up.json",
        "data/media/a.jpg",
        ".git/HEAD",
        "shop/__pycache__/views.cpython-311.pyc",
        "shop/.views.py.swp",
        "shop/views.py~",
        "notes/todo.txt",
        ".dockerignore",
    ):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    (tmp_path / ".dockerignore").write_text("notes\n")
    assert sorted(snapshot(tmp_path, _rules(tmp_path))) == [
        ".dockerignore",
        "shop/templates/cart.html",
        "shop/views.py",
    ]


def test_changes_name_new_migrations_but_not_their_package(tmp_path: Path) -> None:
    (tmp_path / "shop" / "migrations").mkdir(parents=True)
    (tmp_path / "shop" / "views.py").write_text("a")
    before = snapshot(tmp_path, _rules(tmp_path))
    (tmp_path / "shop" / "views.py").write_text("ab")
    (tmp_path / "shop" / "migrations" / "__init__.py").write_text("")
    (tmp_path / "shop" / "migrations" / "0002_note.py").write_text("")
    changes = compare(before, snapshot(tmp_path, _rules(tmp_path)))
    assert changes.migrations() == ["shop/migrations/0002_note.py"]
    assert changes.describe() == (
        "shop/migrations/0002_note.py (new), shop/migrations/__init__.py (new), shop/views.py"
    )
