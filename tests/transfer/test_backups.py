"""Backups: berth db backup streams a dump into the bucket; backups lists; restore latest restores."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import psycopg
import pytest
from tests.conftest import fresh_bucket, fresh_database
from tests.processes import child_environment, wait_for_http
from tests.s3_server import S3Bucket, S3Server
from tests.transfer.helpers import fill, fingerprint, write_environments

from berth.cli import main
from berth.config.dsn.storage import parse_storage_url
from berth.errors import ConfigurationError
from berth.jobs.backups import Bucket, backup_place, check_private, list_backups
from berth.services.postgres import PostgresServer
from berth.services.processes import free_port
from berth.services.s3 import find_rclone


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


def test_a_private_backup_location_passes_and_the_probe_is_gone(s3_bucket: S3Bucket) -> None:
    bucket = Bucket.from_storage_url(s3_bucket.storage_url)
    try:
        check_private(bucket)
    finally:
        bucket.client.close()
    assert _keys(s3_bucket) == []


@pytest.fixture
def public_store(tmp_path: Path) -> Iterator[str]:
    """rclone serve s3 without keys: a store anyone may read, as under a public bucket policy."""
    port = free_port()
    objects = tmp_path / "public"
    (objects / "site").mkdir(parents=True)
    server = subprocess.Popen(
        [
            str(find_rclone()),
            "serve",
            "s3",
            "--config",
            "",
            "--addr",
            f"127.0.0.1:{port}",
            str(objects),
        ],
        env={k: v for k, v in child_environment().items() if not k.startswith("RCLONE_")},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_http(f"http://127.0.0.1:{port}/", server)
        yield f"s3://any:any@site?endpoint_url=http://127.0.0.1:{port}&region=us-east-1&addressing_style=path"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_publicly_readable_location_stops_the_backup_before_any_byte_goes_up(
    database: str,
    public_store: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("STORAGE_URL", public_store.replace("?", "/media?", 1))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "manage.py").write_text("")
    assert main(["db", "backup"]) == 1
    error = capsys.readouterr().err
    assert "s3://site/backups/media/ is readable without credentials: nothing was uploaded" in error
    assert "any:any" not in error
    assert [path for path in (tmp_path / "public").rglob("*") if path.is_file()] == []


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


def _pg_dump_of(process: psutil.Process) -> psutil.Process | None:
    for child in process.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if child.name().startswith("pg_dump"):
                return child
    return None


def test_a_backup_whose_pg_dump_is_killed_half_way_leaves_no_backup_and_keeps_the_old(
    postgres_server: PostgresServer, s3_bucket: S3Bucket, tmp_path: Path
) -> None:
    client = s3_bucket.client()
    old = ["backups/db-20250101T031700Z.dump", "backups/db-20250102T031700Z.dump"]
    for key in old:
        client.put_object(Bucket=s3_bucket.name, Key=key, Body=b"an older good backup")
    (tmp_path / "manage.py").write_text("")
    with fresh_database(postgres_server) as url:
        with psycopg.connect(url, autocommit=True) as connection:
            # ~100 MB that compresses little: pg_dump is still writing when the first part is up.
            connection.execute(
                "CREATE TABLE blob AS SELECT i, decode(string_agg(md5(i::text || j::text || random()::text), ''), 'hex') AS data "
                "FROM generate_series(1, 200) i, generate_series(1, 32000) j GROUP BY i"
            )
        environment = child_environment(DATABASE_URL=url, STORAGE_URL=s3_bucket.storage_url)
        backup = subprocess.Popen(
            [sys.executable, "-m", "berth", "db", "backup", "--keep", "2"],
            cwd=tmp_path,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                assert time.monotonic() < deadline, "no part of the backup went up"
                uploads = client.list_multipart_uploads(Bucket=s3_bucket.name).get("Uploads", [])
                parts = uploads and client.list_parts(
                    Bucket=s3_bucket.name, Key=uploads[0]["Key"], UploadId=uploads[0]["UploadId"]
                ).get("Parts")
                if parts:
                    break
                time.sleep(0.05)
            pg_dump = _pg_dump_of(psutil.Process(backup.pid))
            assert pg_dump is not None, "pg_dump ended before it could be killed"
            pg_dump.kill()
            _, errors = backup.communicate(timeout=60)
        finally:
            if backup.poll() is None:
                backup.kill()
                backup.wait()
    assert backup.returncode != 0
    assert "pg_dump" in errors.decode() and "failed" in errors.decode()
    # Nothing under any name, not even an unfinished upload; --keep deleted no good backup.
    assert _keys(s3_bucket) == old
    assert client.list_multipart_uploads(Bucket=s3_bucket.name).get("Uploads", []) == []
    bucket = Bucket.from_storage_url(s3_bucket.storage_url)
    try:
        assert [backup.key for backup in list_backups(bucket)] == old
    finally:
        bucket.client.close()


def test_backups_among_the_media_warn_and_move_out_into_backup_url(
    database: str,
    s3_server: S3Server,
    s3_bucket: S3Bucket,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # An older layout: media fill the bucket, so backups/ lies among them.
    monkeypatch.setenv("STORAGE_URL", s3_bucket.storage_url)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "manage.py").write_text("")
    assert main(["db", "backup"]) == 0
    err = capsys.readouterr().err
    assert err.count("lie among the media") == 1
    assert "then run: berth db backups local --move" in err
    (made,) = _keys(s3_bucket)
    # Made the night before: the backup made after the move, within this second, is newer.
    legacy = "backups/db-20250101T031700Z.dump"
    client = s3_bucket.client()
    client.copy_object(Bucket=s3_bucket.name, Key=legacy, CopySource=f"{s3_bucket.name}/{made}")
    client.delete_object(Bucket=s3_bucket.name, Key=made)
    with fresh_bucket(s3_server) as other:
        # No keys nor endpoint: BACKUP_URL takes them from STORAGE_URL.
        monkeypatch.setenv("BACKUP_URL", f"s3://{other.name}/nightly")
        assert main(["db", "backups", "--move"]) == 0
        err = capsys.readouterr().err
        assert (
            f"1 backup(s) of environment 'local' moved from s3://{s3_bucket.name}/backups/" in err
        )
        assert _keys(s3_bucket) == [] and _keys(other) == [f"nightly/{legacy.rpartition('/')[2]}"]
        assert main(["db", "backup"]) == 0
        assert "lie among the media" not in capsys.readouterr().err
        assert len(_keys(other)) == 2 and _keys(s3_bucket) == []
        assert main(["db", "restore", "latest", "--yes"]) == 0


def test_backup_url_may_not_overlap_the_media(s3_bucket: S3Bucket) -> None:
    for media, backups in (("", "elsewhere"), ("/media", ""), ("/media", "media/backups")):
        url = s3_bucket.storage_url.replace("?", f"{media}?", 1)
        with pytest.raises(ConfigurationError, match="^BACKUP_URL: .* overlaps the media in"):
            backup_place(parse_storage_url(url), f"s3://{s3_bucket.name}/{backups}")
    url = s3_bucket.storage_url.replace("?", "/media?", 1)
    place = backup_place(parse_storage_url(url), f"s3://{s3_bucket.name}/backups")
    assert (place.prefix, place.among_media) == ("backups/", False)
