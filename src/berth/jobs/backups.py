"""Database dumps in the bucket of STORAGE_URL: dated keys, and a retention count.

The dump itself is pg_dump's (run where its version matches the server, e.g. the postgres
image in the generated CronJob); berth only files it away and prunes the old ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from berth.config.dsn.storage import S3_BACKEND, parse_storage_url
from berth.config.s3_client import s3_client
from berth.errors import ConfigurationError

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

__all__ = ["BACKUP_PREFIX", "Bucket", "backup_key", "prune_backups", "upload_backup"]

BACKUP_PREFIX = "backups/"
# Only keys of this shape are ever deleted: nothing else in the bucket is a backup of ours.
_KEY = re.compile(r"db-\d{8}T\d{6}Z\.dump")


@dataclass(frozen=True)
class Bucket:
    """A bucket and a client for it, from a ``STORAGE_URL``."""

    name: str
    client: S3Client

    @classmethod
    def from_storage_url(cls, url: str) -> Bucket:
        config = parse_storage_url(url)
        if config.backend != S3_BACKEND:
            raise ConfigurationError(
                "STORAGE_URL", "backups go to object storage: it must be an s3:// URL"
            )
        return cls(config.options["bucket_name"], s3_client(config.options))


def backup_key(when: datetime, prefix: str = BACKUP_PREFIX) -> str:
    """``backups/db-20250101T031700Z.dump``: keys sort by time."""
    return f"{prefix}db-{when.astimezone(UTC):%Y%m%dT%H%M%SZ}.dump"


def upload_backup(
    bucket: Bucket, dump: Path, when: datetime | None = None, prefix: str = BACKUP_PREFIX
) -> str:
    """Upload ``dump`` under a dated key (never public: no ACL is given) and return the key."""
    key = backup_key(when or datetime.now(UTC), prefix)
    bucket.client.upload_file(str(dump), bucket.name, key)
    return key


def prune_backups(bucket: Bucket, keep: int, prefix: str = BACKUP_PREFIX) -> list[str]:
    """Delete all but the newest ``keep`` backups under ``prefix``; return the deleted keys."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    keys = []
    paginator = bucket.client.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=bucket.name, Prefix=prefix):
        for entry in page.get("Contents", []):
            if _KEY.fullmatch(entry["Key"][len(prefix) :]):
                keys.append(entry["Key"])
    old = sorted(keys)[:-keep]
    for key in old:
        bucket.client.delete_object(Bucket=bucket.name, Key=key)
    return old
