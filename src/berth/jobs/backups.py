"""Database backups in the bucket of STORAGE_URL: dated keys under a prefix nothing else deletes.

``berth db backup`` (the nightly job) streams a berth dump into ``backups/`` and prunes old
ones; ``berth db backups`` lists them and ``berth db restore latest`` restores the newest.
Backups sit beside the media rather than among them: ``backups/`` at the bucket's root, or
``backups/PREFIX/`` when the storage keeps its media under ``PREFIX/``, so that neither
``berth_orphans`` (which walks the media) nor a public-read policy on the media's prefix
reaches them. A backup's object appears only once its dump ended well; the prefix is checked not to be
readable anonymously before any byte goes up (they are uploaded without an ACL).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from berth.config.dsn.storage import (
    PROXIED_S3_BACKEND,
    S3_BACKEND,
    StorageConfig,
    parse_storage_url,
)
from berth.config.s3_client import s3_client
from berth.errors import BerthError, ConfigurationError

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import CompletedPartTypeDef

__all__ = [
    "BACKUP_PREFIX",
    "Backup",
    "BackupError",
    "Bucket",
    "backup_key",
    "check_private",
    "list_backups",
    "open_backup",
    "prune_backups",
    "upload_backup",
    "upload_backup_stream",
]

BACKUP_PREFIX = "backups/"
# Only keys of this shape are ever deleted: nothing else in the bucket is a backup of ours.
_KEY = re.compile(r"db-\d{8}T\d{6}Z\.dump")
# Streamed uploads are multipart; 16 MB parts keep memory bounded and a 160 GB dump in
# S3's 10,000 parts.
_PART_SIZE = 16 << 20
# Parts in flight while the next one is read: the dump goes on while a part uploads.
_PARTS_AT_ONCE = 2
# Put where a backup goes and named like one (a policy on "*.dump" covers it too), but never
# matching _KEY: the privacy probe is no backup, whatever happens to it.
_PROBE = "db-privacy-probe.dump"


class BackupError(BerthError):
    """A backup could not be stored, found or read."""


@dataclass(frozen=True)
class Bucket:
    """A bucket, where its backups go in it, and a client for it, from a ``STORAGE_URL``."""

    name: str
    client: S3Client
    prefix: str = BACKUP_PREFIX
    options: dict[str, Any] | None = None

    @classmethod
    def from_storage_url(cls, url: str) -> Bucket:
        return cls.from_config(parse_storage_url(url))

    @classmethod
    def from_config(cls, config: StorageConfig) -> Bucket:
        if config.backend not in (S3_BACKEND, PROXIED_S3_BACKEND):
            raise ConfigurationError(
                "STORAGE_URL", "backups go to object storage: it must be an s3:// URL"
            )
        location = str(config.options.get("location") or "").strip("/")
        prefix = f"{BACKUP_PREFIX}{location}/" if location else BACKUP_PREFIX
        return cls(config.options["bucket_name"], s3_client(config.options), prefix, config.options)


@dataclass(frozen=True)
class Backup:
    key: str
    size: int
    modified: datetime

    @property
    def name(self) -> str:
        return self.key.rpartition("/")[2]


def backup_key(when: datetime, prefix: str = BACKUP_PREFIX) -> str:
    """``backups/db-20250101T031700Z.dump``: keys sort by time."""
    return f"{prefix}db-{when.astimezone(UTC):%Y%m%dT%H%M%SZ}.dump"


def upload_backup(bucket: Bucket, dump: Path, when: datetime | None = None) -> str:
    """Upload the file ``dump`` as a backup (never public: no ACL is given); return its key."""
    with dump.open("rb") as stream:
        return upload_backup_stream(bucket, stream, when=when)


def upload_backup_stream(
    bucket: Bucket,
    stream: IO[bytes],
    finished: Callable[[], None] = lambda: None,
    when: datetime | None = None,
) -> str:
    """Upload a dump as it is made, in parts (no file in between); return its key.

    The object appears under its name only when the upload completes, which waits for
    ``finished()`` (the producer's exit check): a dump that failed half-way is aborted, and
    no backup, restorable or counted by ``--keep``, is left behind. A killed upload leaves
    an incomplete multipart upload, which has no name and is never listed.
    """
    key = backup_key(when or datetime.now(UTC), bucket.prefix)
    client = bucket.client
    upload_id = client.create_multipart_upload(
        Bucket=bucket.name, Key=key, ContentType="application/octet-stream"
    )["UploadId"]
    try:
        parts = _upload_parts(bucket, key, upload_id, stream)
        finished()
        client.complete_multipart_upload(
            Bucket=bucket.name, Key=key, UploadId=upload_id, MultipartUpload={"Parts": parts}
        )
    except BaseException:
        with contextlib.suppress(Exception):
            client.abort_multipart_upload(Bucket=bucket.name, Key=key, UploadId=upload_id)
        raise
    return key


def _upload_parts(
    bucket: Bucket, key: str, upload_id: str, stream: IO[bytes]
) -> list[CompletedPartTypeDef]:
    def send(number: int, data: bytes) -> CompletedPartTypeDef:
        answer = bucket.client.upload_part(
            Bucket=bucket.name, Key=key, UploadId=upload_id, PartNumber=number, Body=data
        )
        return {"PartNumber": number, "ETag": answer["ETag"]}

    futures: list[concurrent.futures.Future[CompletedPartTypeDef]] = []
    with concurrent.futures.ThreadPoolExecutor(_PARTS_AT_ONCE) as pool:
        # Part 1 is sent even when empty: an upload needs one part.
        while (data := _read_part(stream)) or not futures:
            if len(futures) >= _PARTS_AT_ONCE:
                futures[-_PARTS_AT_ONCE].result()  # memory: a few parts, not the dump
            futures.append(pool.submit(send, len(futures) + 1, data))
            if not data:
                break
        return [future.result() for future in futures]


def _read_part(stream: IO[bytes]) -> bytes:
    chunks = []
    wanted = _PART_SIZE
    while wanted and (chunk := stream.read(wanted)):
        chunks.append(chunk)
        wanted -= len(chunk)
    return b"".join(chunks)


def list_backups(bucket: Bucket) -> list[Backup]:
    """The backups under the bucket's prefix, oldest first."""
    prefix = bucket.prefix
    found = []
    paginator = bucket.client.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=bucket.name, Prefix=prefix):
        for entry in page.get("Contents", []):
            if _KEY.fullmatch(entry["Key"][len(prefix) :]):
                found.append(Backup(entry["Key"], entry["Size"], entry["LastModified"]))
    return sorted(found, key=lambda backup: backup.key)


