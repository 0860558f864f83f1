"""Done when: /readyz names the storage while S3 is down, and recovers without a restart."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import requests
from tests.integration.throwaway import write_project
from tests.processes import child_environment, gunicorn, manage


def test_readyz_follows_the_storage(
    tmp_path: Path, database_url: str, s3_bucket: Any, s3_server: Any
) -> None:
    project = write_project(tmp_path / "project")
    env = child_environment(
        DATABASE_URL=database_url, STORAGE_URL=s3_bucket.storage_url, SECRET_KEY="x" * 50
    )
    manage(project, "migrate", "--noinput", env=env)
    with gunicorn("throwaway.wsgi", env=env, cwd=project) as base:
        assert requests.get(f"{base}/readyz", timeout=10).status_code == 200

        s3_server.stop()
        try:
            down = requests.get(f"{base}/readyz", timeout=20)
        finally:
            s3_server.start()
        assert down.status_code == 503
        body = down.json()
        assert body["failed"] == ["storage"]
        assert body["checks"]["database"] == "ok"
        assert "testing" not in down.text, "no credential may leak into the answer"
        assert requests.get(f"{base}/healthz", timeout=10).status_code == 200

        # moto keeps buckets in memory only; a real store comes back with its buckets.
        s3_bucket.client().create_bucket(Bucket=s3_bucket.name)
        up = requests.get(f"{base}/readyz", timeout=10)
        assert up.status_code == 200, up.text
