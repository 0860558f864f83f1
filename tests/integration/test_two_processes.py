"""Done when: an upload saved by one process is served by another, started elsewhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import requests
from tests.integration.throwaway import write_project
from tests.processes import child_environment, gunicorn, manage

UPLOAD = """
from django.core.files.uploadedfile import SimpleUploadedFile
from docs.models import Document

upload = SimpleUploadedFile("report.txt", b"written by process A", content_type="text/plain")
print("PK", Document.objects.create(file=upload).pk)
"""


def test_upload_in_one_process_is_served_by_another(
    tmp_path: Path, database_url: str, s3_bucket: Any
) -> None:
    project = write_project(tmp_path / "project")
    env = child_environment(
        DATABASE_URL=database_url,
        STORAGE_URL=s3_bucket.storage_url,
        SECRET_KEY="x" * 50,
        LOG_FORMAT="json",
    )
    manage(project, "migrate", "--noinput", env=env)
    output = manage(project, "shell", "-c", UPLOAD, env=env)
    pk = int(output.split("PK", 1)[1].split()[0])
    keys = [
        obj["Key"]
        for obj in s3_bucket.client().list_objects_v2(Bucket=s3_bucket.name).get("Contents", [])
    ]
    assert len(keys) == 1 and keys[0].startswith("documents/report")
    assert not (project / "data").exists(), "nothing may land on the local disk"

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    with gunicorn("throwaway.wsgi", env=env, cwd=elsewhere, pythonpath=project) as base:
        response = requests.get(f"{base}/documents/{pk}", timeout=10)
    assert response.status_code == 200
    assert response.content == b"written by process A"
