"""The one place S3 clients are built (boto3, and obstore for bulk transfers): from storage options, as django-storages names them.

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
    from obstore.store import ClientConfig, S3Config, S3Credential, S3Store

__all__ = ["CLIENT_OPTIONS", "obstore_store", "s3_client", "storage_client_options"]

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


def obstore_store(options: Mapping[str, Any], *, bucket: str, prefix: str = "") -> S3Store | None:
    """An obstore ``S3Store`` for the same store as ``s3_client(options)``, rooted at ``prefix``.

    obstore (Rust's object_store) signs and moves bytes outside the GIL, at a tenth of
    botocore's CPU per request; the media sync uses it for its transfers and listings. The
    credentials are botocore's own (its chain: keys, profile, environment, instance role),
    handed over on each refresh, so both clients always act as the same principal. None where
    obstore cannot say what botocore would: SigV2, a custom botocore ``Config``, or obstore not
    installed; the caller then uses boto3 alone.
    """
    if options.get("signature_version") == "s3" or options.get("client_config") is not None:
        return None
    try:
        from obstore.store import S3Store
    except ImportError:
        return None
    from datetime import UTC, datetime, timedelta

    session: Any = None
    credentials: Any
    if (
        options.get("access_key")
        and options.get("secret_key")
        and not options.get("session_profile")
    ):
        # Keys in the URL: botocore need not load to find them.
        credentials = _StaticCredentials(
            options["access_key"], options["secret_key"], options.get("security_token")
        )
    else:
        import boto3

        if options.get("session_profile"):
            session = boto3.session.Session(profile_name=options["session_profile"])
        else:
            session = boto3.session.Session()
        credentials = session.get_credentials()
    endpoint = options.get("endpoint_url")
    region = options.get("region_name") or (session and session.region_name) or "us-east-1"
    style = options.get("addressing_style") or "auto"
    config: S3Config = {
        "region": region,
        # botocore's "auto" means virtual hosts on AWS, and paths on a custom endpoint.
        "virtual_hosted_style_request": style == "virtual" or (style == "auto" and not endpoint),
    }
    if endpoint:
        config["endpoint"] = endpoint
    plain_http = bool(endpoint and endpoint.startswith("http://"))
    client_options: ClientConfig = {"allow_http": plain_http}
    # Signing the payload hashes every byte (SHA-256) so the server can check it. Over TLS the
    # bytes cannot change in transit and botocore does not sign them either; over plain HTTP
    # that signature is the only check, so it stays.
    config["unsigned_payload"] = not plain_http
    if options.get("verify") is False:
        client_options["allow_invalid_certificates"] = True
    provider = None
    if credentials is not None:

        def provider() -> S3Credential:
            frozen = credentials.get_frozen_credentials()
            # botocore refreshes expiring credentials itself; temporary ones are asked for
            # again every five minutes.
            expires = None if frozen.token is None else datetime.now(UTC) + timedelta(minutes=5)
            return {
                "access_key_id": frozen.access_key or "",
                "secret_access_key": frozen.secret_key or "",
                "token": frozen.token,
                "expires_at": expires,
            }
    else:
        config["skip_signature"] = True
    return S3Store(
        bucket,
        prefix=prefix or None,
        config=config,
        client_options=client_options,
        retry_config={"max_retries": 4},
        credential_provider=provider,
    )


class _StaticCredentials:
    """Keys given in the storage URL, shaped as botocore's frozen credentials."""

    def __init__(self, access_key: str, secret_key: str, token: str | None) -> None:
        self.access_key, self.secret_key, self.token = access_key, secret_key, token

    def get_frozen_credentials(self) -> _StaticCredentials:
        return self
