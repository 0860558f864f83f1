from __future__ import annotations

import contextlib
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.own_words import is_berths_own

from berth.config.dsn.storage import (
    FILE_BACKEND,
    S3_BACKEND,
    parse_divio_storage_dsn,
    parse_storage_url,
)
from berth.errors import ConfigurationError


@pytest.mark.parametrize(
    ("url", "options", "media_url"),
    [
        ("file:///srv/media", {"location": "/srv/media", "base_url": "/media/"}, "/media/"),
        (
            "file:///srv/media/?url=/uploads",
            {"location": "/srv/media", "base_url": "/uploads/"},
            "/uploads/",
        ),
        (
            "file:///srv/my%20media?url=https://files.example.com/",
            {"location": "/srv/my media"},
            "https://files.example.com/",
        ),
    ],
)
def test_file_urls(url: str, options: dict[str, Any], media_url: str) -> None:
    config = parse_storage_url(url)
    assert config.backend == FILE_BACKEND
    assert {k: config.options[k] for k in options} == options
    assert config.media_url == media_url


@pytest.mark.parametrize(
    ("url", "options", "media_url"),
    [
        (
            "s3://AKIA:wJal%2BrX%2FY@photos/media/2026?endpoint_url=http://127.0.0.1:9000&region=eu-west-1&acl=private&signed=1&expire=600&addressing_style=path",
            {
                "access_key": "AKIA",
                "secret_key": "wJal+rX/Y",
                "bucket_name": "photos",
                "location": "media/2026",
                "endpoint_url": "http://127.0.0.1:9000",
                "region_name": "eu-west-1",
                "default_acl": "private",
                "querystring_auth": True,
                "querystring_expire": 600,
                "addressing_style": "path",
                "file_overwrite": False,
            },
            "http://127.0.0.1:9000/photos/media/2026/",
        ),
        (
            "s3://photos",
            {
                "bucket_name": "photos",
                "location": "",
                "querystring_auth": True,
                "querystring_expire": 3600,
                "default_acl": None,
            },
            "https://photos.s3.amazonaws.com/",
        ),
        (
            "s3://K:S@photos?region=eu-central-1",
            {"region_name": "eu-central-1"},
            "https://photos.s3.eu-central-1.amazonaws.com/",
        ),
        (
            "s3://K:S@photos/p?custom_domain=cdn.example.com",
            {"custom_domain": "cdn.example.com", "querystring_auth": False},
            "https://cdn.example.com/p/",
        ),
        (
            "s3://K:S@photos?endpoint_url=https://sos-ch-dk-2.exo.io:8443&addressing_style=virtual",
            {},
            "https://photos.sos-ch-dk-2.exo.io:8443/",
        ),
        (
            "s3://K:S@photos?signed=0",
            {"querystring_auth": False},
            "https://photos.s3.amazonaws.com/",
        ),
        (
            "s3://K:S@photos?overwrite=yes",
            {"file_overwrite": True},
            "https://photos.s3.amazonaws.com/",
        ),
    ],
)
def test_s3_urls(url: str, options: dict[str, Any], media_url: str) -> None:
    config = parse_storage_url(url)
    assert config.backend == S3_BACKEND
    assert {k: config.options.get(k) for k in options} == options
    assert config.media_url == media_url
    assert not config.is_local


