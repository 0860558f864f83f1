"""wait_for_services: retries with backoff until each service answers, else names the one that did not."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from tests.integration.throwaway import write_project
from tests.processes import child_environment
from tests.s3_server import S3Bucket

from berth.errors import ServiceError
from berth.jobs.wait import wait_for_services


def test_waits_until_a_service_answers() -> None:
    answers = iter([ConnectionRefusedError(), TimeoutError(), None])
    naps: list[float] = []

    def database() -> None:
        error = next(answers)
        if error is not None:
            raise error

    wait_for_services(10, checks=[("database", database)], sleep=naps.append)
    assert naps == [0.1, 0.2]


def test_backoff_is_capped() -> None:
    naps: list[float] = []

    def never() -> None:
        raise ConnectionRefusedError

    with pytest.raises(ServiceError):
        wait_for_services(0.05, checks=[("storage", never)], sleep=lambda s: naps.append(s))
    assert all(nap <= 2.0 for nap in naps)


def test_names_the_service_that_never_came() -> None:
    def ok() -> None:
        pass

    def refused() -> None:
        raise ConnectionRefusedError("postgres://app:hunter2@db/app")

    with pytest.raises(ServiceError) as caught:
        wait_for_services(0, checks=[("database", ok), ("storage", refused)])
    message = str(caught.value)
    assert message.startswith("storage did not answer within 0 s")
    assert "ConnectionRefusedError" in message
    assert "hunter2" not in message


def test_berth_wait_against_real_services(
    tmp_path: Path, database_url: str, s3_bucket: S3Bucket
) -> None:
    project = write_project(tmp_path)
    env = child_environment(
        DATABASE_URL=database_url, STORAGE_URL=s3_bucket.storage_url, SECRET_KEY="x" * 50
    )
    run = subprocess.run(
        [sys.executable, "-m", "berth", "wait", "--timeout", "20"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert "database, storage and cache are ready" in run.stderr


def test_berth_wait_names_a_missing_bucket(tmp_path: Path, s3_bucket: S3Bucket) -> None:
    project = write_project(tmp_path)
    missing = s3_bucket.storage_url.replace(f"@{s3_bucket.name}", "@no-such-bucket")
    assert missing != s3_bucket.storage_url
    env = child_environment(STORAGE_URL=missing)
    run = subprocess.run(
        [sys.executable, "-m", "berth", "wait", "--timeout", "1"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 3
    assert (
        run.stderr.strip().splitlines()[-1].startswith("berth: storage did not answer within 1 s")
    )
