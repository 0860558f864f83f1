"""Media in an S3 bucket under a key prefix: obstore moves the bytes, boto3 does the rest.

Listing is ListObjectsV2 alone, a thousand keys a request: an unchanged sync asks nothing per
object.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from berth.config.dsn.storage import StorageConfig
from berth.config.s3_client import obstore_store, s3_client
from berth.jobs.backups import backups_in_media
from berth.transfer.errors import TransferError
from berth.transfer.paths import UnsafeKey, checked_key
from berth.transfer.stores import MULTIPART_CHUNK, Entry, Listing, Refusal, Store
from berth.transfer.streams import CHUNK, copy_stream

if TYPE_CHECKING:
    from boto3.s3.transfer import TransferConfig
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import CopySourceTypeDef

__all__ = ["S3Store", "s3_error_message"]

# At most this many parts of one object are in flight: 4 × 8 MB bounds a large file's memory.
_PART_CONCURRENCY = 4


class S3Store(Store):
    def __init__(self, config: StorageConfig, transfers: int = 16) -> None:
        options = config.options
        self.options = options
        self.bucket = str(options["bucket_name"])
        location = str(options.get("location") or "").strip("/")
        self.prefix = f"{location}/" if location else ""
        # Backups an older berth filed among media that fill the bucket: no media command
        # lists, downloads, deletes or writes them (berth db backups --move takes them out).
        self.backups = backups_in_media(self.bucket, location)
        self.backups_skipped = 0
        self.endpoint = str(options.get("endpoint_url") or "")
        self._transfers = transfers
        self._client: S3Client | None = None
        self.default_acl = options.get("default_acl")
        # Bytes move through obstore where it can (a tenth of botocore's CPU per request:
        # docs/benchmarks.md); it sends no ACL, so a storage with acl= uploads through boto3.
        self.fast = obstore_store(options, bucket=self.bucket, prefix=location)

    @property
    def client(self) -> S3Client:
        """boto3, made on first use: a no-op sync through obstore never needs it."""
        if self._client is None:
            # A connection per transfer thread, and some for the parts of large files.
            self._client = s3_client(self.options, max_pool_connections=self._transfers + 8)
        return self._client

    def describe(self) -> str:
        return f"s3://{self.bucket}/{self.prefix}" + (
            f" on {self.endpoint}" if self.endpoint else ""
        )

    def overlaps(self, other: Store) -> bool:
        # Prefixes end with "/" (or are empty): media/ and media-copy/ are apart.
        return (
            isinstance(other, S3Store)
            and (self.endpoint, self.bucket) == (other.endpoint, other.bucket)
            and (self.prefix.startswith(other.prefix) or other.prefix.startswith(self.prefix))
        )

    def same_service(self, other: S3Store) -> bool:
        """Whether CopyObject can copy between the two: one endpoint, one set of credentials."""
        keys = ("endpoint_url", "region_name", "access_key", "secret_key", "session_profile")
        return all(self.options.get(key) == other.options.get(key) for key in keys)

    def listing(self) -> Listing:
        listing = self._listing()
        if self.backups is not None:
            media = {k: e for k, e in listing.entries.items() if not k.startswith(self.backups)}
            self.backups_skipped = len(listing.entries) - len(media)
            listing.entries = media
            listing.refused = [r for r in listing.refused if not r.key.startswith(self.backups)]
        return listing

    def refuses(self, key: str) -> str | None:
        if self.backups is not None and key.startswith(self.backups):
            return f"{self.backups} holds database backups in {self.describe()}, never media"
        return None

    def _listing(self) -> Listing:
        if self.fast is not None:
            try:
                return self._fast_listing()
            except Exception:  # obstore cannot represent every key ("a/../b"): boto3 reports each
                pass
        return self._boto_listing()

    def _fast_listing(self) -> Listing:
        import obstore

        listing = Listing()
        for batch in obstore.list(self.fast, chunk_size=1000):  # type: ignore[arg-type]
            for meta in batch:
                key = str(meta["path"])
                checked_key(key)  # obstore parses keys strictly: a bad one ends in the fallback
                etag = (meta.get("e_tag") or "").strip('"') or None
                listing.entries[key] = Entry(
                    key, int(meta["size"]), meta["last_modified"].timestamp(), etag
                )
        return listing

    def _boto_listing(self) -> Listing:
        from botocore.exceptions import BotoCoreError, ClientError

        listing = Listing()
        paginator = self.client.get_paginator("list_objects_v2")
        try:
            for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix):
                for item in page.get("Contents", []):
                    key = item["Key"][len(self.prefix) :]
                    if key.endswith("/") and item["Size"] == 0:
                        continue  # a "folder" made in a console
                    try:
                        checked_key(key)
                    except UnsafeKey as error:
                        listing.refused.append(Refusal(key, str(error)))
                        continue
                    listing.entries[key] = Entry(
                        key,
                        item["Size"],
                        item["LastModified"].timestamp(),
                        item.get("ETag", "").strip('"') or None,
                    )
        except ClientError as error:
            raise TransferError(
                f"cannot list {self.describe()}: {s3_error_message(error)}"
            ) from None
        except BotoCoreError as error:
            raise TransferError(f"cannot list {self.describe()}: {error}") from None
        return listing

    def full_key(self, key: str) -> str:
        return self.prefix + key

    def put_file(self, key: str, path: Path, size: int) -> None:
        extra = self._extra_args(key)
        if self.fast is not None and not self.default_acl:
            import obstore

            attributes = {_ATTRIBUTES[name]: value for name, value in extra.items()}
            if size <= MULTIPART_CHUNK:
                obstore.put(
                    self.fast, key, path.read_bytes(), attributes=attributes, use_multipart=False
                )
            else:
                # Parts of 8 MB, as boto3 makes them: --checksum then knows the ETag to expect.
                obstore.put(
                    self.fast,
                    key,
                    path,
                    attributes=attributes,
                    use_multipart=True,
                    chunk_size=MULTIPART_CHUNK,
                    max_concurrency=_PART_CONCURRENCY,
                )
            return
        if size <= MULTIPART_CHUNK:
            # One request, no transfer manager: its per-call set-up costs more than a small file.
            with path.open("rb") as file:
                self.client.put_object(
                    Bucket=self.bucket, Key=self.full_key(key), Body=file.read(), **extra
                )
            return
        self.client.upload_file(
            str(path), self.bucket, self.full_key(key), ExtraArgs=extra, Config=_in_parts()
        )

    def put_stream(self, key: str, stream: IO[bytes], headers: dict[str, str]) -> None:
        extra = {**self._extra_args(key), **headers}
        self.client.upload_fileobj(
            stream, self.bucket, self.full_key(key), ExtraArgs=extra, Config=_in_parts()
        )

    def _extra_args(self, key: str) -> dict[str, Any]:
        extra: dict[str, Any] = {}
        content_type, encoding = mimetypes.guess_type(key)
        extra["ContentType"] = content_type or "application/octet-stream"
        if encoding:
            extra["ContentEncoding"] = encoding
        if self.default_acl:
            extra["ACL"] = self.default_acl
        return extra

    def download(
        self, key: str, target: IO[bytes], start: int, advance: Callable[[int], None]
    ) -> int:
        """Append the object's bytes from ``start`` on to ``target``; return the size it holds then."""
        if self.fast is not None:
            import obstore

            options: Any = {"range": {"offset": start}} if start else None
            result = obstore.get(self.fast, key, options=options)
            # object_store checks that a ranged answer starts where it asked.
            if result.meta["size"] - start <= CHUNK:
                # One call for a small object where the stream takes two (its chunk, then its
                # end): each is a wait on tokio and a GIL handed to another thread and back.
                data = result.bytes()
                target.write(data)
                advance(len(data))
                return start + len(data)
            held = start
            for chunk in result.stream(min_chunk_size=CHUNK):
                target.write(chunk)
                advance(len(chunk))
                held += len(chunk)
            return held
        body, _, from_start = self.get(key, start)
        if start and not from_start:
            target.seek(0)
            target.truncate()
            start = 0
        with body:
            return start + copy_stream(body, target, advance)

    def get(self, key: str, start: int = 0) -> tuple[Any, dict[str, Any], bool]:
        """The object's body from byte ``start``, the headers worth keeping, and whether the
        body does start there (a server may ignore a Range and send it all)."""
        arguments: dict[str, Any] = {"Bucket": self.bucket, "Key": self.full_key(key)}
        if start:
            arguments["Range"] = f"bytes={start}-"
        response = self.client.get_object(**arguments)
        ranged = bool(start) and bool(response.get("ContentRange"))
        return response["Body"], _headers(response), ranged or not start

    def copy_from(self, source: S3Store, key: str, size: int) -> None:
        """Copy within the service (CopyObject, UploadPartCopy above 5 GB): no byte comes here."""
        from boto3.s3.transfer import TransferConfig

        copy_source: CopySourceTypeDef = {"Bucket": source.bucket, "Key": source.full_key(key)}
        if size < 5 << 30:
            extra: dict[str, Any] = {"ACL": self.default_acl} if self.default_acl else {}
            # MetadataDirective COPY (the default) keeps Content-Type, Cache-Control and metadata.
            self.client.copy_object(
                Bucket=self.bucket,
                Key=self.full_key(key),
                CopySource=copy_source,
                **extra,
            )
            return
        self.client.copy(
            copy_source,
            self.bucket,
            self.full_key(key),
            Config=TransferConfig(multipart_chunksize=256 << 20, max_concurrency=_PART_CONCURRENCY),
        )

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=self.full_key(key))

    def delete_many(self, keys: list[str]) -> list[Refusal]:
        """Delete ``keys`` a thousand a request (DeleteObjects); return those that failed."""
        failed = []
        for start in range(0, len(keys), 1000):
            batch = keys[start : start + 1000]
            response = self.client.delete_objects(
                Bucket=self.bucket,
                Delete={"Objects": [{"Key": self.full_key(key)} for key in batch], "Quiet": True},
            )
            for error in response.get("Errors", []):
                key = str(error.get("Key", ""))[len(self.prefix) :]
                failed.append(
                    Refusal(key, f"not deleted: {error.get('Message') or error.get('Code')}")
                )
        return failed

    def close(self) -> None:
        if self._client is not None:
            self._client.close()


