"""Database backups in object storage: dated keys under a prefix that no media command reaches.

``berth db backup`` (the nightly job) streams a berth dump into the backup location and prunes
old ones; ``berth db backups`` lists them and ``berth db restore latest`` restores the newest.
:func:`backup_place` alone says where an environment's backups are: ``BACKUP_URL`` when set,
else ``backups/`` beside the media in STORAGE_URL's bucket (``backups/PREFIX/`` when the media
are under ``PREFIX/``). Only a storage whose media fill the whole bucket has its backups among
them; the media stores then leave ``backups/`` out (:func:`backups_in_media`) and berth
suggests the one command that moves them out. A backup's object appears only once its dump
ended well, and the location is checked not to be readable anonymously before any byte goes up.
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
    "BackupPlace",
    "Bucket",
    "backup_key",
    "among_media_warning",
    "backup_place",
    "backups_in_media",
    "check_private",
    "list_backups",
    "move_backups",
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
# What BACKUP_URL takes from STORAGE_URL when it does not say: how to reach the service.
_CONNECTION = (
    "access_key",
    "secret_key",
    "endpoint_url",
    "region_name",
    "addressing_style",
    "signature_version",
)


class BackupError(BerthError):
    """A backup could not be stored, found or read."""


@dataclass(frozen=True)
class BackupPlace:
    """Where an environment's backups are: a bucket, a key prefix, and how to reach them."""

    options: dict[str, Any]
    bucket: str
    prefix: str
    among_media: bool
    """The media fill the bucket, so ``backups/`` lies among them (a layout of older berths)."""

    def describe(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}"


def backup_place(storage: StorageConfig, backup_url: str | None = None) -> BackupPlace:
    """Where the backups of the environment with these ``STORAGE_URL`` and ``BACKUP_URL`` are."""
    media = _s3_options(storage, "STORAGE_URL")
    location = str(media.get("location") or "").strip("/")
    if not backup_url:
        prefix = f"{BACKUP_PREFIX}{location}/" if location else BACKUP_PREFIX
        return BackupPlace(media, media["bucket_name"], prefix, among_media=not location)
    given = _s3_options(parse_storage_url(backup_url, "BACKUP_URL"), "BACKUP_URL")
    own = {key: given[key] for key in _CONNECTION if key in given}
    if "access_key" in given:
        connection = own
    else:
        connection = {key: media[key] for key in _CONNECTION if key in media} | own
    bucket = str(given["bucket_name"])
    folder = str(given.get("location") or "").strip("/")
    prefix = f"{folder}/" if folder else ""
    if bucket == media["bucket_name"] and connection.get("endpoint_url") == media.get(
        "endpoint_url"
    ):
        media_prefix = f"{location}/" if location else ""
        if prefix.startswith(media_prefix) or media_prefix.startswith(prefix):
            raise ConfigurationError(
                "BACKUP_URL",
                f"s3://{bucket}/{prefix} overlaps the media in s3://{bucket}/{media_prefix}: "
                "give another bucket, or a prefix beside the media",
            )
    return BackupPlace({**connection, "bucket_name": bucket}, bucket, prefix, among_media=False)


def _s3_options(config: StorageConfig, variable: str) -> dict[str, Any]:
    if config.backend not in (S3_BACKEND, PROXIED_S3_BACKEND):
        raise ConfigurationError(variable, "backups go to object storage: it must be an s3:// URL")
    return config.options


def backups_in_media(bucket: str, location: str) -> str | None:
    """The folder of a media location (``location`` in ``bucket``) that media commands skip.

    ``backups/`` for media that fill their bucket, where older berths filed the backups; None
    for media under a prefix, whose backups are beside them. Media cannot live inside
    ``backups/``: that location is refused.
    """
    prefix = location.strip("/") + "/" if location.strip("/") else ""
    if prefix.startswith(BACKUP_PREFIX):
        raise BackupError(
            f"s3://{bucket}/{prefix} is inside {BACKUP_PREFIX}, where berth keeps database backups: media cannot live there"
        )
    return None if prefix else BACKUP_PREFIX


