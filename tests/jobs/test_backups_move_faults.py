"""``berth db backups --move`` killed (SIGKILL, SIGINT, SIGTERM) at moments across its run.

The backups go from the media bucket's ``backups/`` to another service (the streamed upload,
not a server-side copy). Whatever the moment, every backup is whole in one place or both,
never partial under its name, the move ends within seconds without a traceback or a process
left, and a rerun finishes it. Figures: docs/reliability.md, "Backups moved under kills".
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import fresh_bucket
from tests.s3_server import S3Bucket
from tests.s3_server import S3Server as MotoServer
from tests.transfer.faults import EXIT_WITHIN, SIGNALS, berth

from berth.services.processes import free_port
from berth.services.s3 import S3Server

# Six backups, two of them in two parts: a move lasts about a second, long enough to be
# killed before, between and inside the copies.
SIZES = (1 << 20, (8 << 20) + 7, 1 << 20, (8 << 20) + 11, 1 << 20, 1 << 20)
NAMES = [f"db-202501{day:02d}T031700Z.dump" for day in range(1, len(SIZES) + 1)]
MOMENTS = (0.3, 0.6, 0.75, 0.9)
BACKUP_NAME = re.compile(r"db-\d{8}T\d{6}Z\.dump")


@pytest.fixture(scope="module")
def other_service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    with S3Server(tmp_path_factory.mktemp("other") / "s3", free_port()) as server:
        yield server


@pytest.fixture(scope="module")
def backups() -> dict[str, bytes]:
    return {name: os.urandom(size) for name, size in zip(NAMES, SIZES, strict=True)}


def _objects(client: Any, bucket: str, prefix: str) -> dict[str, str]:
    """Name (without ``prefix``) → MD5 of the backups under ``prefix``.

    Only dated names: the empty privacy probe a kill may leave is no backup (none lists it).
    """
    found = {}
    listing = client.list_objects_v2(Bucket=bucket, Prefix=prefix)
    for entry in listing.get("Contents", []):
        if not BACKUP_NAME.fullmatch(entry["Key"][len(prefix) :]):
            continue
        body = client.get_object(Bucket=bucket, Key=entry["Key"])["Body"].read()
        found[entry["Key"][len(prefix) :]] = hashlib.md5(body).hexdigest()
    return found


class _Move:
    def __init__(
        self, source: S3Bucket, other: S3Server, backups: dict[str, bytes], tmp_path: Path
    ) -> None:
        self.source = source
        self.target_bucket = f"kept-{os.urandom(3).hex()}"
        other.create_bucket(self.target_bucket)
        self.theirs = other.client()
        self.ours = source.client()
        for name, body in backups.items():
            self.ours.put_object(Bucket=source.name, Key=f"backups/{name}", Body=body)
        self.expected = {name: hashlib.md5(body).hexdigest() for name, body in backups.items()}
        self.folder = tmp_path
        (tmp_path / "manage.py").touch()
        self.variables = {
            "STORAGE_URL": source.storage_url,
            "BACKUP_URL": other.storage_url(self.target_bucket).replace("?", "/nightly?", 1),
        }

    def here(self) -> dict[str, str]:
        return _objects(self.ours, self.source.name, "backups/")

    def there(self) -> dict[str, str]:
        return _objects(self.theirs, self.target_bucket, "nightly/")

    def unfinished_uploads(self) -> int:
        try:
            answer = self.theirs.list_multipart_uploads(Bucket=self.target_bucket)
        except self.theirs.exceptions.NoSuchUpload:
            return 0  # rclone serve s3's answer when there is none
        return len(answer.get("Uploads", []))

    def run(self) -> tuple[int | None, str, float]:
        with berth(["db", "backups", "--move"], self.folder, **self.variables) as run:
            code = run.wait(120)
            return code, run.stderr(), time.monotonic() - run.started


@pytest.fixture
def move(
    s3_bucket: S3Bucket, other_service: S3Server, backups: dict[str, bytes], tmp_path: Path
) -> _Move:
    return _Move(s3_bucket, other_service, backups, tmp_path)


@pytest.fixture(scope="module")
def duration(
    s3_server: MotoServer,
    other_service: S3Server,
    backups: dict[str, bytes],
    tmp_path_factory: pytest.TempPathFactory,
) -> float:
    """How long an uninterrupted move takes here, for the moments to be fractions of."""
    with fresh_bucket(s3_server) as bucket:
        whole = _Move(bucket, other_service, backups, tmp_path_factory.mktemp("whole"))
        code, errors, seconds = whole.run()
        assert code == 0, errors
        assert whole.here() == {} and whole.there() == whole.expected
    return seconds


@pytest.mark.parametrize("moment", MOMENTS)
@pytest.mark.parametrize("signal_name", list(SIGNALS))
def test_a_killed_move_leaves_every_backup_whole_somewhere_and_a_rerun_finishes(
    move: _Move, duration: float, signal_name: str, moment: float
) -> None:
    with berth(["db", "backups", "--move"], move.folder, **move.variables) as run:
        time.sleep(max(0.0, moment * duration - (time.monotonic() - run.started)))
        run.signal(SIGNALS[signal_name])
        code = run.wait(EXIT_WITHIN)
        assert code is not None, f"berth still runs {EXIT_WITHIN} s after {signal_name}"
        assert run.finish() == [], "processes outlived berth"
        errors = run.stderr()
    assert "Traceback" not in errors, errors
    here, there = move.here(), move.there()
    # Under a backup's name only whole backups, and every backup under its name somewhere.
    for name, digest in {**here, **there}.items():
        assert move.expected.get(name) == digest, f"{name}: not a whole backup"
    assert set(here) | set(there) == set(move.expected)
    both = len(set(here) & set(there))
    print(
        f"\n{signal_name} at {moment}: {len(here) - both} here, {both} in both, {len(there) - both} moved"
    )
    if signal_name != "SIGKILL":
        # Ctrl-C and SIGTERM abort the upload under way; SIGKILL leaves it unfinished:
        # nameless, never listed.
        assert move.unfinished_uploads() == 0, "an interrupted upload was not aborted"
    code, errors, _ = move.run()
    assert code == 0, errors
    assert move.here() == {} and move.there() == move.expected
