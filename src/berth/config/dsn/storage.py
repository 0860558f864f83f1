"""``STORAGE_URL`` (and Divio's ``DEFAULT_STORAGE_DSN``) → ``STORAGES["default"]`` and ``MEDIA_URL``.

Hand-written because no maintained library parses a storage URL with an S3 endpoint that
keeps its scheme and port: Divio's parser drops the port, and django-environ has no storage
URLs at all. The grammar is documented in docs/storage.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit

from berth.config.dsn.values import check_credentials_encoded, parse_bool, parse_int
from berth.config.masking import redact, url_secrets
from berth.errors import ConfigurationError

__all__ = [
    "FILE_BACKEND",
    "PROXIED_S3_BACKEND",
    "S3_BACKEND",
    "StorageConfig",
    "parse_divio_storage_dsn",
    "parse_storage_url",
]

FILE_BACKEND = "django.core.files.storage.FileSystemStorage"
S3_BACKEND = "storages.backends.s3.S3Storage"
PROXIED_S3_BACKEND = "berth.runtime.storage.ProxiedS3Storage"

_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.\-]{1,61}[a-z0-9]$")
_CANNED_ACLS = frozenset(
    {
        "private",
        "public-read",
        "public-read-write",
        "authenticated-read",
        "aws-exec-read",
        "bucket-owner-read",
        "bucket-owner-full-control",
    }
)
_ADDRESSING_STYLES = frozenset({"path", "virtual", "auto"})
_SIGNATURES = frozenset({"s3v4", "s3"})
# SigV4 presigned URLs cannot live longer than seven days.
_MAX_EXPIRE = 7 * 24 * 3600


@dataclass(frozen=True)
class StorageConfig:
    """What a storage URL resolves to: a ``STORAGES`` entry and the matching ``MEDIA_URL``."""

    backend: str
    options: dict[str, Any] = field(default_factory=dict)
    media_url: str = "/media/"

    @property
    def storages_entry(self) -> dict[str, Any]:
        options = dict(self.options)
        if self.backend in (S3_BACKEND, PROXIED_S3_BACKEND):
            options.setdefault("transfer_config", _transfer_config())
        return {"BACKEND": self.backend, "OPTIONS": options}

    @property
    def is_local(self) -> bool:
        return self.backend == FILE_BACKEND


def _transfer_config() -> Any:
    from boto3.s3.transfer import TransferConfig

    # boto3 buffers each multipart part in memory, ten at a time by default (80 MB); four
    # parallel parts keep a large upload's memory bounded at little cost in throughput.
    return TransferConfig(max_concurrency=4, multipart_chunksize=8 << 20)


def parse_storage_url(url: str, variable: str = "STORAGE_URL") -> StorageConfig:
    """Parse ``file:///abs/path?url=/media/`` or ``s3://KEY:SECRET@bucket/prefix?option=…``."""
    try:
        scheme = url.strip().partition("://")[0].lower()
        if scheme == "file":
            return _parse_file(url.strip(), variable)
        if scheme == "s3":
            return _parse_s3(url.strip(), variable)
        if not url.strip():
            raise ConfigurationError(
                variable, "is empty; expected file:///path or s3://KEY:SECRET@bucket"
            )
        raise ConfigurationError(
            variable,
            "has an unsupported scheme; use file:///absolute/path or s3://KEY:SECRET@bucket/prefix",
        )
    except ConfigurationError as error:
        raise ConfigurationError(variable, redact(error.problem, url_secrets(url))) from None