def test_s3_without_credentials_leaves_them_to_boto3() -> None:
    options = parse_storage_url("s3://photos").options
    assert "access_key" not in options and "secret_key" not in options


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("", "is empty"),
        ("gs://K:hunter22@photos", "unsupported scheme"),
        ("file://relative/path", "absolute path"),
        ("file:///", "absolute folder"),
        ("file:///srv/media?root=/x", "unknown option 'root'"),
        ("file:///srv/media?url=media/", "url must be a path"),
        ("s3://K:hunter22@Photos", "bucket name"),
        ("s3://K:hunter22@photos:9000", "bucket name"),
        ("s3://K:hunter22@photos?endpoint=http://x", "unknown option 'endpoint'"),
        ("s3://K:hunter22@photos?region=eu-west-1&region=us-east-1", "given twice"),
        ("s3://K:hunter22@photos?endpoint_url=ftp://x", "endpoint_url must be"),
        ("s3://K:hunter22@photos?endpoint_url=http://x:port", "endpoint_url is not a valid URL"),
        ("s3://K:hunter22@photos?acl=everyone", "acl must be one of"),
        ("s3://K:hunter22@photos?signed=perhaps", "signed must be a boolean"),
        ("s3://K:hunter22@photos?expire=0", "expire must be between"),
        ("s3://K:hunter22@photos?expire=999999999", "expire must be between"),
        ("s3://K:hunter22@photos?addressing_style=dns", "addressing_style must be"),
        ("s3://K:hunter22@photos?custom_domain=https://cdn.x", "custom_domain is a host name"),
        ("s3://K:hunter22@photos?custom_domain=cdn.x&signed=1", "never signed"),
        ("s3://K:hunter22@photos/../etc", ". or .. segments"),
        ("s3://K:hun/ter22@photos", "percent-encode"),
    ],
)
def test_rejects_with_a_clear_line_and_no_secret(url: str, problem: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        parse_storage_url(url)
    assert caught.value.variable == "STORAGE_URL"
    assert problem in str(caught.value)
    assert "hunter22" not in str(caught.value) and "ter22" not in str(caught.value)


class TestDivio:
    def test_aws_dsn(self) -> None:
        config = parse_divio_storage_dsn(
            "s3://AKIA:se%2Fcret@media-1.s3-eu-central-1.amazonaws.com/site?auth=s3v4"
        )
        assert config.backend == S3_BACKEND
        assert config.options == {
            "bucket_name": "media-1",
            "location": "site",
            "endpoint_url": "https://s3-eu-central-1.amazonaws.com",
            "querystring_auth": False,
            "default_acl": "public-read",
            "signature_version": "s3v4",
            "file_overwrite": False,
            "access_key": "AKIA",
            "secret_key": "se/cret",
        }
        assert config.media_url == "https://media-1.s3-eu-central-1.amazonaws.com/site/"

    def test_exoscale_with_port_domain_and_acl(self) -> None:
        config = parse_divio_storage_dsn(
            "s3://K:S@media-1.sos-ch-dk-2.exo.io:8443/?auth=s3&domain=cdn.example.com&acl=private"
        )
        assert config.options["endpoint_url"] == "https://sos-ch-dk-2.exo.io:8443"
        assert config.options["custom_domain"] == "cdn.example.com"
        assert config.options["default_acl"] == "private"
        assert config.options["signature_version"] == "s3"
        assert config.media_url == "https://cdn.example.com/"

    def test_url_overrides_media_url(self) -> None:
        config = parse_divio_storage_dsn(
            "s3://K:S@media-1.s3.amazonaws.com/?url=https://media.example.com/x"
        )
        assert config.media_url == "https://media.example.com/x/"

    def test_plain_http_endpoint(self) -> None:
        config = parse_divio_storage_dsn("s3+http://K:S@media-1.minio.local.test:9000/")
        assert config.options["endpoint_url"] == "http://minio.local.test:9000"

    @pytest.mark.parametrize(
        ("url", "problem"),
        [
            ("s3://K:hunter22@bucket.example.com/", "bucket.endpoint-host"),
            ("s3://K:hunter22@media-1.s3.amazonaws.com/?auth=v2", "auth must be"),
            ("s3://K:hunter22@media-1.s3.amazonaws.com/?region=x", "unknown option"),
            ("gs://K:hunter22@media-1.s3.amazonaws.com/", "unsupported scheme"),
        ],
    )
    def test_rejects(self, url: str, problem: str) -> None:
        with pytest.raises(ConfigurationError) as caught:
            parse_divio_storage_dsn(url)
        assert caught.value.variable == "DEFAULT_STORAGE_DSN"
        assert problem in str(caught.value) and "hunter22" not in str(caught.value)


_secret = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=6, max_size=30
).filter(lambda s: len(set(s)) > 3 and not is_berths_own(s))


@given(st.text(max_size=200))
def test_any_string_parses_or_raises_configuration_error(url: str) -> None:
    for parse in (parse_storage_url, parse_divio_storage_dsn):
        with contextlib.suppress(ConfigurationError):
            parse(url)


@given(
    scheme=st.sampled_from(["s3", "file", "s3+http", "gs"]),
    key=st.text(max_size=10),
    secret=_secret,
    host=st.text(max_size=20),
    rest=st.text(max_size=40),
)
def test_errors_never_contain_the_secret(
    scheme: str, key: str, secret: str, host: str, rest: str
) -> None:
    url = f"{scheme}://{key}:{secret}@{host}{rest}"
    for parse in (parse_storage_url, parse_divio_storage_dsn):
        try:
            parse(url)
        except ConfigurationError as error:
            assert secret not in str(error)


def test_public_url_keeps_signing_for_the_endpoint() -> None:
    config = parse_storage_url(
        "s3://k:s@media/site?endpoint_url=http://storage:9000&public_url=/storage/"
    )
    assert config.backend == "berth.runtime.storage.ProxiedS3Storage"
    assert config.options["endpoint_url"] == "http://storage:9000"
    assert config.options["public_url"] == "/storage"
    assert config.media_url == "/storage/media/site/"


@pytest.mark.parametrize(
    ("query", "problem"),
    [
        ("public_url=/storage", "public_url needs endpoint_url"),
        (
            "endpoint_url=http://s:9000&custom_domain=cdn.example.com&public_url=/s",
            "public_url needs endpoint_url",
        ),
        ("endpoint_url=http://s:9000&public_url=storage", "public_url is a path such as /storage"),
        (
            "endpoint_url=http://s:9000&public_url=ftp://x/s",
            "public_url is a path such as /storage",
        ),
    ],
)
def test_public_url_mistakes(query: str, problem: str) -> None:
    with pytest.raises(ConfigurationError) as caught:
        parse_storage_url(f"s3://k:s3cret@media?{query}")
    assert problem in caught.value.problem
    assert "s3cret" not in str(caught.value)
