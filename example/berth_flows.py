"""The gallery's flows for ``berth verify``: state a visitor makes on one replica and expects
to find on any other, and after every replica was replaced.

Run ``berth verify`` beside ``berth up``; see docs/verify.md for the format.
"""

from __future__ import annotations

import re
import secrets
import struct
import zlib
from html import unescape
from typing import Any

from berth.verify import Flow, Lost, ReplicaClient


def small_png(width: int = 64, height: int = 48) -> bytes:
    """A valid, unique PNG made without Pillow, so verify needs nothing the project does not."""
    salt = secrets.token_bytes(3)
    raw = b"".join(
        b"\x00"  # no filter on this row
        + b"".join(bytes((x * 4 % 256, y * 5 % 256, salt[(x + y) % 3])) for x in range(width))
        for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def image_sources(html: str) -> dict[str, str]:
    """Each ``<img>``'s id (or its position) and its src."""
    sources: dict[str, str] = {}
    for position, tag in enumerate(re.findall(r"<img\b[^>]*>", html)):
        src = re.search(r'\bsrc="([^"]*)"', tag)
        ident = re.search(r'\bid="([^"]*)"', tag)
        if src:
            sources[ident.group(1) if ident else f"img{position}"] = unescape(src.group(1))
    return sources


class UploadedPhoto(Flow):
    name = "uploaded photo: its row, its image and its thumbnail"
    likely_cause = (
        "media saved on the replica's disk (a FileSystemStorage, or files opened by local "
        "path): "
        "save through default_storage and set STORAGE_URL to object storage"
    )

    def write(self, client: ReplicaClient) -> dict[str, Any]:
        image = small_png()
        response = client.post(
            "/upload/",
            data={"title": f"verify {secrets.token_hex(4)}"},
            files={"image": ("verify.png", image, "image/png")},
        )
        if response.status_code != 200 or "/photos/" not in response.url:
            raise Lost(f"the upload was not accepted (HTTP {response.status_code})")
        return {"page": response.url.split("://", 1)[1].split("/", 1)[1], "image": image}

    def read(self, client: ReplicaClient, state: dict[str, Any]) -> None:
        page = client.get("/" + state["page"])
        if page.status_code == 404:
            raise Lost("the photo's page answers HTTP 404: its row is missing")
        if page.status_code != 200:
            # A page showing a file's size or dimensions opens the file: a 500 here is
            # usually the file missing, not the row.
            raise Lost(f"the photo's page fails with HTTP {page.status_code}")
        sources = image_sources(page.text)
        if "photo" not in sources:
            raise Lost("the photo's page shows no image")
        for ident, src in sources.items():
            fetched = client.get(src)
            if fetched.status_code != 200:
                raise Lost(
                    f"the {ident} image at {src.split('?')[0]} answers HTTP {fetched.status_code}"
                )
            if ident == "photo" and fetched.content != state["image"]:
                raise Lost("the image served differs from the one uploaded")


class SignedIn(Flow):
    name = "session: signed in on one replica, still signed in on the others"
    likely_cause = (
        "sessions kept on the replica (file or local-memory session or cache backend): "
        "use the database or a shared cache (CACHE_URL) for SESSION_ENGINE"
    )

    def write(self, client: ReplicaClient) -> str:
        username = f"verify-{secrets.token_hex(4)}"
        password = secrets.token_urlsafe(16)
        response = client.post(
            "/accounts/signup/",
            data={"username": username, "password1": password, "password2": password},
        )
        if username not in response.text:
            raise Lost(f"signing up did not sign in (HTTP {response.status_code})")
        return username

    def read(self, client: ReplicaClient, username: str) -> None:
        page = client.get("/accounts/me/")
        if username not in page.text:
            raise Lost(f"not signed in as {username} here (HTTP {page.status_code})")
