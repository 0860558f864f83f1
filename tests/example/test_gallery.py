"""The example project, run the way a container runs it: real processes, real services.

pytest's own Django settings are the unit-test ones, so the example is never imported here:
``manage.py`` and gunicorn run in subprocesses configured by environment variables only.
"""

from __future__ import annotations

import html
import io
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import psycopg
import pytest
import requests
from PIL import Image
from tests.processes import child_environment as child_env
from tests.processes import gunicorn, manage
from tests.s3_server import S3Bucket

EXAMPLE = Path(__file__).resolve().parents[2] / "example"
SECRET_KEY = "example-tests-" + "k" * 50
TIMEOUT = 10

# What a child process inherits; everything else (DJANGO_SETTINGS_MODULE set by
# pytest-django, berth's variables, AWS_*) stays out, as in a fresh container.


def png(color: str = "teal", size: tuple[int, int] = (16, 12), **options: Any) -> bytes:
    buffer = io.BytesIO()
    Image.new(options.pop("mode", "RGB"), size, color).save(buffer, "PNG", **options)
    return buffer.getvalue()


BLUE = (0, 0, 255)


def jpeg(size: tuple[int, int], orientation: int = 1) -> bytes:
    """A red JPEG whose top-left quarter is blue, with an EXIF orientation tag."""
    image = Image.new("RGB", size, "red")
    image.paste(BLUE, (0, 0, size[0] // 2, size[1] // 2))
    exif = Image.Exif()
    exif[0x0112] = orientation
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90, exif=exif.tobytes())
    return buffer.getvalue()


def truncated_jpeg() -> bytes:
    """A JPEG cut in the middle: its header reads fine, its pixels do not all decode."""
    content = jpeg((1200, 900))
    with Image.open(io.BytesIO(content[: len(content) // 2])) as image:
        assert image.size == (1200, 900), "Pillow opens the cut file: the header is intact"
    return content[: len(content) // 2]


@dataclass(frozen=True)
class Site:
    base: str
    database_url: str
    bucket: S3Bucket
    endpoint: str
    env: dict[str, str]

    def object_keys(self) -> list[str]:
        listing = self.bucket.client().list_objects_v2(Bucket=self.bucket.name)
        return [item["Key"] for item in listing.get("Contents", [])]

    def photo_rows(self) -> int:
        with psycopg.connect(self.database_url) as connection:
            row = connection.execute("SELECT count(*) FROM gallery_photo").fetchone()
        assert row is not None
        return int(row[0])


@pytest.fixture(scope="module")
def site(
    module_database_url: str, module_s3_bucket: S3Bucket, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Site]:
    """The example on PostgreSQL and S3 with DEBUG off, served by one gunicorn worker."""
    database_url, s3_bucket = module_database_url, module_s3_bucket
    work = tmp_path_factory.mktemp("gallery")
    env = child_env(
        DATABASE_URL=database_url,
        STORAGE_URL=s3_bucket.storage_url,
        SECRET_KEY=SECRET_KEY,
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        STATIC_ROOT=str(work / "static"),
    )
    manage(EXAMPLE, "migrate", "--noinput", env=env)
    manage(EXAMPLE, "collectstatic", "--noinput", env=env)

    # Threads, so that the counter sees concurrent requests on separate connections.
    with gunicorn("gallery_site.wsgi", env=env, cwd=EXAMPLE, extra_args=["--threads", "4"]) as base:
        endpoint = parse_qs(urlsplit(s3_bucket.storage_url).query)["endpoint_url"][0]
        yield Site(base, database_url, s3_bucket, endpoint.rstrip("/"), env)


def upload(
    session: requests.Session, base: str, title: str, filename: str, content: bytes, mime: str
) -> requests.Response:
    """Submit the upload form as a browser does: its CSRF token first, then the file."""
    form = session.get(f"{base}/upload/", timeout=TIMEOUT)
    assert form.status_code == 200
    assert "csrftoken" in session.cookies
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    assert match, "the upload form carries a CSRF token"
    return session.post(
        f"{base}/upload/",
        data={"csrfmiddlewaretoken": match.group(1), "title": title},
        files={"image": (filename, content, mime)},
        timeout=TIMEOUT,
    )


def visits(page: str) -> int:
    match = re.search(r'id="visits">(\d+)<', page)
    assert match, "the list page shows its visit count"
    return int(match.group(1))


def test_readyz(site: Site) -> None:
    response = requests.get(f"{site.base}/readyz", timeout=TIMEOUT)
    assert response.status_code == 200, response.text


def test_concurrent_visits_all_count(site: Site) -> None:
    """Run first, the requests also race to create the counter's row."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        pages = list(pool.map(lambda _: _get(f"{site.base}/"), range(24)))
    counts = sorted(visits(page) for page in pages)
    assert counts == list(range(counts[0], counts[0] + 24))


def test_each_page_names_the_replica_that_served_it(site: Site) -> None:
    # HOSTNAME as Docker, Kubernetes and berth up set it; the site here runs without one.
    expected = site.env.get("HOSTNAME") or socket.gethostname()
    assert f'<span id="replica">{expected}</span>' in _get(f"{site.base}/")


def _get(url: str) -> str:
    response = requests.get(url, timeout=TIMEOUT)
    assert response.status_code == 200
    return response.text


def test_upload_lands_in_the_bucket_and_is_served_from_it(site: Site) -> None:
    content = png("crimson")
    keys, rows = set(site.object_keys()), site.photo_rows()
    with requests.Session() as session:
        response = upload(session, site.base, "Red square", "red.png", content, "image/png")
        assert response.status_code == 200
        assert [r.status_code for r in response.history] == [302]
        assert re.fullmatch(rf"{re.escape(site.base)}/photos/\d+/", response.url)
        assert "Red square" in response.text

        img = re.search(r'<img id="photo" src="([^"]+)"', response.text)
        assert img, response.text
        url = html.unescape(img.group(1))
        assert url.startswith(f"{site.endpoint}/"), url
        assert re.search(r"[?&](X-Amz-)?Signature=", url), "a private bucket's URL is presigned"
        served = requests.get(url, timeout=TIMEOUT)
        assert served.status_code == 200
        assert served.content == content

        name = re.search(r'<code id="name">([^<]+)</code>', response.text)
        assert name
        stored = html.unescape(name.group(1))
        assert re.fullmatch(r"photos/\d{4}/\d{2}/red[^/]*\.png", stored), stored
        added = set(site.object_keys()) - keys
        assert stored in added
        (thumbnail,) = added - {stored}
        assert re.fullmatch(r"thumbs/\d{4}/\d{2}/red[^/]*\.webp", thumbnail), thumbnail
        assert site.photo_rows() == rows + 1

        assert '<a id="back" href="/">' in response.text
        listing = session.get(f"{site.base}/", timeout=TIMEOUT)
        assert listing.status_code == 200
        assert "Red square" in listing.text
        shown = thumbnail_img(listing.text, "Red square")
        assert urlsplit(shown.url).path == f"/{site.bucket.name}/{thumbnail}"
        assert (shown.width, shown.height) == (16, 12), "a small image is not enlarged"


@dataclass(frozen=True)
class Img:
    url: str
    width: int
    height: int


def thumbnail_img(page: str, title: str) -> Img:
    match = re.search(
        rf'<img src="([^"]+)" width="(\d+)" height="(\d+)" alt="{re.escape(title)}"', page
    )
    assert match, f"the list shows a thumbnail of {title!r} with its size"
    return Img(html.unescape(match.group(1)), int(match.group(2)), int(match.group(3)))


def test_the_thumbnail_is_upright_and_fits_the_box(site: Site) -> None:
    """A landscape camera image tagged "turn 90° clockwise" becomes a portrait thumbnail."""
    with requests.Session() as session:
        response = upload(
            session, site.base, "Turned", "turned.jpg", jpeg((1200, 800), 6), "image/jpeg"
        )
        assert [r.status_code for r in response.history] == [302]
        shown = thumbnail_img(session.get(f"{site.base}/", timeout=TIMEOUT).text, "Turned")

    served = requests.get(shown.url, timeout=TIMEOUT)
    assert served.status_code == 200
    assert served.headers["Content-Type"] == "image/webp"
    with Image.open(io.BytesIO(served.content)) as image:
        assert image.format == "WEBP"
        assert image.size == (shown.width, shown.height) == (213, 320)
        rgb = image.convert("RGB")
        # The blue top-left quarter of the stored landscape is top right once upright.
        assert _near(rgb.getpixel((image.width - 10, 10)), BLUE)
        assert _near(rgb.getpixel((10, image.height - 10)), (255, 0, 0))


def noise_jpeg(size: tuple[int, int]) -> bytes:
    """Random pixels compress badly: a JPEG larger than Django keeps in memory (2.5 MB)."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", size, random.randbytes(size[0] * size[1] * 3)).save(
        buffer, "JPEG", quality=95
    )
    assert len(buffer.getvalue()) > 2_621_440, "the upload goes to a temporary file"
    return buffer.getvalue()


def palette_gif() -> bytes:
    image = Image.new("P", (400, 100), 1)
    image.putpalette([0, 0, 0, 255, 0, 0] + [0] * 762)
    image.paste(0, (0, 0, 200, 100))  # the left half is transparent
    buffer = io.BytesIO()
    image.save(buffer, "GIF", transparency=0)
    return buffer.getvalue()


IMAGES = {
    # (file name, content, thumbnail size, thumbnail mode)
    "a JPEG streamed to a temporary file": (
        "noise.jpg",
        lambda: noise_jpeg((2000, 1500)),
        (320, 240),
        "RGB",
    ),
    "a translucent PNG": (
        "glass.png",
        lambda: png((0, 128, 0, 100), (640, 480), mode="RGBA"),
        (320, 240),
        "RGBA",
    ),
    "a palette GIF with transparency": ("flag.gif", palette_gif, (320, 80), "RGBA"),
    "a grey PNG": ("grey.png", lambda: png(128, (100, 900), mode="L"), (36, 320), "RGB"),
}


@pytest.mark.parametrize("case", IMAGES)
def test_each_kind_of_image_gets_a_thumbnail(site: Site, case: str) -> None:
    filename, make_content, size, mode = IMAGES[case]
    with requests.Session() as session:
        response = upload(session, site.base, case, filename, make_content(), "image/png")
        assert [r.status_code for r in response.history] == [302], response.text
        shown = thumbnail_img(session.get(f"{site.base}/", timeout=TIMEOUT).text, case)
    with Image.open(io.BytesIO(requests.get(shown.url, timeout=TIMEOUT).content)) as image:
        assert (image.format, image.size, image.mode) == ("WEBP", size, mode)
        assert (shown.width, shown.height) == size


def _near(pixel: Any, expected: tuple[int, int, int]) -> bool:
    return all(abs(a - b) <= 40 for a, b in zip(pixel, expected, strict=True))


def test_each_list_request_counts_one_visit(site: Site) -> None:
    with requests.Session() as session:
        first = visits(session.get(f"{site.base}/", timeout=TIMEOUT).text)
        second = visits(session.get(f"{site.base}/", timeout=TIMEOUT).text)
        third = visits(session.get(f"{site.base}/", timeout=TIMEOUT).text)
    assert first >= 1
    assert (second, third) == (first + 1, first + 2)


BAD_UPLOADS = {
    "a text file": (
        lambda: b"just some text\n",
        "Upload a valid image",
    ),
    "a truncated JPEG": (
        truncated_jpeg,
        "The image is damaged or incomplete and could not be read",
    ),
    "over 10 MB": (
        lambda: png("white", size=(2000, 1800), compress_level=0),  # ~10.8 MB, stored raw
        "The file is larger than 10.0\xa0MB, the largest accepted.",
    ),
    # A few kilobytes each, a decompression bomb once decoded. Pillow warns above
    # MAX_IMAGE_PIXELS (89 million) and refuses to open twice that.
    "100 megapixels": (
        lambda: png(0, size=(10_000, 10_000), mode="1"),
        "The image is 10000×10000 pixels; the largest accepted is 89 megapixels.",
    ),
    "a decompression bomb": (
        lambda: png(0, size=(14_000, 14_000), mode="1"),
        "The image has too many pixels; the largest accepted is 89 megapixels.",
    ),
}


@pytest.mark.parametrize("case", BAD_UPLOADS)
def test_a_bad_upload_gets_a_form_error_and_writes_nothing(site: Site, case: str) -> None:
    make_content, error = BAD_UPLOADS[case]
    keys, rows = site.object_keys(), site.photo_rows()
    with requests.Session() as session:
        response = upload(session, site.base, case, "upload.png", make_content(), "image/png")
    assert response.status_code == 200
    assert not response.history, "an invalid upload does not redirect"
    errors = re.search(r'<ul class="errorlist"[^>]*>(.*?)</ul>', response.text, re.S)
    assert errors, "the form shows an error"
    assert error in html.unescape(errors.group(1))
    assert (site.object_keys(), site.photo_rows()) == (keys, rows)


def test_an_upload_over_the_limit_is_refused_before_its_body_is_read(site: Site) -> None:
    """The replica answers while most of a 30 MB body is still unsent: it never reads it."""
    with requests.Session() as session:
        form = session.get(f"{site.base}/upload/", timeout=TIMEOUT)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
        assert token
        cookie = session.cookies["csrftoken"]
    boundary = "berthlimit"
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"\r\n\r\n'
        f"{token.group(1)}\r\n--{boundary}\r\nContent-Disposition: form-data; "
        f'name="image"; filename="big.png"\r\nContent-Type: image/png\r\n\r\n'
    ).encode()
    size = 30 << 20
    port = int(site.base.rpartition(":")[2])
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as connection:
        connection.sendall(
            (
                f"POST /upload/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                f"Content-Type: multipart/form-data; boundary={boundary}\r\n"
                f"Content-Length: {len(head) + size}\r\nCookie: csrftoken={cookie}\r\n"
                f"Referer: {site.base}/upload/\r\n\r\n"
            ).encode()
            + head
            + b"\0" * (1 << 20)
        )
        answer = b""
        while b"</html>" not in answer:
            chunk = connection.recv(1 << 16)
            if not chunk:
                break
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200"), answer[:200]
    assert "The file is larger than 10.0\xa0MB" in html.unescape(answer.decode(errors="replace"))


# Run in the example's own process: a title too long for its column passes no form, so the
# database itself refuses the row, after both objects were stored.
ROW_FAILS = """
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DataError
from gallery.models import Photo
from gallery.thumbnails import make_thumbnail

upload = SimpleUploadedFile("doomed.png", CONTENT, content_type="image/png")
photo = Photo(title="x" * 201, image=upload)
try:
    photo.save_with_thumbnail(make_thumbnail(upload))
except DataError as error:
    print("REFUSED", type(error).__name__)
"""

# Killed for good between storing the objects and inserting the row, as SIGKILL or the
# out-of-memory killer would: pre_save runs inside Model.save(), after the storage writes.
KILLED = """
import os, signal
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models.signals import pre_save
from gallery.models import Photo
from gallery.thumbnails import make_thumbnail

def kill(**kwargs):
    print("STORED", photo.image.name, photo.thumbnail.name, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)

pre_save.connect(kill, sender=Photo)
upload = SimpleUploadedFile("killed.png", CONTENT, content_type="image/png")
photo = Photo(title="Killed", image=upload)
photo.save_with_thumbnail(make_thumbnail(upload))
"""


def test_a_row_that_fails_takes_its_objects_with_it(site: Site) -> None:
    keys, rows = site.object_keys(), site.photo_rows()
    script = f"CONTENT = {png('orange')!r}\n{ROW_FAILS}"
    output = manage(EXAMPLE, "shell", "-c", script, env=site.env)
    assert "REFUSED DataError" in output
    assert (site.object_keys(), site.photo_rows()) == (keys, rows)


def test_a_replica_killed_mid_upload_leaves_orphans_that_berth_orphans_removes(
    site: Site,
) -> None:
    keys, rows = set(site.object_keys()), site.photo_rows()
    killed = subprocess.run(
        [sys.executable, str(EXAMPLE / "manage.py"), "shell", "-c"]
        + [f"CONTENT = {png('purple')!r}\n{KILLED}"],
        cwd=EXAMPLE,
        env=site.env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    orphans = set(killed.stdout.split("STORED ", 1)[1].split())
    assert set(site.object_keys()) - keys == orphans, "objects stored, then the process died"
    assert site.photo_rows() == rows, "but no row points at them"

    # Every other object in the bucket belongs to a photo: only the two are orphans.
    listed = manage(EXAMPLE, "berth_orphans", "--older-than", "0", env=site.env)
    assert set(listed.splitlines()[:-1]) == orphans, listed
    assert set(site.object_keys()) - keys == orphans, "a dry run deletes nothing"
    deleted = manage(EXAMPLE, "berth_orphans", "--older-than", "0", "--delete", env=site.env)
    assert "Deleted 2 orphaned objects" in deleted
    assert set(site.object_keys()) == keys


def test_static_files_are_served_with_debug_off(site: Site) -> None:
    page = requests.get(f"{site.base}/upload/", timeout=TIMEOUT).text
    match = re.search(
        r'<link rel="stylesheet" href="(/static/gallery/gallery\.[0-9a-f]+\.css)"', page
    )
    assert match, "collectstatic's manifest names the CSS file"
    css = requests.get(f"{site.base}{match.group(1)}", timeout=TIMEOUT)
    assert css.status_code == 200
    assert ".photos" in css.text


SHELL_UPLOAD = """
import io
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from gallery.models import Photo

buffer = io.BytesIO()
Image.new("RGB", (4, 4), "teal").save(buffer, "PNG")
image = SimpleUploadedFile("local.png", buffer.getvalue(), content_type="image/png")
response = Client(HTTP_HOST="localhost").post("/upload/", {"title": "Local", "image": image})
assert response.status_code == 302, response.status_code
print("STORED", Photo.objects.get().image.name)
"""


def test_runs_on_the_embedded_defaults(tmp_path: Path) -> None:
    project = tmp_path / "example"
    shutil.copytree(
        EXAMPLE, project, ignore=shutil.ignore_patterns("data", "staticfiles", "__pycache__")
    )
    env = child_env()
    manage(project, "migrate", "--noinput", env=env)
    checked = manage(project, "check", env=env)
    assert "berth.W001" in checked
    assert "berth.W002" in checked

    output = manage(project, "shell", "-c", SHELL_UPLOAD, env=env)
    stored = output.split("STORED ", 1)[1].split()[0]
    assert stored.startswith("photos/")
    assert (project / "data" / "db.sqlite3").is_file()
    assert (project / "data" / "media" / stored).read_bytes().startswith(b"\x89PNG")


# A simple guard until berth's doctor exists: files go through the storage API only.
FORBIDDEN = {
    "a file's local path (.path)": re.compile(r"(?<!\bos)(?<!\brequest)\.path\b"),
    "MEDIA_ROOT": re.compile(r"\bMEDIA_ROOT\b"),
    "open() of a local path": re.compile(
        r"(?<![\w.])open\(|\b(?:os|io|codecs)\.open\(|\.(?:read|write)_(?:bytes|text)\("
    ),
}


def _violations(text: str) -> list[str]:
    return [what for what, pattern in FORBIDDEN.items() if pattern.search(text)]


def test_the_example_touches_files_through_the_storage_api_only() -> None:
    sources = [
        path
        for path in sorted(EXAMPLE.rglob("*"))
        if path.suffix in (".py", ".html")
        and not {"data", "staticfiles", "__pycache__"} & set(path.relative_to(EXAMPLE).parts)
    ]
    assert EXAMPLE / "gallery" / "views.py" in sources
    assert EXAMPLE / "gallery" / "templates" / "gallery" / "photo_detail.html" in sources
    found = {
        f"{path.relative_to(EXAMPLE)}:{number}: {what}"
        for path in sources
        for number, line in enumerate(path.read_text().splitlines(), 1)
        for what in _violations(line)
    }
    assert not found, sorted(found)


@pytest.mark.parametrize(
    ("line", "flagged"),
    [
        ("Image.open(photo.image.path)", True),
        ('<a href="{{ photo.image.path }}">', True),
        ("os.listdir(settings.MEDIA_ROOT)", True),
        ("with open(name, 'rb') as f:", True),
        ("Path(name).read_bytes()", True),
        ("with photo.image.open('rb') as f:", False),
        ("from django.urls import include, path", False),
        ("os.path.join(a, b)", False),
        ("<img src='{{ photo.image.url }}'>", False),
    ],
)
def test_the_guard_itself(line: str, flagged: bool) -> None:
    assert bool(_violations(line)) is flagged