def parse_divio_storage_dsn(url: str, variable: str = "DEFAULT_STORAGE_DSN") -> StorageConfig:
    """Parse Divio's ``s3://KEY:SECRET@bucket.host/prefix?auth=&url=&domain=&acl=`` unchanged.

    As on Divio, the bucket is the host less its last three labels
    (``media-1.s3.amazonaws.com``, ``media-1.sos-ch-dk-2.exo.io``), URLs are public and
    unsigned, and new objects are ``public-read`` unless ``acl`` says otherwise. Unlike
    Divio's own parser, a port in the host is kept; ``s3+http://`` reaches a plain-HTTP endpoint.
    """
    try:
        return _parse_divio(url.strip(), variable)
    except ConfigurationError as error:
        raise ConfigurationError(variable, redact(error.problem, url_secrets(url))) from None


def _split(url: str, variable: str) -> tuple[str, str, str, str, list[tuple[str, str]]]:
    """(userinfo, host, path, fragment, query pairs) — the netloc is split by hand so that
    bucket names keep their case for the error check and a password may hold any character."""
    try:
        parts = urlsplit(url)
    except ValueError:
        raise ConfigurationError(variable, "is not a valid URL") from None
    check_credentials_encoded(parts, variable)
    userinfo, _, host = parts.netloc.rpartition("@")
    try:
        query = parse_qsl(parts.query, keep_blank_values=True, strict_parsing=bool(parts.query))
    except ValueError:
        raise ConfigurationError(
            variable, "has a malformed query string (expected ?key=value&key=value)"
        ) from None
    return userinfo, host, parts.path, parts.fragment, query


def _options(
    variable: str, query: list[tuple[str, str]], allowed: frozenset[str]
) -> dict[str, str]:
    options: dict[str, str] = {}
    for key, value in query:
        if key not in allowed:
            shown = key if re.fullmatch(r"[A-Za-z_]{1,32}", key) else "(unprintable)"
            raise ConfigurationError(
                variable, f"unknown option {shown!r}; known options: {', '.join(sorted(allowed))}"
            )
        if key in options:
            raise ConfigurationError(variable, f"option {key!r} is given twice")
        options[key] = value
    return options


def _parse_file(url: str, variable: str) -> StorageConfig:
    userinfo, host, path, fragment, query = _split(url, variable)
    if userinfo or host:
        raise ConfigurationError(
            variable,
            "a file storage URL must hold an absolute path: file:///absolute/path (three slashes)",
        )
    location = unquote(path)
    if not location.startswith("/") or location == "/":
        raise ConfigurationError(
            variable, "a file storage URL must hold an absolute folder: file:///absolute/path"
        )
    options = _options(variable, query, frozenset({"url"}))
    media_url = _media_url(variable, options.get("url", "/media/"))
    return StorageConfig(
        FILE_BACKEND, {"location": location.rstrip("/"), "base_url": media_url}, media_url
    )


def _media_url(variable: str, value: str) -> str:
    if not (value.startswith("/") or value.startswith(("http://", "https://"))):
        raise ConfigurationError(
            variable, "url must be a path starting with / or an http(s):// URL"
        )
    return value if value.endswith("/") else value + "/"


def _credentials(userinfo: str) -> tuple[str | None, str | None]:
    if not userinfo:
        return None, None  # boto3's own chain: instance role, web identity, ~/.aws
    key, _, secret = userinfo.partition(":")
    return unquote(key) or None, unquote(secret) or None


def _check_bucket(variable: str, bucket: str) -> None:
    if not _BUCKET.fullmatch(bucket) or ".." in bucket:
        raise ConfigurationError(
            variable,
            "the bucket name must be 3-63 lowercase letters, digits, dots or hyphens (a port belongs in ?endpoint_url=)",
        )


def _prefix(variable: str, path: str) -> str:
    segments = [unquote(s) for s in path.split("/") if s]
    if any(s in (".", "..") for s in segments):
        raise ConfigurationError(variable, "the key prefix may not contain . or .. segments")
    return "/".join(segments)


def _endpoint(variable: str, value: str) -> str:
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - urlsplit checks the port only when asked for it
    except ValueError:
        raise ConfigurationError(variable, "endpoint_url is not a valid URL") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigurationError(
            variable,
            "endpoint_url must be an http:// or https:// URL with a host, e.g. http://127.0.0.1:9000",
        )
    if parts.username or parts.password:
        raise ConfigurationError(
            variable, "endpoint_url may not carry credentials; put them before the bucket"
        )
    return value.rstrip("/")


