"""berth verify against a running berth up: three replicas, then a restart of all of them.

The reference project holds through all of it, but for berth's default cache, which is not
shared; the stateful sample fails, naming its media and its sessions.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.processes import child_environment
from tests.s3_server import S3Bucket
from tests.up.harness import berth_up
from tests.verify.stateful_sample import copy_example, make_stateful


def run_verify(project: Path, cache: Path, *args: str) -> tuple[int, dict[str, object], str]:
    run = subprocess.run(
        [sys.executable, "-m", "berth", "verify", "--json", *args],
        cwd=project,
        # A lost flow runs the doctor, whose cache goes here, not to the user's folder.
        env=child_environment(XDG_CACHE_HOME=str(cache)),
        capture_output=True,
        text=True,
        timeout=240,
    )
    return run.returncode, json.loads(run.stdout or "{}"), run.stderr


@pytest.mark.parametrize("stateful", [False, True], ids=["reference", "stateful-sample"])
def test_verify_on_three_replicas_and_a_restart(
    tmp_path: Path, database_url: str, s3_bucket: S3Bucket, stateful: bool
) -> None:
    project = (make_stateful if stateful else copy_example)(tmp_path / "gallery")
    env = child_environment(DATABASE_URL=database_url, STORAGE_URL=s3_bucket.storage_url)
    with berth_up(project, env, replicas=3) as up:
        up.wait_ready(3, timeout=120)
        before = {replica["pid"] for replica in up.state()["replicas"]}
        # The built-in flows once, beside the gallery's own: the stateful sample's are its own.
        extra = ("--no-builtin",) if stateful else ()
        status, report, progress = run_verify(project, tmp_path / "cache", *extra)
        after = {replica["pid"] for replica in up.state()["replicas"]}
    assert "replicas" in report, f"berth verify exited {status}: {progress}"
    assert report["replicas"] == ["web-1", "web-2", "web-3"], progress
    assert report["restarted"] is True
    assert not before & after, "every replica was replaced"
    flows = report["flows"]
    assert isinstance(flows, list)
    if not stateful:
        held = {flow["name"].split(":")[0]: flow["held"] for flow in flows}
        # The gallery's flows run after the built-in ones; only berth's default cache, each
        # process's own memory, is not shared.
        assert held == {
            "login": True,
            "messages": True,
            "default_storage": True,
            "cache": False,
            "uploaded photo": True,
            "session": True,
        }, json.dumps(report, indent=2)
        # Not shared, but a cache may forget: a warning, and the run passes.
        assert status == 0
        return
    assert status == 1
    lost = {flow["name"].split(":")[0]: flow for flow in flows if not flow["held"]}
    assert set(lost) == {"uploaded photo", "session"}, json.dumps(report, indent=2)
    assert "FileSystemStorage" in lost["uploaded photo"]["failures"][0]["likely_cause"]
    assert "session" in lost["session"]["failures"][0]["likely_cause"]
    # Written on web-1, missing on web-2 and web-3.
    readers = {failure["read_on"] for failure in lost["session"]["failures"]}
    assert readers >= {"web-2", "web-3"}
    hint = lost["session"]["doctor"]
    assert hint["handlers"] == ["accounts/views.py"]
    assert "BD202" in {finding["rule"] for finding in hint["findings"]}
