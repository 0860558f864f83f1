"""Clients for the fault-injection tests: a visitor browsing and uploading, and what they counted."""

from __future__ import annotations

import io
import re
import secrets
import threading
import time
from dataclasses import dataclass, field
from html import unescape
from http.client import RemoteDisconnected

import psycopg
import requests
from botocore.exceptions import ClientError
from PIL import Image
from requests.adapters import HTTPAdapter
from tests.s3_server import S3Bucket
from urllib3.exceptions import ProtocolError
from urllib3.util.retry import Retry

_TIMEOUT = 30


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (96, 64), tuple(secrets.token_bytes(3))).save(buffer, "JPEG")
    return buffer.getvalue()


@dataclass
class Tally:
    """What the clients saw: every request counted, every failure kept with its reason."""

    gets: int = 0
    uploads: int = 0
    failed_gets: list[str] = field(default_factory=list)
    failed_uploads: list[str] = field(default_factory=list)
    photos: list[str] = field(default_factory=list)
    """The detail page of every photo an upload reported stored."""
    resent_posts: int = 0
    """POSTs sent once more, as a browser does, after a kept-alive connection was dropped."""
    lock: threading.Lock = field(default_factory=threading.Lock)


def browser_session() -> requests.Session:
    """A session that does what browsers do when a kept-alive connection was closed by the
    server just as a request went out on it (nginx's old workers close idle ones at a
    reload, as at keepalive_timeout): send a GET once more, on a new connection. Never a POST,
    and never when any answer came (RFC 9112, 9.3.1)."""
    session = requests.Session()
    again = Retry(total=1, connect=1, read=1, status=0, other=0, allowed_methods={"GET", "HEAD"})
    session.mount("http://", HTTPAdapter(max_retries=again))
    return session


def visitor(base: str, tally: Tally, stop: threading.Event, upload_every: int = 4) -> None:
    """Browse the gallery's list, and upload a photo every ``upload_every`` pages, until ``stop``."""
    session = browser_session()
    turn = 0
    while not stop.is_set():
        turn += 1
        try:
            page = session.get(f"{base}/", timeout=_TIMEOUT)
            ok = page.status_code == 200
            problem = f"GET / {page.status_code}"
        except requests.RequestException as error:
            ok, problem = False, f"GET / {type(error).__name__}"
        with tally.lock:
            tally.gets += 1
            if not ok:
                tally.failed_gets.append(problem)
        if turn % upload_every == 0:
            _upload(base, session, tally)


def _upload(base: str, session: requests.Session, tally: Tally) -> None:
    try:
        form = session.get(f"{base}/upload/", timeout=_TIMEOUT)
        token = session.cookies.get("csrftoken", "")
        fields = {"title": f"load {secrets.token_hex(3)}", "csrfmiddlewaretoken": token}
        image = jpeg()
        for attempt in (1, 2):
            try:
                response = session.post(
                    f"{base}/upload/",
                    data=fields,
                    files={"image": ("load.jpg", image, "image/jpeg")},
                    headers={"Referer": f"{base}/upload/"},
                    timeout=_TIMEOUT,
                )
                break
            except requests.ConnectionError as error:
                if attempt == 2 or not _dropped_before_any_answer(error):
                    raise
                with tally.lock:
                    tally.resent_posts += 1
        stored = form.status_code == 200 and response.status_code == 200
        stored = stored and "/photos/" in response.url
        problem = f"upload {response.status_code} ({response.headers.get('X-Berth-Replica')})"
    except requests.RequestException as error:
        stored, problem = False, f"upload {type(error).__name__}"
    with tally.lock:
        tally.uploads += 1
        if stored:
            tally.photos.append(response.url)
        else:
            tally.failed_uploads.append(problem)


def _dropped_before_any_answer(error: requests.ConnectionError) -> bool:
    """A kept-alive connection closed by the server just as the request went out on it (nginx's
    old workers close idle ones at a reload): Chromium and Firefox send any method once more
    then, since no answer came. A refused or timed-out connection is not this."""
    cause = error.args[0] if error.args else None
    return isinstance(cause, ProtocolError) and isinstance(
        cause.args[-1], RemoteDisconnected | ConnectionResetError | BrokenPipeError
    )


def under_load(
    base: str, clients: int = 4
) -> tuple[Tally, threading.Event, list[threading.Thread]]:
    tally, stop = Tally(), threading.Event()
    threads = [
        threading.Thread(target=visitor, args=(base, tally, stop), daemon=True)
        for _ in range(clients)
    ]
    for thread in threads:
        thread.start()
    return tally, stop, threads


def finish(stop: threading.Event, threads: list[threading.Thread]) -> None:
    stop.set()
    for thread in threads:
        thread.join(timeout=60)


def missing_media(photos: list[str], database_url: str, bucket: S3Bucket) -> list[str]:
    """What is missing of what was stored: each photo page an upload was shown and its image,
    fetched; and, for every row in the database, its image and thumbnail objects."""
    missing = []
    for page_url in photos:
        page = requests.get(page_url, timeout=_TIMEOUT)
        if page.status_code != 200:
            missing.append(f"{page_url}: page {page.status_code}")
            continue
        for src in re.findall(r'<img\b[^>]*\bsrc="([^"]+)"', page.text):
            answer = requests.get(unescape(src), timeout=_TIMEOUT)
            if answer.status_code != 200:
                missing.append(f"{src}: {answer.status_code}")
    client = bucket.client()
    with psycopg.connect(database_url, connect_timeout=10) as connection:
        rows = connection.execute("SELECT id, image, thumbnail FROM gallery_photo").fetchall()
    for pk, *names in rows:
        for name in names:
            try:
                client.head_object(Bucket=bucket.name, Key=name)
            except ClientError:
                missing.append(f"photo {pk}: {name} is not stored")
    return missing


def wait(seconds: float, stop: threading.Event | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not (stop and stop.is_set()):
        time.sleep(0.1)
