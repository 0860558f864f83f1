"""The moto S3 server and bucket fixtures the integration tests rely on."""

from __future__ import annotations

import os

import pytest
from botocore.exceptions import ClientError, EndpointConnectionError
from tests.s3_server import S3Bucket, S3Server


def test_boto3_puts_and_gets_an_object(s3_bucket: S3Bucket) -> None:
    client = s3_bucket.client()
    client.put_object(Bucket=s3_bucket.name, Key="hello.txt", Body=b"hello")
    with client.get_object(Bucket=s3_bucket.name, Key="hello.txt")["Body"] as body:
        assert body.read() == b"hello"


def test_the_storage_url_names_bucket_credentials_and_endpoint(
    s3_server: S3Server, s3_bucket: S3Bucket
) -> None:
    assert s3_bucket.storage_url == (
        f"s3://testing:testing@{s3_bucket.name}"
        f"?endpoint_url=http%3A%2F%2F127.0.0.1%3A{s3_server.port}"
        "&region=us-east-1&addressing_style=path"
    )


def test_no_aws_setting_leaks_from_the_shell() -> None:
    leaked = [name for name in os.environ if name.startswith("AWS_")]
    assert leaked == ["AWS_EC2_METADATA_DISABLED"]
    assert os.environ["AWS_EC2_METADATA_DISABLED"] == "true"


def test_the_server_comes_back_on_the_same_endpoint(
    s3_server: S3Server, s3_bucket: S3Bucket
) -> None:
    endpoint = s3_server.endpoint_url
    s3_server.stop()
    assert not s3_server.is_running()
    with pytest.raises(EndpointConnectionError):
        s3_bucket.client().head_bucket(Bucket=s3_bucket.name)

    s3_server.start()
    assert s3_server.endpoint_url == endpoint
    # moto forgot the bucket when it stopped.
    with pytest.raises(ClientError, match="404"):
        s3_bucket.client().head_bucket(Bucket=s3_bucket.name)


def test_a_test_may_leave_the_server_stopped(s3_server: S3Server, s3_bucket: S3Bucket) -> None:
    s3_server.stop()


# Runs after the test above: the fixture starts the server again.
def test_a_bucket_after_the_server_was_left_stopped(
    s3_server: S3Server, s3_bucket: S3Bucket
) -> None:
    assert s3_server.is_running()
    s3_bucket.client().head_bucket(Bucket=s3_bucket.name)