def open_backup(bucket: Bucket, name: str) -> tuple[Backup, IO[bytes]]:
    """``latest``, a backup's file name or its key, opened for reading."""
    backups = list_backups(bucket)
    if not backups:
        raise BackupError(f"no backups under s3://{bucket.name}/{bucket.prefix}")
    if name == "latest":
        chosen = backups[-1]
    else:
        matches = [backup for backup in backups if name in (backup.key, backup.name)]
        if not matches:
            raise BackupError(
                f"no backup {name!r} under s3://{bucket.name}/{bucket.prefix} (berth db backups lists them)"
            )
        chosen = matches[0]
    body = bucket.client.get_object(Bucket=bucket.name, Key=chosen.key)["Body"]
    return chosen, body  # type: ignore[return-value]


def check_private(bucket: Bucket) -> None:
    """Raise unless an object put where backups go, as they are put, is refused to anonymous readers.

    Checked with an empty probe object before any byte of a dump goes up: a bucket policy or
    a public-by-default store stops the backup before it could be read.
    """
    from botocore.exceptions import BotoCoreError, ClientError

    key = f"{bucket.prefix}{_PROBE}"
    bucket.client.put_object(Bucket=bucket.name, Key=key, Body=b"")
    anonymous = s3_client(bucket.options or {}, unsigned=True, attempts=1)
    try:
        anonymous.head_object(Bucket=bucket.name, Key=key)
    except (ClientError, BotoCoreError):
        return
    finally:
        anonymous.close()
        bucket.client.delete_object(Bucket=bucket.name, Key=key)
    raise BackupError(
        f"s3://{bucket.name}/{bucket.prefix} is readable without credentials: nothing was uploaded; make it private (a bucket policy that makes media public must not cover it)"
    )


def prune_backups(bucket: Bucket, keep: int) -> list[str]:
    """Delete all but the newest ``keep`` backups under the bucket's prefix; return the deleted keys."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    old = [backup.key for backup in list_backups(bucket)][:-keep]
    for key in old:
        bucket.client.delete_object(Bucket=bucket.name, Key=key)
    return old
