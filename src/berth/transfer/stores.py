"""Where media live, as a sync sees them: a store lists its objects as :class:`Entry` (what a
sync compares: size, modification time, ETag) and reads and writes one object at a time.

The two kinds: a local folder (``local_store``) and an S3 bucket with a key prefix
(``s3_store``); ``open_store`` makes the one a storage configuration names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from berth.config.dsn.storage import StorageConfig

__all__ = [
    "MULTIPART_CHUNK",
    "Entry",
    "Listing",
    "Refusal",
    "Store",
    "open_store",
]

MULTIPART_CHUNK = 8 << 20
"""Objects above this go in parts of this size: boto3's default, so ETags match its uploads."""


@dataclass(frozen=True)
class Entry:
    key: str
    size: int
    mtime: float
    """Seconds since the epoch: a file's mtime, an object's LastModified."""
    etag: str | None = None
    """An object's ETag without quotes (the MD5 of a single-part upload)."""


@dataclass(frozen=True)
class Refusal:
    key: str
    reason: str


@dataclass
class Listing:
    entries: dict[str, Entry] = field(default_factory=dict)
    refused: list[Refusal] = field(default_factory=list)


class Store:
    """A place objects live; ``describe()`` names it without secrets."""

    def describe(self) -> str:
        raise NotImplementedError

    def listing(self) -> Listing:
        raise NotImplementedError

    def delete(self, key: str) -> None:
        raise NotImplementedError

    def overlaps(self, other: Store) -> bool:
        """Whether one holds the other (or both are one place): a sync between them would
        rewrite what it reads."""
        raise NotImplementedError

    def refuses(self, key: str) -> str | None:
        """Why ``key`` may not be written here as media, if it may not."""
        return None


def open_store(config: StorageConfig, transfers: int = 16) -> Store:
    # Imported here: each kind of store builds on the types above.
    from berth.transfer.local_store import LocalStore
    from berth.transfer.s3_store import S3Store

    if config.is_local:
        return LocalStore(Path(config.options["location"]))
    return S3Store(config, transfers)
