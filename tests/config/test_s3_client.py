"""The obstore client built for bulk transfers: what it signs."""

from __future__ import annotations

import pytest

from berth.config.s3_client import obstore_store

KEYS = {"access_key": "AKIDEXAMPLE", "secret_key": "secret-example"}


@pytest.mark.parametrize(
    ("endpoint", "unsigned"),
    [
        (None, "true"),  # AWS itself: HTTPS
        ("https://minio.example:9000", "true"),
        ("http://127.0.0.1:9000", "false"),
    ],
)
def test_the_payload_is_signed_only_where_tls_does_not_protect_it(
    endpoint: str | None, unsigned: str
) -> None:
    options = {**KEYS, **({"endpoint_url": endpoint} if endpoint else {})}
    store = obstore_store(options, bucket="media")
    assert store is not None
    assert store.config.get("unsigned_payload") == unsigned