def _choice(name: str, allowed: frozenset[str]) -> Callable[[str, str], str | None]:
    def check(variable: str, value: str) -> str | None:
        if value and value not in allowed:
            raise ConfigurationError(
                variable, f"{name} must be one of {', '.join(sorted(allowed))}"
            )
        return value or None

    return check


def _flag(name: str) -> Callable[[str, str], bool]:
    return lambda variable, value: parse_bool(variable, name, value)


def _region(variable: str, value: str) -> str | None:
    if value and not re.fullmatch(r"[a-z0-9\-]{1,40}", value):
        raise ConfigurationError(variable, "region must look like eu-west-1")
    return value or None


def _expire(variable: str, value: str) -> int:
    return parse_int(variable, "expire", value, minimum=1, maximum=_MAX_EXPIRE)


def _custom_domain(variable: str, value: str) -> str | None:
    if value and ("://" in value or not re.fullmatch(r"[A-Za-z0-9.\-:/_]+", value)):
        raise ConfigurationError(
            variable,
            "custom_domain is a host name (with an optional port and path), without a scheme",
        )
    return value or None


def _optional_endpoint(variable: str, value: str) -> str | None:
    return _endpoint(variable, value) if value else None


def _public_url(variable: str, value: str) -> str | None:
    if value and not re.fullmatch(r"(https?://[A-Za-z0-9.\-]+(:\d+)?)?/[A-Za-z0-9._~/\-]*", value):
        raise ConfigurationError(
            variable,
            "public_url is a path such as /storage, or an http(s) URL such as https://example.com/storage",
        )
    return value.rstrip("/") if value else None


_acl = _choice("acl", _CANNED_ACLS)
_signature = _choice("signature_version", _SIGNATURES)

# Each query option of an s3:// URL, and the check that turns its text into a value (None:
# left to the default); options that depend on each other are checked in _parse_s3.
_S3_OPTIONS: dict[str, Callable[[str, str], Any]] = {
    "endpoint_url": _optional_endpoint,
    "region": _region,
    "acl": _acl,
    "signed": _flag("signed"),
    "expire": _expire,
    "custom_domain": _custom_domain,
    "addressing_style": _choice("addressing_style", _ADDRESSING_STYLES),
    "signature_version": _signature,
    "overwrite": _flag("overwrite"),
    "public_url": _public_url,
}


def _parse_s3(url: str, variable: str) -> StorageConfig:
    userinfo, bucket, path, fragment, query = _split(url, variable)
    _check_bucket(variable, bucket)
    access_key, secret_key = _credentials(userinfo)
    given = {
        key: _S3_OPTIONS[key](variable, value)
        for key, value in _options(variable, query, frozenset(_S3_OPTIONS)).items()
    }
    options = {key: value for key, value in given.items() if value is not None}
    custom_domain = options.get("custom_domain")
    signed = options.get("signed", not custom_domain)
    if signed and custom_domain:
        raise ConfigurationError(
            variable,
            "signed=1 cannot work with custom_domain: URLs through a custom domain are never signed; drop one",
        )
    endpoint = options.get("endpoint_url")
    public_url = options.get("public_url")
    if public_url is not None and (endpoint is None or custom_domain):
        raise ConfigurationError(
            variable,
            "public_url needs endpoint_url (the address the replicas use) and no custom_domain",
        )
    prefix = _prefix(variable, path)
    region = options.get("region")
    style = options.get("addressing_style")
    storage_options: dict[str, Any] = {
        "bucket_name": bucket,
        "location": prefix,
        "querystring_auth": signed,
        "querystring_expire": options.get("expire", 3600),
        "default_acl": options.get("acl"),
        # Django's own storages never overwrite: two replicas saving "photo.jpg" get two names.
        "file_overwrite": options.get("overwrite", False),
        # botocore still signs presigned URLs for custom endpoints with SigV2, which AWS has
        # deprecated and newer regions and stores refuse.
        "signature_version": options.get("signature_version", "s3v4"),
    }
    optional = {
        "access_key": access_key,
        "secret_key": secret_key,
        "endpoint_url": endpoint,
        "region_name": region,
        "custom_domain": custom_domain,
        "addressing_style": style,
    }
    storage_options.update({key: value for key, value in optional.items() if value is not None})
    media_url = _s3_media_url(bucket, prefix, endpoint, region, custom_domain, style)
    if public_url is None:
        return StorageConfig(S3_BACKEND, storage_options, media_url)
    storage_options["public_url"] = public_url
    assert endpoint is not None
    return StorageConfig(
        PROXIED_S3_BACKEND, storage_options, public_url + media_url[len(endpoint) :]
    )