# GetObject's response fields that are also upload arguments, under the same names.
_KEPT_HEADERS = (
    "ContentType",
    "CacheControl",
    "ContentEncoding",
    "ContentDisposition",
    "ContentLanguage",
    "Metadata",
)


# boto3's ExtraArgs names → obstore's attribute names.
_ATTRIBUTES = {
    "ContentType": "Content-Type",
    "CacheControl": "Cache-Control",
    "ContentEncoding": "Content-Encoding",
    "ContentDisposition": "Content-Disposition",
    "ContentLanguage": "Content-Language",
}


def _headers(response: Any) -> dict[str, Any]:
    return {name: response[name] for name in _KEPT_HEADERS if response.get(name)}


def s3_error_message(error: Any) -> str:
    """What a botocore ``ClientError`` (or any error with its ``response``) says went wrong."""
    details = error.response.get("Error", {})
    return str(details.get("Message") or details.get("Code") or error)


def _in_parts() -> TransferConfig:
    """boto3's transfers in berth's parts: the ETags a sync expects, and bounded memory."""
    from boto3.s3.transfer import TransferConfig

    return TransferConfig(
        multipart_threshold=MULTIPART_CHUNK,
        multipart_chunksize=MULTIPART_CHUNK,
        max_concurrency=_PART_CONCURRENCY,
    )
