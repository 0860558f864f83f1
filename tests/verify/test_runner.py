"""berth verify's flows against real replicas: each from its own copy of the tree, as in containers.

The reference project's flows hold when media and sessions are shared; on the stateful sample
they fail, naming the uploaded media and the session, each with its likely cause.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import pytest
from tests.processes import child_environment, gunicorn, manage
from tests.s3_server import S3Bucket
from tests.verify.stateful_sample import EXAMPLE, copy_example, make_stateful

from berth.cli import main
from berth.verify import Flow, ReplicaClient, Skipped
from berth.verify.runner import run_flows
from berth.verify.target import Target

FLOWS = EXAMPLE / "berth_flows.py"
SECRET_KEY = "verify-tests-" + "k" * 50


@contextmanager
def replicas(trees: list[Path], env: dict[str, str]) -> Iterator[list[str]]:
    with ExitStack() as stack:
        yield [
            stack.enter_context(
                gunicorn("gallery_site.wsgi", env=env, cwd=tree, pythonpath=tree, workers=1)
            )
            for tree in trees
        ]


def collectstatic(trees: list[Path], env: dict[str, str]) -> None:
    """collectstatic once, its files copied into the other trees: the same files, as replicas
    of one image have, without compressing every file once more per tree."""
    manage(trees[0], "collectstatic", "--noinput", env=env)
    for tree in trees[1:]:
        shutil.copytree(trees[0] / "staticfiles", tree / "staticfiles")


def verify(urls: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    args = ["verify", "--flows", str(FLOWS), "--json"]
    for url in urls:
        args += ["--replica", url]
    status = main(args)
    return status, json.loads(capsys.readouterr().out)


@pytest.fixture
def two_trees(tmp_path: Path) -> list[Path]:
    return [tmp_path / "web-1", tmp_path / "web-2"]


def test_the_reference_project_holds(
    two_trees: list[Path],
    database_url: str,
    s3_bucket: S3Bucket,
    capsys: pytest.CaptureFixture[str],
) -> None:
    env = child_environment(
        DATABASE_URL=database_url,
        STORAGE_URL=s3_bucket.storage_url,
        SECRET_KEY=SECRET_KEY,
        ALLOWED_HOSTS="127.0.0.1",
    )
    for tree in two_trees:
        copy_example(tree)
    manage(two_trees[0], "migrate", "--noinput", env=env)
    collectstatic(two_trees, env)
    with replicas(two_trees, env) as urls:
        status, report = verify(urls, capsys)
    assert report["held"] is True, json.dumps(report, indent=2)
    assert status == 0
    assert report["restarted"] is False
    flows: list[dict[str, Any]] = report["flows"]  # type: ignore[assignment]
    # berth cannot enter replicas given by URL: every built-in flow needs that, and says so.
    *builtin, photo, session = flows
    assert [flow["name"].split(":")[0] for flow in builtin] == [
        "login",
        "messages",
        "default_storage",
        "cache",
    ]
    for flow in builtin:
        assert flow["skipped"].startswith("replicas given by URL: berth cannot enter them")
        assert flow["held"] is False and flow["failures"] == []
    assert photo["held"] and session["held"]
    assert photo["doctor"] is None and session["doctor"] is None
    assert photo["paths"][:2] == ["/upload/", photo["paths"][1]]
    assert photo["paths"][1].startswith("/photos/")
    assert session["paths"] == ["/accounts/signup/", "/accounts/me/"]


def test_the_stateful_sample_is_caught(
    two_trees: list[Path],
    database_url: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    env = child_environment(
        DATABASE_URL=database_url, SECRET_KEY=SECRET_KEY, ALLOWED_HOSTS="127.0.0.1", DEBUG="off"
    )
    for tree in two_trees:
        make_stateful(tree)
    manage(two_trees[0], "migrate", "--noinput", env=env)
    collectstatic(two_trees, env)
    # berth verify runs in the project (the flows file is the reference project's).
    monkeypatch.chdir(two_trees[0])
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with replicas(two_trees, env) as urls:
        status, report = verify(urls, capsys)
    assert status == 1
    flows = {flow["name"]: flow for flow in report["flows"]}  # type: ignore[index]
    media = flows["uploaded photo: its row, its image and its thumbnail"]
    session = flows["session: signed in on one replica, still signed in on the others"]
    for flow, cause in ((media, "FileSystemStorage"), (session, "session")):
        assert flow["held"] is False
        (failure,) = flow["failures"]
        assert failure["phase"] == "read on another replica"
        assert (failure["written_on"], failure["read_on"]) == ("replica-1", "replica-2")
        assert "Kept only by the replica that wrote it" in failure["likely_cause"]
        assert cause in failure["likely_cause"]
    assert media["failures"][0]["problem"].startswith("the photo")
    assert "not signed in" in session["failures"][0]["problem"]
    # What berth doctor finds, statically, in the files that handle each flow.
    assert media["doctor"]["handlers"] == ["gallery/views.py"]
    assert session["doctor"]["handlers"] == ["accounts/views.py"]
    found = {(f["path"], f["rule"]) for f in media["doctor"]["findings"]}
    assert {("gallery_site/settings.py", "BD101"), ("gallery_site/urls.py", "BD107")} <= found
    assert ("gallery_site/settings.py", "BD202") in {
        (f["path"], f["rule"]) for f in session["doctor"]["findings"]
    }
    assert media["doctor"]["command"].startswith("berth doctor gallery/views.py ")


def test_one_replica_is_not_enough(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["verify", "--flows", str(FLOWS), "--replica", "http://127.0.0.1:9"])
    assert status == 1
    assert (
        capsys.readouterr().err.strip()
        == "berth: berth verify needs at least two replicas to compare"
    )


def test_a_missing_flows_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(
        [
            "verify",
            "--flows",
            str(tmp_path / "nope.py"),
            "--replica",
            "http://a",
            "--replica",
            "http://b",
        ]
    )
    assert status == 1
    assert capsys.readouterr().err.startswith(f"berth: no flows file at {tmp_path / 'nope.py'}")


def test_no_berth_up_running(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copy(FLOWS, tmp_path / "berth_flows.py")
    (tmp_path / "manage.py").write_text(
        'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "x.settings")\n'
    )
    monkeypatch.chdir(tmp_path)
    assert main(["verify"]) == 1
    assert "no berth up is running in" in capsys.readouterr().err


def test_no_builtin_needs_a_flows_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "manage.py").write_text("")
    monkeypatch.chdir(tmp_path)
    status = main(["verify", "--no-builtin", "--replica", "http://a", "--replica", "http://b"])
    assert status == 1
    assert capsys.readouterr().err.startswith(f"berth: no flows file at {tmp_path}")


class Cleaned(Flow):
    def __init__(self, log: list[str], interrupt: bool = False) -> None:
        self.log = log
        self.interrupt = interrupt

    def write(self, client: ReplicaClient) -> None:
        self.log.append(f"write {client.replica}")
        if self.interrupt:
            raise KeyboardInterrupt

    def read(self, client: ReplicaClient, state: None) -> None:
        self.log.append(f"read {client.replica}")

    def cleanup(self, client: ReplicaClient) -> None:
        self.log.append(f"cleanup {client.replica}")


class Skipping(Cleaned):
    def write(self, client: ReplicaClient) -> None:
        raise Skipped("the project has no such thing")


def test_what_flows_made_is_cleaned_up_even_on_ctrl_c() -> None:
    log: list[str] = []
    target = Target.from_urls(["http://127.0.0.1:9", "http://127.0.0.1:10"])
    with pytest.raises(KeyboardInterrupt):
        run_flows([Cleaned(log), Skipping(log), Cleaned(log, interrupt=True)], target)
    assert log == [
        "write replica-1",
        "read replica-1",
        "read replica-2",
        "write replica-1",
        # A skipped flow made nothing; the interrupted one may have made half.
        "cleanup replica-1",
        "cleanup replica-1",
    ]


def test_a_skipped_flow_neither_holds_nor_fails() -> None:
    target = Target.from_urls(["http://127.0.0.1:9", "http://127.0.0.1:10"])
    report = run_flows([Skipping([])], target)
    (flow,) = report.flows
    assert (flow.skipped, flow.held, flow.failures, report.held) == (
        "the project has no such thing",
        False,
        [],
        True,
    )


def test_a_run_where_every_flow_was_skipped_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "manage.py").write_text("")
    monkeypatch.chdir(tmp_path)
    status = main(["verify", "--replica", "http://127.0.0.1:9", "--replica", "http://127.0.0.1:10"])
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("skip  login: an admin session made on one replica")
    assert out[-1] == "0 of 0 flows held across 2 replicas, without a restart (4 skipped)"
    assert status == 1


LOST_ELSEWHERE = """
from berth.verify import Flow, Lost