def _s3_media_url(
    bucket: str,
    prefix: str,
    endpoint: str | None,
    region: str | None,
    custom_domain: str | None,
    style: str | None,
) -> str:
    tail = quote(prefix) + "/" if prefix else ""
    if custom_domain:
        return f"https://{custom_domain.rstrip('/')}/{tail}"
    if endpoint:
        if style == "virtual":
            scheme, _, host = endpoint.partition("://")
            return f"{scheme}://{bucket}.{host}/{tail}"
        return f"{endpoint}/{bucket}/{tail}"
    host = "s3.amazonaws.com" if region in (None, "us-east-1") else f"s3.{region}.amazonaws.com"
    return f"https://{bucket}.{host}/{tail}"


def _parse_divio(url: str, variable: str) -> StorageConfig:
    scheme = url.partition("://")[0].lower()
    if scheme not in ("s3", "s3+https", "s3+http"):
        raise ConfigurationError(
            variable, "has an unsupported scheme; Divio storage DSNs start with s3://"
        )
    userinfo, netloc_host, path, fragment, query = _split(url, variable)
    host, _, port = netloc_host.partition(":")
    labels = host.lower().rsplit(".", 3)
    if len(labels) < 4:
        raise ConfigurationError(
            variable, "the host must be bucket.endpoint-host, e.g. my-bucket.s3.amazonaws.com"
        )
    bucket, endpoint_host = labels[0], ".".join(labels[1:])
    _check_bucket(variable, bucket)
    if port and not port.isdigit():
        raise ConfigurationError(variable, "the port must be a number")
    options = _options(variable, query, frozenset({"auth", "url", "domain", "acl"}))
    signature = _choice("auth", _SIGNATURES)(variable, options.get("auth", "")) or "s3v4"
    acl = _acl(variable, options.get("acl", "")) or "public-read"
    endpoint = f"{'http' if scheme == 's3+http' else 'https'}://{endpoint_host}{':' + port if port else ''}"
    access_key, secret_key = _credentials(userinfo)
    prefix = _prefix(variable, path)
    domain = options.get("domain") or None
    storage_options: dict[str, Any] = {
        "bucket_name": bucket,
        "location": prefix,
        "endpoint_url": endpoint,
        "querystring_auth": False,
        "default_acl": acl,
        "signature_version": signature,
        "file_overwrite": False,
    }
    if domain:
        storage_options["custom_domain"] = domain
    storage_options.update(
        {k: v for k, v in (("access_key", access_key), ("secret_key", secret_key)) if v}
    )
    tail = quote(prefix) + "/" if prefix else ""
    if options.get("url"):
        media_url = _media_url(variable, options["url"])
    elif domain:
        media_url = f"https://{domain.rstrip('/')}/{tail}"
    else:
        media_url = f"https://{bucket}.{endpoint_host}{':' + port if port else ''}/{tail}"
    return StorageConfig(S3_BACKEND, storage_options, media_url)
