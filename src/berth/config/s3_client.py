"""The one place a boto3 S3 client is built: from storage options, as django-storages names them.

``STORAGE_URL`` resolves to these options (:mod:`berth.config.dsn.storage`), and a running
``S3Storage`` holds the same names as its documented settings. Readiness probes, backups, the
local S3 server and transfers all build their clients here, so that endpoint, region,
addressing style, signature and credentials can never differ between them and the storage.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

__all__ = ["CLIENT_OPTIONS", "s3_client", "storage_client_options"]

CLIENT_OPTIONS = (
    "access_key",
    "secret_key",
    "security_token",
    "session_profile",
    "endpoint_url",
    "region_name",
    "addressing_style",
    "signature_version",
    "use_ssl",
    "verify",
    "client_config",
)
"""The options of django-storages' S3Storage that decide how its client talks to the store."""


def s3_client(
    options: Mapping[str, Any],
    *,
    connect_timeout: float | None = None,
    read_timeout: float | None = None,
    attempts: int | None = None,
    max_pool_connections: int | None = None,
    unsigned: bool = False,
) -> S3Client:
    """A client for the store ``options`` describe; the bounds replace botocore's defaults.

    ``attempts`` counts the first try: 1 means no retry, as a probe that must answer quickly
    wants. ``max_pool_connections`` lets that many threads share the client (botocore keeps
    10). ``unsigned`` sends no credentials: what an anonymous visitor would get. The caller
    closes the client.
    """
    import boto3
    from botocore import UNSIGNED
    from botocore.config import Config

    config = options.get("client_config") or Config(
        s3={"addressing_style": options.get("addressing_style") or "auto"},
        signature_version=options.get("signature_version"),
    )
    bounds: dict[str, Any] = {}
    if connect_timeout is not None:
        bounds["connect_timeout"] = connect_timeout
    if read_timeout is not None:
        bounds["read_timeout"] = read_timeout
    if attempts is not None:
        bounds["retries"] = {"total_max_attempts": attempts}
    if max_pool_connections is not None:
        bounds["max_pool_connections"] = max_pool_connections
    if unsigned:
        bounds["signature_version"] = UNSIGNED
    if bounds:
        config = config.merge(Config(**bounds))
    if options.get("session_profile"):
        session = boto3.session.Session(profile_name=options["session_profile"])
    else:
        session = boto3.session.Session(
            aws_access_key_id=options.get("access_key"),
            aws_secret_access_key=options.get("secret_key"),
            aws_session_token=options.get("security_token"),
        )
    client: S3Client = session.client(
        "s3",
        region_name=options.get("region_name"),
        endpoint_url=options.get("endpoint_url"),
        use_ssl=options.get("use_ssl", True),
        verify=options.get("verify"),
        config=config,
    )
    return client


def storage_client_options(storage: Any) -> dict[str, Any]:
    """The client options of a running ``S3Storage``: its settings of :data:`CLIENT_OPTIONS`.

    django-storages sets each documented option (``endpoint_url``, ``region_name``, …) as an
    attribute of the same name, whether it came from ``OPTIONS`` or an ``AWS_*`` setting.
    """
    return {
        name: getattr(storage, name)
        for name in CLIENT_OPTIONS
        if getattr(storage, name, None) is not None
    }