class KeptByItsWriter(Flow):
    name = "kept by its writer"
    likely_cause = "a dict at module level"

    def write(self, client):
        return client.replica

    def read(self, client, writer):
        if client.replica != writer:
            raise Lost(f"not on {client.replica}")
"""


def test_a_cause_shared_by_several_failures_is_said_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    flows = tmp_path / "flows.py"
    flows.write_text(LOST_ELSEWHERE)
    monkeypatch.chdir(tmp_path)
    urls = ["http://127.0.0.1:9", "http://127.0.0.1:10", "http://127.0.0.1:11"]
    args = ["verify", "--no-builtin", "--flows", str(flows)]
    status = main(args + [arg for url in urls for arg in ("--replica", url)])
    out = capsys.readouterr().out
    assert status == 1
    assert out.count("): not on replica-") == 2
    assert out.count("cause: Kept only by the replica that wrote it") == 1


class _Restarting(Target):
    """Replicas given by URL (never requested here) that berth up would restart: the flow
    below keeps its state in the replica that wrote it, as a LocMemCache does."""

    @property
    def can_restart(self) -> bool:
        return True

    def restart_all(self, timeout: float = 120) -> Target:
        kept.clear()
        return self


kept: dict[str, str] = {}


class _OwnMemory(Flow):
    title = "kept by its writer"

    def write(self, client: ReplicaClient) -> Any:
        kept[client.replica] = "entry"
        return client.replica

    def read(self, client: ReplicaClient, state: Any) -> None:
        assert kept.get(client.replica) == "entry", f"not on {client.replica}"


def test_a_loss_after_the_restart_of_what_was_never_shared_says_so() -> None:
    replicas = Target.from_urls(["http://127.0.0.1:9", "http://127.0.0.1:9"]).replicas
    report = run_flows([_OwnMemory()], _Restarting(replicas))
    failures = report.flows[0].failures
    assert [f.phase for f in failures] == [
        "read on another replica",
        "read after every replica restarted with a fresh tree",
        "read after every replica restarted with a fresh tree",
    ]
    for after in failures[1:]:
        assert after.likely_cause.startswith("Never shared (another replica had already missed")
