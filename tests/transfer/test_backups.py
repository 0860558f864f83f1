"""Backups: berth db backup streams a dump into the bucket; backups lists; restore latest restores."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.conftest import fresh_database
from tests.s3_server import S3Bucket
from tests.transfer.helpers import fill, fingerprint, write_environments

from berth.cli import main
from berth.jobs.backups import BackupError, Bucket, check_private
from berth.services.postgres import PostgresServer


@pytest.fixture
def database(postgres_server: PostgresServer, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with fresh_database(postgres_server) as url:
        fill(url)
        monkeypatch.setenv("DATABASE_URL", url)
        yield url


def _keys(bucket: S3Bucket) -> list[str]:
    listing = bucket.client().list_objects_v2(Bucket=bucket.name)
    return sorted(entry["Key"] for entry in listing.get("Contents", []))


def test_backup_list_and_restore_latest_with_a_prefixed_public_storage(
    database: str,
    s3_bucket: S3Bucket,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Media under media/, public (signed=0): backups go beside them, not among them.
    url = s3_bucket.storage_url.replace("?", "/media?", 1) + "&signed=0&acl=public-read"
    monkeypatch.setenv("STORAGE_URL", url)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "manage.py").write_text("")
    assert main(["db", "backup", "--keep", "2"]) == 0
    (key,) = _keys(s3_bucket)
    assert key.startswith("backups/media/db-") and key.endswith(".dump")
    assert f"uploaded {key}" in capsys.readouterr().out
    assert main(["db", "backups", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["key"] == key and listed["size"] > 1000

    before = fingerprint(database)
    import psycopg

    with psycopg.connect(database, autocommit=True) as connection:
        connection.execute("DELETE FROM shop_order")
    assert main(["db", "restore", "latest", "--yes"]) == 0
    assert fingerprint(database) == before
    assert f"backup {key.rpartition('/')[2]}" in capsys.readouterr().err


def test_backups_of_an_environment_through_its_exec_prefix(
    database: str,
    s3_bucket: S3Bucket,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    write_environments(
        tmp_path, prod={"DATABASE_URL": database, "STORAGE_URL": s3_bucket.storage_url}
    )
    monkeypatch.delenv("DATABASE_URL")
    monkeypatch.chdir(tmp_path)
    assert main(["db", "backup", "prod"]) == 0
    assert main(["db", "backups", "prod"]) == 0
    out = capsys.readouterr().out
    (name,) = [key.rpartition("/")[2] for key in _keys(s3_bucket)]
    assert name in out and " kB" in out
    assert main(["db", "restore", name, "prod", "--yes"]) == 0
    assert "safety dump of environment 'prod'" in capsys.readouterr().err


def test_an_anonymously_readable_backup_is_an_error(s3_bucket: S3Bucket) -> None:
    client = s3_bucket.client()
    client.put_object(Bucket=s3_bucket.name, Key="backups/db-1.dump", Body=b"x")
    client.put_object(Bucket=s3_bucket.name, Key="backups/db-2.dump", Body=b"x", ACL="public-read")
    bucket = Bucket.from_storage_url(s3_bucket.storage_url)
    try:
        check_private(bucket, "backups/db-1.dump")
        with pytest.raises(BackupError, match="is readable without credentials"):
            check_private(bucket, "backups/db-2.dump")
    finally:
        bucket.client.close()


@pytest.mark.parametrize(
    ("suffix", "prefix"),
    [
        ("", "backups/"),
        ("&public_url=/storage", "backups/"),
        ("&custom_domain=cdn.example.com&signed=0", "backups/"),
    ],
)
def test_backups_live_beside_the_media_whatever_the_storage_url(
    s3_bucket: S3Bucket, suffix: str, prefix: str
) -> None:
    for path, expected in (("", prefix), ("/site/media", f"{prefix}site/media/")):
        bucket = Bucket.from_storage_url(s3_bucket.storage_url.replace("?", f"{path}?", 1) + suffix)
        try:
            assert bucket.prefix == expected
        finally:
            bucket.client.close()