@dataclass(frozen=True)
class Bucket:
    """A backup location opened: its bucket, key prefix and a client (the caller closes it)."""

    name: str
    client: S3Client
    prefix: str = BACKUP_PREFIX
    options: dict[str, Any] | None = None
    among_media: bool = False

    @classmethod
    def from_storage_url(cls, url: str, backup_url: str | None = None) -> Bucket:
        return cls.from_config(parse_storage_url(url), backup_url)

    @classmethod
    def from_config(cls, config: StorageConfig, backup_url: str | None = None) -> Bucket:
        return cls.at(backup_place(config, backup_url))

    @classmethod
    def at(cls, place: BackupPlace) -> Bucket:
        client = s3_client(place.options)
        return cls(place.bucket, client, place.prefix, place.options, place.among_media)

    def describe(self) -> str:
        return f"s3://{self.name}/{self.prefix}"


def among_media_warning(where: str, environment: str | None) -> str:
    """The one line saying that backups (in ``where``) lie among the media, and the command
    that moves them out."""
    return (
        f"backups in {where} lie among the media, which fill the bucket (media "
        "commands skip them, a policy making the media public would not): set BACKUP_URL to a "
        f"place outside the media, then run: berth db backups {environment or 'ENVIRONMENT'} --move"
    )


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
    upload_id: str | None = None
    try:
        upload_id = client.create_multipart_upload(
            Bucket=bucket.name, Key=key, ContentType="application/octet-stream"
        )["UploadId"]
        parts = _upload_parts(bucket, key, upload_id, stream)
        finished()
        client.complete_multipart_upload(
            Bucket=bucket.name, Key=key, UploadId=upload_id, MultipartUpload={"Parts": parts}
        )
    except BaseException:
        with contextlib.suppress(Exception):
            _abort_uploads(bucket, key, upload_id)
        raise
    return key


def _abort_uploads(bucket: Bucket, key: str, upload_id: str | None) -> None:
    """Abort the upload of ``key``; when its id never arrived, every unfinished one of ``key``.

    A Ctrl-C while the server answered the upload's creation left it unfinished, parts and
    all, with no id to abort it by. The key is this backup's own dated name.
    """
    if upload_id is None:
        answer = bucket.client.list_multipart_uploads(Bucket=bucket.name, Prefix=key)
        ids = [upload["UploadId"] for upload in answer.get("Uploads", []) if upload["Key"] == key]
    else:
        ids = [upload_id]
    for found in ids:
        bucket.client.abort_multipart_upload(Bucket=bucket.name, Key=key, UploadId=found)


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
        raise BackupError(f"no backups under {bucket.describe()}")
    if name == "latest":
        chosen = backups[-1]
    else:
        matches = [backup for backup in backups if name in (backup.key, backup.name)]
        if not matches:
            raise BackupError(
                f"no backup {name!r} under {bucket.describe()} (berth db backups lists them)"
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
        f"{bucket.describe()} is readable without credentials: nothing was uploaded; make it private (a bucket policy that makes media public must not cover it)"
    )


def prune_backups(bucket: Bucket, keep: int) -> list[str]:
    """Delete all but the newest ``keep`` backups under the bucket's prefix; return the deleted keys."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    old = [backup.key for backup in list_backups(bucket)][:-keep]
    for key in old:
        bucket.client.delete_object(Bucket=bucket.name, Key=key)
    return old


def move_backups(source: Bucket, target: Bucket, say: Callable[[str], None]) -> int:
    """Move every backup of ``source`` into ``target``; return how many moved.

    Each is copied, its copy checked, and only then deleted: an interrupted move leaves a
    backup in both places, and a rerun finishes it.
    """
    check_private(target)
    moved = 0
    same_service = all(
        (source.options or {}).get(key) == (target.options or {}).get(key) for key in _CONNECTION
    )
    there = {backup.name: backup.size for backup in list_backups(target)}
    for backup in list_backups(source):
        key = target.prefix + backup.name
        if there.get(backup.name) != backup.size:
            if same_service:
                copy_source = {"Bucket": source.name, "Key": backup.key}
                target.client.copy(copy_source, target.name, key)  # type: ignore[arg-type]
            else:
                body = source.client.get_object(Bucket=source.name, Key=backup.key)["Body"]
                with body:
                    upload_backup_stream(target, body, when=_when(backup.name))  # type: ignore[arg-type]
            size = target.client.head_object(Bucket=target.name, Key=key)["ContentLength"]
            if size != backup.size:
                raise BackupError(
                    f"copy of {backup.name} in {target.describe()} has {size} bytes, not {backup.size}: nothing deleted"
                )
        source.client.delete_object(Bucket=source.name, Key=backup.key)
        say(f"moved {backup.name} to {target.describe()}")
        moved += 1
    return moved


def _when(name: str) -> datetime:
    return datetime.strptime(name, "db-%Y%m%dT%H%M%SZ.dump").replace(tzinfo=UTC)
