"""Media URLs are presigned (with the configured lifetime) or public, as STORAGE_URL says."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import requests
from django.core.files.base import ContentFile
from storages.backends.s3 import S3Storage

from berth.config.dsn.storage import parse_storage_url


def storage_for(url: str) -> S3Storage:
    return S3Storage(**parse_storage_url(url).options)


def test_presigned_urls_expire_as_configured(s3_bucket: Any) -> None:
    storage = storage_for(s3_bucket.storage_url + "&expire=120")
    name = storage.save("photos/cat.txt", ContentFile(b"meow"))
    url = storage.url(name)
    query = parse_qs(urlsplit(url).query)
    assert query["X-Amz-Expires"] == ["120"]
    assert "X-Amz-Signature" in query
    assert url.startswith(s3_bucket.endpoint_url)
    assert requests.get(url, timeout=10).content == b"meow"


def test_unsigned_urls_carry_no_signature(s3_bucket: Any) -> None:
    storage = storage_for(s3_bucket.storage_url + "&signed=0")
    name = storage.save("photos/dog.txt", ContentFile(b"woof"))
    assert urlsplit(storage.url(name)).query == ""


def test_two_uploads_of_one_name_keep_both(s3_bucket: Any) -> None:
    storage = storage_for(s3_bucket.storage_url)
    first = storage.save("photos/same.txt", ContentFile(b"one"))
    second = storage.save("photos/same.txt", ContentFile(b"two"))
    assert first != second
    with storage.open(first) as handle:
        assert handle.read() == b"one"


def test_prefix_keeps_keys_under_it(s3_bucket: Any) -> None:
    url = s3_bucket.storage_url.replace(f"@{s3_bucket.name}", f"@{s3_bucket.name}/site/media", 1)
    storage = storage_for(url)
    storage.save("a.txt", ContentFile(b"a"))
    keys = [o["Key"] for o in s3_bucket.client().list_objects_v2(Bucket=s3_bucket.name)["Contents"]]
    assert keys == ["site/media/a.txt"]
