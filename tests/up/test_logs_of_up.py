"""``berth logs`` on a running ``berth up``: every replica's lines, and one request's lines exactly."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import uuid
from datetime import datetime
from pathlib import Path

import requests
from tests.processes import child_environment
from tests.s3_server import S3Bucket
from tests.up.harness import berth_up, write_up_project


def berth_logs(project: Path, *args: str) -> list[str]:
    run = subprocess.run(
        [sys.executable, "-m", "berth", "logs", *args],
        cwd=project,
        env=child_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.splitlines()


def test_logs_show_every_replica_and_one_request_exactly(
    tmp_path: Path, database_url: str, s3_bucket: S3Bucket
) -> None:
    project = write_up_project(tmp_path / "project")
    env = child_environment(DATABASE_URL=database_url, STORAGE_URL=s3_bucket.storage_url)
    served_by: dict[str, str] = {}
    with berth_up(project, env, replicas=3) as up:
        up.wait_ready(3)
        for _ in range(6):
            request_id = uuid.uuid4().hex
            response = requests.get(
                f"{up.url}/where", headers={"X-Request-ID": request_id}, timeout=10
            )
            assert response.status_code == 200
            served_by[request_id] = response.headers["X-Berth-Replica"]
        assert set(served_by.values()) == {"web-1", "web-2", "web-3"}

        everything = berth_logs(project, "--json")
        records = [json.loads(line) for line in everything]
        # Each replica's records name it, as a container's would name its host.
        assert {record["replica"] for record in records} >= {"web-1", "web-2", "web-3"}

        for request_id, replica in served_by.items():
            lines = [
                json.loads(line)
                for line in berth_logs(project, "--json", "--request-id", request_id)
            ]
            assert lines, request_id
            assert {line["request_id"] for line in lines} == {request_id}
            # Exactly that request's lines: the access line of GET /where, from the replica
            # that served it, and nothing from the others.
            access = [line for line in lines if line["logger"] == "berth.request"]
            assert [(line["method"], line["path"], line["status"]) for line in access] == [
                ("GET", "/where", 200)
            ]
            # ...and the entry point's line of it, naming the replica it went to.
            (proxied,) = [line for line in lines if line["logger"] == "nginx.access"]
            assert (proxied["replica"], proxied["upstream"], proxied["status"]) == (
                "proxy",
                replica,
                200,
            )
            # To the millisecond, as the replicas' lines: the proxy's line of a request sorts
            # beside the replica's that answered it, not ahead of everything in that second.
            assert re.fullmatch(r"[\d-]{10}T[\d:]{8}\.\d{3}(Z|[+-]\d\d:\d\d)", proxied["time"])
            (answered,) = access
            apart = datetime.fromisoformat(proxied["time"]) - datetime.fromisoformat(
                answered["time"]
            )
            assert abs(apart.total_seconds()) < 1
            pretty = berth_logs(project, "--request-id", request_id)
            assert len(pretty) == 2 and pretty[0].startswith("proxy") != pretty[1].startswith(
                "proxy"
            )
            assert all(line.startswith((replica, "proxy")) for line in pretty), pretty
