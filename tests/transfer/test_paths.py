"""Keys that would escape the target folder are refused and reported, never written."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit
from xml.sax.saxutils import escape

import pytest

from berth.cli import main
from berth.transfer.local_store import LocalStore
from berth.transfer.paths import UnsafeKey, checked_key

HOSTILE = ["../../etc/passwd", "/abs", "a\\b", "nul\x00key", "ok/../../up"]


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("../../etc/passwd", "has a . or .. segment"),
        ("/abs", "is an absolute path"),
        ("a\\b", "holds a backslash"),
        ("nul\x00key", "holds a NUL character"),
        ("a//b", "has an empty segment"),
        ("a/.hidden.x.berth-part", "berth's own partial files"),
    ],
)
def test_unsafe_keys(key: str, reason: str) -> None:
    with pytest.raises(UnsafeKey, match=reason):
        checked_key(key)


def test_a_symlinked_folder_out_of_the_target_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "target"
    (target / "real").mkdir(parents=True)
    (target / "out").symlink_to(tmp_path)
    (target / "alias").symlink_to(target / "real")
    (target / "real" / "escape").symlink_to(tmp_path)
    store = LocalStore(target)
    assert store.target_path("in/file") == target / "in" / "file"
    assert store.target_path("new/a/b/file") == target / "new" / "a" / "b" / "file"
    assert store.target_path("alias/file") == target / "alias" / "file"
    # Asked again, from folders already looked at: the same answers.
    for key in ["out/file", "out/deeper/file", "alias/escape/file", "real/escape/file"] * 2:
        with pytest.raises(UnsafeKey, match="through a symlink"):
            store.target_path(key)


def test_a_source_file_is_read_through_symlinks_inside_the_folder_only(tmp_path: Path) -> None:
    source = tmp_path / "source"
    (source / "in").mkdir(parents=True)
    (source / "in" / "a.txt").write_bytes(b"a")
    (source / "in" / "b.txt").write_bytes(b"b")
    (tmp_path / "secret.txt").write_bytes(b"secret")
    (source / "in" / "alias.txt").symlink_to(source / "in" / "a.txt")
    (source / "in" / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (source / "out").symlink_to(tmp_path)
    store = LocalStore(source)
    assert store.path("in/a.txt").read_bytes() == b"a"
    # Its folder checked once already: each file is still checked for a symlink of its own.
    assert store.path("in/alias.txt").read_bytes() == b"a"
    for key in ["in/leak.txt", "out/secret.txt"]:
        with pytest.raises(UnsafeKey, match="symlink out of the source folder"):
            store.path(key)


class _HostileBucket(BaseHTTPRequestHandler):
    """ListObjectsV2 naming hostile keys (URL-encoded, as S3 sends them), and one good object."""

    requested: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        parts = urlsplit(self.path)
        if "list-type=2" in parts.query:
            keys = [*HOSTILE, "good.txt"]
            # As S3 does: keys URL-encoded when the client asks, else as they are (a NUL then
            # makes the XML invalid, which is why clients ask).
            encoded = "encoding-type=url" in parts.query
            contents = "".join(
                f"<Contents><Key>{quote(key, safe='') if encoded else escape(key)}</Key><LastModified>2025-01-01T00:00:00.000Z</LastModified>"
                f'<ETag>"{"0" * 32}"</ETag><Size>4</Size><StorageClass>STANDARD</StorageClass></Contents>'
                for key in keys
            )
            body = (
                '<?xml version="1.0" encoding="UTF-8"?><ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">'
                f"<Name>evil</Name><Prefix></Prefix><KeyCount>{len(keys)}</KeyCount><MaxKeys>1000</MaxKeys>"
                + ("<EncodingType>url</EncodingType>" if encoded else "")
                + f"<IsTruncated>false</IsTruncated>{contents}</ListBucketResult>"
            ).encode()
            self._answer(body, "application/xml")
            return
        key = unquote(parts.path.removeprefix("/evil/"))
        self.requested.append(key)
        self._answer(b"good", "text/plain")

    def _answer(self, body: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", '"' + "0" * 32 + '"')
        self.send_header("Last-Modified", "Wed, 01 Jan 2025 00:00:00 GMT")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def hostile_endpoint() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _HostileBucket)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_hostile_listing_writes_nothing_outside_the_target(
    hostile_endpoint: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "deep" / "target"
    url = f"s3://key:secret@evil?endpoint_url={hostile_endpoint}&region=us-east-1&addressing_style=path"
    assert main(["media", "sync", url, str(target), "--json"]) == 1
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert sorted(r["key"] for r in summary["refused"]) == sorted(HOSTILE)
    assert summary["copied"] == 1
    for key in HOSTILE:
        assert f"refused {key!r}" in captured.err
    assert _HostileBucket.requested == ["good.txt"]
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))
    assert written == ["deep", "deep/target", "deep/target/good.txt"]
