"""Shared fixtures: a clean environment, and real PostgreSQL and S3 servers started once per session."""

from __future__ import annotations

import os
import signal
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from botocore.exceptions import ClientError
from hypothesis import settings
from tests.processes import traversable_folder
from tests.s3_server import S3Bucket, S3Server

from berth.config.variables import VARIABLES
from berth.services.postgres import PostgresServer

if TYPE_CHECKING:
    from mypy_boto3_s3.type_defs import ObjectIdentifierTypeDef

# A suite started in the background (`cmd &` in a script, nohup) inherits SIGINT ignored, and so
# would every berth the tests start: the tests that press Ctrl-C on one would wait forever. A
# handled SIGINT here is reset to the default in each child as it execs.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# `pytest --hypothesis-profile=deep`: the long run whose figures docs/reliability.md gives.
settings.register_profile("deep", max_examples=3000, deadline=None)
# Tests never depend on wall-clock speed: no per-example deadline, which a loaded machine
# turns into a "flaky" failure. Loaded here, before Hypothesis reads --hypothesis-profile.
settings.register_profile("berth", deadline=None)
settings.load_profile("berth")

# Every variable berth reads, from its registry; a developer's shell must not leak into tests.
CLEARED_VARIABLES = frozenset(variable.name for variable in VARIABLES)
CLEARED_PREFIXES = ("AWS_", "BERTH_")
# Chooses which PostgreSQL programs the tests use, so it is the machine's to set.
KEPT_VARIABLES = ("BERTH_PG_BIN", "BERTH_POSTGRES_BIN")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name in KEPT_VARIABLES:
            continue
        if name in CLEARED_VARIABLES or name.startswith(CLEARED_PREFIXES):
            monkeypatch.delenv(name)
    # Otherwise boto3 probes the EC2 metadata address for credentials, which hangs off EC2.
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A started PostgreSQL server for the whole session."""
    with postgres_folder() as folder, PostgresServer(folder / "data") as server:
        yield server


@pytest.fixture
def postgres_scratch_dir() -> Iterator[Path]:
    """An empty folder to put a test's own PostgreSQL data folders in; see ``postgres_folder``."""
    with postgres_folder() as folder:
        yield folder


@contextmanager
def postgres_folder() -> Iterator[Path]:
    """A temporary folder for PostgreSQL data, removed afterwards.

    Not under ``tmp_path``, whose parent /tmp/pytest-of-root is private (0700): root runs the
    server as another account, which must enter every folder on the way. The test opens its
    own folder to it; berth itself never changes a folder's mode.
    """
    with traversable_folder("berth-test-pg-") as folder:
        yield folder


@contextmanager
def fresh_database(server: PostgresServer) -> Iterator[str]:
    """``postgres://`` URL, password included, of a new database dropped afterwards."""
    name = f"test_{uuid.uuid4().hex[:16]}"
    url = server.create_database(name)
    try:
        yield url
    finally:
        server.drop_database(name)


@pytest.fixture
def database_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh database for one test."""
    with fresh_database(postgres_server) as url:
        yield url


@pytest.fixture(scope="module")
def module_database_url(postgres_server: PostgresServer) -> Iterator[str]:
    """A fresh database shared by one module's tests (e.g. behind one long-running server)."""
    with fresh_database(postgres_server) as url:
        yield url


@pytest.fixture(scope="session")
def s3_server() -> Iterator[S3Server]:
    """A moto S3 server for the whole session; tests may ``stop()`` and ``start()`` it."""
    server = S3Server()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@contextmanager
def fresh_bucket(server: S3Server) -> Iterator[S3Bucket]:
    """A new bucket, emptied and deleted afterwards if the server still has it."""
    # An earlier test may have stopped the server and left it so.
    server.start()
    bucket = S3Bucket(name=f"test-{uuid.uuid4().hex[:16]}", endpoint_url=server.endpoint_url)
    try:
        bucket.client().create_bucket(Bucket=bucket.name)
        yield bucket
    finally:
        try:
            if server.is_running():
                _delete_bucket(bucket)
        finally:
            bucket.close()


@pytest.fixture
def s3_bucket(s3_server: S3Server) -> Iterator[S3Bucket]:
    """A fresh bucket for one test."""
    with fresh_bucket(s3_server) as bucket:
        yield bucket


@pytest.fixture(scope="module")
def module_s3_bucket(s3_server: S3Server) -> Iterator[S3Bucket]:
    """A fresh bucket shared by one module's tests."""
    with fresh_bucket(s3_server) as bucket:
        yield bucket


def _delete_bucket(bucket: S3Bucket) -> None:
    client = bucket.client()
    try:
        # Listed again until nothing is left: deleting while paginating can skip a page.
        while True:
            objects: list[ObjectIdentifierTypeDef] = []
            for page in client.get_paginator("list_object_versions").paginate(Bucket=bucket.name):
                objects.extend(
                    {"Key": entry["Key"], "VersionId": entry["VersionId"]}
                    for entry in [*page.get("Versions", []), *page.get("DeleteMarkers", [])]
                )
            if not objects:
                break
            for start in range(0, len(objects), 1000):
                client.delete_objects(
                    Bucket=bucket.name, Delete={"Objects": objects[start : start + 1000]}
                )
        client.delete_bucket(Bucket=bucket.name)
    except ClientError as error:
        # A restart in the test wiped the server, bucket included.
        if error.response.get("Error", {}).get("Code") != "NoSuchBucket":
            raise
