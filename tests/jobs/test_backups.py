"""Backups in a real (moto) S3 bucket: dated keys, whole or absent, retention, foreign keys untouched."""

from __future__ import annotations

import io
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from tests.s3_server import S3Bucket

from berth.cli import main
from berth.jobs.backups import (
    BackupError,
    Bucket,
    backup_key,
    list_backups,
    move_backups,
    prune_backups,
    upload_backup,
    upload_backup_stream,
)
from berth.services.processes import free_port
from berth.services.s3 import S3Server as RcloneServer


def _keys(bucket: S3Bucket) -> list[str]:
    listing = bucket.client().list_objects_v2(Bucket=bucket.name)
    return sorted(entry["Key"] for entry in listing.get("Contents", []))


def test_key_is_dated_in_utc() -> None:
    when = datetime(2025, 3, 1, 4, 5, 6, tzinfo=UTC)
    assert backup_key(when) == "backups/db-20250301T040506Z.dump"


def test_retention_keeps_the_newest_and_nothing_else_is_deleted(
    s3_bucket: S3Bucket, tmp_path: Path
) -> None:
    dump = tmp_path / "db.dump"
    dump.write_bytes(b"PGDMP fake")
    bucket = Bucket.from_storage_url(s3_bucket.storage_url)
    start = datetime(2025, 1, 1, tzinfo=UTC)
    keys = [upload_backup(bucket, dump, start + timedelta(days=day)) for day in range(5)]
    s3_bucket.client().put_object(Bucket=s3_bucket.name, Key="backups/notes.txt", Body=b"mine")
    s3_bucket.client().put_object(
        Bucket=s3_bucket.name, Key="media/db-20200101T000000Z.dump", Body=b""
    )
    deleted = prune_backups(bucket, keep=2)
    assert deleted == keys[:3]
    assert _keys(s3_bucket) == sorted(
        [*keys[3:], "backups/notes.txt", "media/db-20200101T000000Z.dump"]
    )
    bucket.client.close()


def test_cli_uploads_and_prunes(
    s3_bucket: S3Bucket,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("STORAGE_URL", s3_bucket.storage_url)
    dump = tmp_path / "db.dump"
    dump.write_bytes(b"PGDMP fake")
    old = "backups/db-20000101T000000Z.dump"
    s3_bucket.client().put_object(Bucket=s3_bucket.name, Key=old, Body=b"")
    assert main(["backup", "upload", str(dump), "--keep", "1"]) == 0
    out = capsys.readouterr().out
    (key,) = _keys(s3_bucket)
    assert key != old and f"uploaded {key}" in out and f"deleted {old}" in out
    assert (
        s3_bucket.client().get_object(Bucket=s3_bucket.name, Key=key)["Body"].read()
        == b"PGDMP fake"
    )


def test_cli_refuses_a_file_storage(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("STORAGE_URL", f"file://{tmp_path}")
    dump = tmp_path / "db.dump"
    dump.write_bytes(b"")
    assert main(["backup", "upload", str(dump)]) == 2
    assert "STORAGE_URL: backups go to object storage" in capsys.readouterr().err


def _uploads(bucket: S3Bucket) -> list[str]:
    answer = bucket.client().list_multipart_uploads(Bucket=bucket.name)
    return [upload["Key"] for upload in answer.get("Uploads", [])]


def test_a_producer_that_fails_after_two_parts_leaves_no_object(s3_bucket: S3Bucket) -> None:
    bucket = Bucket.from_storage_url(s3_bucket.storage_url)

    def failed() -> None:
        raise BackupError("pg_dump of db failed: killed")

    # 40 MB: two full parts went up, and a third was being read, when the producer's check fails.
    dump = io.BytesIO(os.urandom(40 << 20))
    try:
        with pytest.raises(BackupError, match="killed"):
            upload_backup_stream(bucket, dump, failed)
        assert dump.tell() == 40 << 20
        assert list_backups(bucket) == [] and _keys(s3_bucket) == [] and _uploads(s3_bucket) == []
    finally:
        bucket.client.close()


def test_a_streamed_backup_appears_whole_once_its_producer_ended_well(s3_bucket: S3Bucket) -> None:
    bucket = Bucket.from_storage_url(s3_bucket.storage_url)
    data = os.urandom((16 << 20) + 5)
    ended = []
    try:
        key = upload_backup_stream(bucket, io.BytesIO(data), lambda: ended.append(_keys(s3_bucket)))
        assert ended == [[]]  # nothing under any name until the producer's check passed
        body = s3_bucket.client().get_object(Bucket=s3_bucket.name, Key=key)["Body"].read()
        assert body == data and _keys(s3_bucket) == [key]
    finally:
        bucket.client.close()


def test_backups_move_to_another_service_whole_and_a_rerun_finishes(
    s3_bucket: S3Bucket, tmp_path: Path
) -> None:
    client = s3_bucket.client()
    dumps = {
        "backups/db-20250101T031700Z.dump": os.urandom(100),
        "backups/db-20250102T031700Z.dump": os.urandom((16 << 20) + 1),  # two parts there
    }
    for key, body in dumps.items():
        client.put_object(Bucket=s3_bucket.name, Key=key, Body=body)
    source = Bucket.from_storage_url(s3_bucket.storage_url)
    with RcloneServer(tmp_path / "rclone", free_port()) as other:
        other.create_bucket("kept")
        target = Bucket.from_storage_url(
            s3_bucket.storage_url, other.storage_url("kept").replace("?", "/nightly?", 1)
        )
        theirs = other.client()
        try:
            # A move stopped after its first copy: that backup is in both places.
            first = "backups/db-20250101T031700Z.dump"
            theirs.put_object(
                Bucket="kept", Key="nightly/db-20250101T031700Z.dump", Body=dumps[first]
            )
            said: list[str] = []
            assert move_backups(source, target, said.append) == 2
            assert said == [f"moved {key[8:]} to s3://kept/nightly/" for key in dumps]
            assert list_backups(source) == [] and _keys(s3_bucket) == []
            for key, body in dumps.items():
                there = theirs.get_object(Bucket="kept", Key=f"nightly/{key[8:]}")["Body"].read()
                assert there == body
        finally:
            theirs.close()
            source.client.close()
            target.client.close()


def test_a_ctrl_c_while_the_upload_is_being_created_leaves_no_unfinished_upload(
    s3_bucket: S3Bucket, monkeypatch: pytest.MonkeyPatch
) -> None:
    bucket = Bucket.from_storage_url(s3_bucket.storage_url)
    create = bucket.client.create_multipart_upload

    def created_then_interrupted(**arguments: Any) -> Any:
        create(**arguments)  # the server made it; its answer never reached berth
        raise KeyboardInterrupt

    monkeypatch.setattr(bucket.client, "create_multipart_upload", created_then_interrupted)
    try:
        with pytest.raises(KeyboardInterrupt):
            upload_backup_stream(bucket, io.BytesIO(b"dump"))
        assert _uploads(s3_bucket) == [] and _keys(s3_bucket) == []
    finally:
        bucket.client.close()
