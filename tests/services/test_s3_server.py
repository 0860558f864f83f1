"""The local S3 server (rclone), against the real binary, with boto3 and django-storages."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import boto3
import psutil  # type: ignore[import-untyped]
import pytest
import requests
from botocore.config import Config
from botocore.exceptions import ClientError
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import override_settings
from storages.backends.s3 import S3Storage
from tests.processes import REPO, free_port

from berth.config.dsn.storage import parse_storage_url
from berth.errors import ServiceError
from berth.services.s3 import S3Server, find_rclone

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

MiB = 1 << 20


@pytest.fixture
def client(rclone_server: S3Server) -> Iterator[S3Client]:
    client = rclone_server.client()
    yield client
    client.close()


def _code(error: ClientError) -> tuple[int, str]:
    return error.response["ResponseMetadata"]["HTTPStatusCode"], error.response["Error"]["Code"]


def test_find_rclone_prefers_the_virtualenvs_binary() -> None:
    assert find_rclone() == Path(sys.executable).parent / "rclone"


def test_find_rclone_tells_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ServiceError, match=r"pip install 'django-berth\[local\]'"):
        find_rclone()


def test_listing_with_prefix_and_delimiter(client: S3Client, rclone_bucket: str) -> None:
    for key in ("a.txt", "d1/x.txt", "d1/y.txt", "d1/sub/z.txt", "d2/w.txt"):
        client.put_object(Bucket=rclone_bucket, Key=key, Body=key.encode())
    top = client.list_objects_v2(Bucket=rclone_bucket, Delimiter="/")
    assert [entry["Key"] for entry in top["Contents"]] == ["a.txt"]
    assert [entry["Prefix"] for entry in top["CommonPrefixes"]] == ["d1/", "d2/"]
    inner = client.list_objects_v2(Bucket=rclone_bucket, Prefix="d1/", Delimiter="/")
    assert [entry["Key"] for entry in inner["Contents"]] == ["d1/x.txt", "d1/y.txt"]
    assert [entry["Prefix"] for entry in inner["CommonPrefixes"]] == ["d1/sub/"]
    flat = client.list_objects_v2(Bucket=rclone_bucket, Prefix="d1/")
    assert [entry["Key"] for entry in flat["Contents"]] == [
        "d1/sub/z.txt",
        "d1/x.txt",
        "d1/y.txt",
    ]


def test_listing_pages_with_max_keys(client: S3Client, rclone_bucket: str) -> None:
    keys = [f"page/{index:02d}.txt" for index in range(7)]
    for key in keys:
        client.put_object(Bucket=rclone_bucket, Key=key, Body=b"x")
    first = client.list_objects_v2(Bucket=rclone_bucket, MaxKeys=3)
    assert first["IsTruncated"]
    assert [entry["Key"] for entry in first["Contents"]] == keys[:3]
    second = client.list_objects_v2(
        Bucket=rclone_bucket, MaxKeys=3, ContinuationToken=first["NextContinuationToken"]
    )
    assert [entry["Key"] for entry in second["Contents"]] == keys[3:6]
    pages = client.get_paginator("list_objects_v2").paginate(
        Bucket=rclone_bucket, PaginationConfig={"PageSize": 3}
    )
    seen = [[entry["Key"] for entry in page["Contents"]] for page in pages]
    assert seen == [keys[:3], keys[3:6], keys[6:]]


def test_multipart_upload_of_three_parts(client: S3Client, rclone_bucket: str) -> None:
    parts = [bytes([index]) * (5 * MiB) for index in range(3)]
    upload = client.create_multipart_upload(Bucket=rclone_bucket, Key="big/file.bin")
    done = [
        {
            "PartNumber": number,
            "ETag": client.upload_part(
                Bucket=rclone_bucket,
                Key="big/file.bin",
                UploadId=upload["UploadId"],
                PartNumber=number,
                Body=part,
            )["ETag"],
        }
        for number, part in enumerate(parts, start=1)
    ]
    client.complete_multipart_upload(
        Bucket=rclone_bucket,
        Key="big/file.bin",
        UploadId=upload["UploadId"],
        MultipartUpload={"Parts": done},  # type: ignore[typeddict-item]
    )
    body = client.get_object(Bucket=rclone_bucket, Key="big/file.bin")["Body"].read()
    assert body == b"".join(parts)


def test_ranged_gets(rclone_server: S3Server, client: S3Client, rclone_bucket: str) -> None:
    client.put_object(Bucket=rclone_bucket, Key="digits", Body=b"0123456789")
    # rclone sends the whole object's CRC32 (the one boto3 uploaded) with a partial answer,
    # which botocore's default response validation rejects (docs/local-services.md).
    ranged = boto3.client(
        "s3",
        endpoint_url=rclone_server.endpoint_url,
        aws_access_key_id=rclone_server.access_key,
        aws_secret_access_key=rclone_server.secret_key,
        region_name="us-east-1",
        config=Config(
            s3={"addressing_style": "path"}, response_checksum_validation="when_required"
        ),
    )
    try:
        for requested, expected, content_range in [
            ("bytes=2-4", b"234", "bytes 2-4/10"),
            ("bytes=7-", b"789", "bytes 7-9/10"),
            ("bytes=-2", b"89", "bytes 8-9/10"),
        ]:
            answer = ranged.get_object(Bucket=rclone_bucket, Key="digits", Range=requested)
            # rclone answers 200, not 206, though with the partial body and Content-Range.
            assert answer["ContentRange"] == content_range
            assert answer["Body"].read() == expected
    finally:
        ranged.close()


def test_metadata_and_content_type_round_trip(client: S3Client, rclone_bucket: str) -> None:
    client.put_object(
        Bucket=rclone_bucket,
        Key="picture.bin",
        Body=b"\x89PNG",
        ContentType="image/png",
        Metadata={"owner": "ada"},
    )
    head = client.head_object(Bucket=rclone_bucket, Key="picture.bin")
    assert head["ContentType"] == "image/png"
    # rclone capitalises metadata names as Go does HTTP headers: Owner, where AWS says owner.
    assert {name.lower(): value for name, value in head["Metadata"].items()} == {"owner": "ada"}
    assert head["ContentLength"] == 4


def test_missing_keys_are_404(client: S3Client, rclone_bucket: str) -> None:
    with pytest.raises(ClientError) as head:
        client.head_object(Bucket=rclone_bucket, Key="nothing/here.txt")
    assert _code(head.value)[0] == 404
    with pytest.raises(ClientError) as get:
        client.get_object(Bucket=rclone_bucket, Key="nothing/here.txt")
    assert _code(get.value) == (404, "NoSuchKey")


def test_deletes_leave_no_folder_behind(
    rclone_server: S3Server, client: S3Client, rclone_bucket: str
) -> None:
    keys = [f"deep/{index % 3}/nested/{index}.txt" for index in range(9)]
    for key in keys:
        client.put_object(Bucket=rclone_bucket, Key=key, Body=b"x")
    client.delete_object(Bucket=rclone_bucket, Key=keys[0])
    client.delete_objects(
        Bucket=rclone_bucket, Delete={"Objects": [{"Key": key} for key in keys[1:]]}
    )
    assert "Contents" not in client.list_objects_v2(Bucket=rclone_bucket)
    # Empty folders would both show as prefixes and make DeleteBucket fail (BucketNotEmpty).
    assert "CommonPrefixes" not in client.list_objects_v2(Bucket=rclone_bucket, Delimiter="/")
    assert list((rclone_server.objects_dir / rclone_bucket).iterdir()) == []


def test_create_bucket_is_idempotent(rclone_server: S3Server, rclone_bucket: str) -> None:
    rclone_server.create_bucket(rclone_bucket)
    assert (rclone_server.objects_dir / rclone_bucket).is_dir()


def test_a_wrong_secret_is_refused(rclone_server: S3Server, rclone_bucket: str) -> None:
    for access_key, secret_key, expected in [
        (rclone_server.access_key, "not-the-secret", "SignatureDoesNotMatch"),
        ("BERTHUNKNOWNKEY00000", rclone_server.secret_key, "InvalidAccessKeyId"),
    ]:
        intruder = boto3.client(
            "s3",
            endpoint_url=rclone_server.endpoint_url,
            aws_access_key_id=access_key,
            aws_secret_access_key=secret_key,
            region_name="us-east-1",
            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 1}),
        )
        try:
            with pytest.raises(ClientError) as refused:
                intruder.list_objects_v2(Bucket=rclone_bucket)
            assert _code(refused.value) == (403, expected)
        finally:
            intruder.close()


def test_objects_and_credentials_survive_a_restart(tmp_path: Path) -> None:
    data_dir = tmp_path / "s3"
    with S3Server(data_dir, free_port()) as server:
        server.create_bucket("media")
        url = server.storage_url("media")
        client = server.client()
        client.put_object(Bucket="media", Key="kept/photo.jpg", Body=b"still here")
        client.close()
        pid = server.pid
    assert not psutil.pid_exists(pid)
    credentials = data_dir / "berth-credentials.json"
    assert credentials.stat().st_mode & 0o777 == 0o600
    assert set(json.loads(credentials.read_text())) == {"access_key", "secret_key"}
    # A new launcher, as after a reboot: nothing in memory, only the data folder.
    with S3Server(data_dir, free_port()) as again:
        assert again.storage_url("media").split("@")[0] == url.split("@")[0]
        client = again.client()
        body = client.get_object(Bucket="media", Key="kept/photo.jpg")["Body"].read()
        client.close()
    assert body == b"still here"
    assert "Starting s3 server" in (data_dir / "rclone.log").read_text()


def test_explicit_keys_replace_the_kept_ones(tmp_path: Path) -> None:
    first = S3Server(tmp_path, free_port())
    generated = first.access_key
    assert generated.startswith("BERTH") and len(generated) == 20
    chosen = S3Server(tmp_path, free_port(), access_key="MYKEY12345", secret_key="s3cr3t-value")
    assert (chosen.access_key, chosen.secret_key) == ("MYKEY12345", "s3cr3t-value")
    with chosen:
        client = chosen.client()
        assert client.list_buckets()["Buckets"] == []
        client.close()
    assert S3Server(tmp_path, free_port()).secret_key == "s3cr3t-value"
    assert "s3cr3t-value" not in repr(chosen)
    with pytest.raises(ServiceError, match="without commas"):
        S3Server(tmp_path, free_port(), access_key="a,b")


def test_a_taken_port_is_reported(rclone_server: S3Server, tmp_path: Path) -> None:
    with pytest.raises(ServiceError, match=f"port {rclone_server.port} .* already in use"):
        S3Server(tmp_path, rclone_server.port).start()


def test_a_server_that_does_not_start_is_reported_with_its_log(tmp_path: Path) -> None:
    broken = tmp_path / "rclone"
    broken.write_text("#!/bin/sh\necho 'Failed to serve: the disk is on fire' >&2\nexit 7\n")
    broken.chmod(0o755)
    server = S3Server(tmp_path / "data", free_port(), binary=broken)
    with pytest.raises(ServiceError) as failure:
        server.start(timeout=5)
    message = str(failure.value)
    assert message.startswith(f"S3 server (rclone) in {tmp_path / 'data'} exited with code 7")
    assert "the disk is on fire" in message
    assert server.secret_key not in message
    assert not server.is_running()


def test_the_server_dies_with_a_killed_parent(tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from berth.services.s3 import S3Server\n"
        "server = S3Server(Path(sys.argv[1]), int(sys.argv[2])); server.start()\n"
        "print(server.pid, flush=True); sys.stdin.read()\n"
    )
    with subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path), str(free_port())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=REPO,
    ) as parent:
        assert parent.stdout is not None
        rclone = psutil.Process(int(parent.stdout.readline()))
        assert rclone.name() == "rclone"
        os.kill(parent.pid, signal.SIGKILL)
    # The kernel sends rclone SIGTERM (PR_SET_PDEATHSIG). Orphaned, it may stay a zombie
    # where nobody reaps orphans (a container's PID 1), which is as good as gone.
    deadline = time.monotonic() + 10
    while _alive(rclone) and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not _alive(rclone)


def _alive(process: psutil.Process) -> bool:
    try:
        return bool(process.status() != psutil.STATUS_ZOMBIE)
    except psutil.NoSuchProcess:
        return False


def test_storage_url_gives_a_working_django_storages_config(
    rclone_server: S3Server, rclone_bucket: str
) -> None:
    config = parse_storage_url(rclone_server.storage_url(rclone_bucket))
    assert config.options["endpoint_url"] == rclone_server.endpoint_url
    assert config.options["addressing_style"] == "path"
    assert config.media_url == f"{rclone_server.endpoint_url}/{rclone_bucket}/"
    storage = S3Storage(**config.storages_entry["OPTIONS"])
    # 15 MiB: above boto3's multipart threshold both ways, so ranged GETs bring it back.
    large = os.urandom(15 * MiB)
    name = storage.save("large/blob.bin", ContentFile(large))
    with storage.open(name, "rb") as stored:
        assert stored.read() == large


def test_concurrent_uploads_into_one_folder_all_succeed(
    rclone_server: S3Server, rclone_bucket: str
) -> None:
    config = parse_storage_url(rclone_server.storage_url(rclone_bucket))
    storage = S3Storage(**config.storages_entry["OPTIONS"])
    everyone_connected = threading.Barrier(20, timeout=60)

    def upload(index: int) -> str:
        # Each thread makes its own boto3 session first (slow), so that the uploads overlap.
        storage.connection  # noqa: B018
        everyone_connected.wait()
        name: str = storage.save(f"uploads/file-{index}.txt", ContentFile(f"up {index}".encode()))
        return name

    with ThreadPoolExecutor(max_workers=20) as pool:
        names = list(pool.map(upload, range(20)))
    assert sorted(names) == sorted(f"uploads/file-{index}.txt" for index in range(20))
    for index, name in enumerate(names):
        with storage.open(name) as stored:
            assert stored.read() == f"up {index}".encode()


def test_default_storage_from_the_storage_url(rclone_server: S3Server, rclone_bucket: str) -> None:
    config = parse_storage_url(rclone_server.storage_url(rclone_bucket))
    with override_settings(STORAGES={**settings.STORAGES, "default": config.storages_entry}):
        first = default_storage.save("notes/hello.txt", ContentFile(b"hello"))
        second = default_storage.save("notes/hello.txt", ContentFile(b"hello again"))
        assert first == "notes/hello.txt"
        assert second != first and second.startswith("notes/hello_")
        assert default_storage.exists(second)
        with default_storage.open(second) as stored:
            assert stored.read() == b"hello again"
        url = default_storage.url(first)
        assert url.startswith(f"{config.media_url}notes/hello.txt?")
        response = requests.get(url, timeout=5)
        assert (response.status_code, response.content) == (200, b"hello")
        default_storage.delete(first)
        assert not default_storage.exists(first)
        assert default_storage.exists(second)


def test_stop_leaves_no_process(tmp_path: Path) -> None:
    server = S3Server(tmp_path, free_port())
    server.start()
    pid = server.pid
    assert pid is not None
    server.stop()
    server.stop()
    assert not server.is_running()
    assert not psutil.pid_exists(pid)
    server.start()
    assert server.is_running()
    server.stop()
