"""ProxiedS3Storage: links signed for an endpoint only replicas reach, followed through a proxy.

Real parts only: rclone (which checks SigV4 signatures) behind the nginx config that
``berth init`` generates, with its upstream names swapped for loopback addresses.
"""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from django.core.files.base import ContentFile
from tests.processes import free_port

from berth.config.dsn.storage import parse_storage_url
from berth.project import find_project
from berth.runtime.storage import ProxiedS3Storage
from berth.scaffold import detect_stack, render_files
from berth.services.nginx import find_nginx
from berth.services.s3 import S3Server

EXAMPLE = Path(__file__).resolve().parents[2] / "example"


@pytest.fixture(scope="module")
def rclone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    with S3Server(tmp_path_factory.mktemp("rclone") / "data", free_port()) as server:
        server.create_bucket("media")
        yield server


@pytest.fixture(scope="module")
def proxy(rclone: S3Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The generated nginx config, listening on loopback, forwarding /storage/ to rclone."""
    folder = tmp_path_factory.mktemp("nginx")
    port = free_port()
    storage = rclone.endpoint_url.removeprefix("http://")
    config = render_files(detect_stack(find_project(EXAMPLE)))["deploy/nginx.conf"]
    config = (
        config.replace("listen 80;", f"listen 127.0.0.1:{port};")
        .replace("http://storage:9000", f"http://{storage}")
        .replace("Host storage:9000", f"Host {storage}")
    )
    assert f"Host {storage}" in config
    (folder / "default.conf").write_text(config)
    temp = "".join(
        f"  {name}_temp_path {folder / name};\n"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    (folder / "nginx.conf").write_text(
        f"pid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'};\ndaemon off;\n"
        f"events {{}}\nhttp {{\n  access_log {folder / 'access.log'};\n{temp}"
        f"  include {folder / 'default.conf'};\n}}\n"
    )
    process = subprocess.Popen(
        [str(find_nginx()), "-p", str(folder), "-c", str(folder / "nginx.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError((folder / "error.log").read_text()) from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def storage_for(rclone: S3Server, public_url: str) -> ProxiedS3Storage:
    config = parse_storage_url(f"{rclone.storage_url('media')}&public_url={public_url}")
    assert config.backend == "berth.runtime.storage.ProxiedS3Storage"
    return ProxiedS3Storage(**config.storages_entry["OPTIONS"])


def test_a_signed_link_works_through_the_proxy(rclone: S3Server, proxy: str) -> None:
    storage = storage_for(rclone, "/storage")
    name = storage.save("photos/harbour.jpg", ContentFile(b"\xff\xd8 not really a jpeg"))
    url = storage.url(name)
    assert url.startswith("/storage/media/photos/harbour")
    assert "X-Amz-Signature=" in url
    response = requests.get(proxy + url, timeout=10)
    assert response.status_code == 200, response.text
    assert response.content == b"\xff\xd8 not really a jpeg"


def test_the_signature_is_checked(rclone: S3Server, proxy: str) -> None:
    # The proof that the proxy keeps what was signed: the store does verify signatures.
    storage = storage_for(rclone, "/storage")
    name = storage.save("photos/tampered.txt", ContentFile(b"x"))
    url = storage.url(name).replace("X-Amz-Signature=", "X-Amz-Signature=0")
    assert requests.get(proxy + url, timeout=10).status_code == 403


def test_an_absolute_public_url(rclone: S3Server, proxy: str) -> None:
    storage = storage_for(rclone, f"{proxy}/storage/")
    name = storage.save("a.txt", ContentFile(b"abc"))
    assert storage.url(name).startswith(f"{proxy}/storage/media/a")
    assert requests.get(storage.url(name), timeout=10).content == b"abc"
