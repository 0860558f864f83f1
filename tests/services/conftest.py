"""A real ``rclone serve s3`` for the S3 launcher's tests, started once per session."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from tests.processes import free_port

from berth.services.s3 import S3Server

if TYPE_CHECKING:
    from mypy_boto3_s3.type_defs import ObjectIdentifierTypeDef


@pytest.fixture(scope="session")
def rclone_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    """rclone serving a temporary folder; tests that stop a server start their own."""
    with S3Server(tmp_path_factory.mktemp("rclone") / "data", free_port()) as server:
        yield server


@pytest.fixture
def rclone_bucket(rclone_server: S3Server) -> Iterator[str]:
    """A new bucket on ``rclone_server``, emptied and deleted after the test."""
    name = f"test-{uuid.uuid4().hex[:16]}"
    rclone_server.create_bucket(name)
    yield name
    empty_and_delete_bucket(rclone_server, name)


def empty_and_delete_bucket(server: S3Server, name: str) -> None:
    # rclone has no ListObjectVersions, which the moto fixtures' clean-up uses.
    client = server.client()
    try:
        for page in client.get_paginator("list_objects_v2").paginate(Bucket=name):
            objects: list[ObjectIdentifierTypeDef] = [
                {"Key": entry["Key"]} for entry in page.get("Contents", [])
            ]
            if objects:
                client.delete_objects(Bucket=name, Delete={"Objects": objects})
        client.delete_bucket(Bucket=name)
    finally:
        client.close()
