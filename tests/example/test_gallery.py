"""The example project, run the way a container runs it: real processes, real services.

pytest's own Django settings are the unit-test ones, so the example is never imported here:
``manage.py`` and gunicorn run in subprocesses configured by environment variables only.
"""

from __future__ import annotations

import html
import io
import re
import shutil
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
    Image.new("RGB", size, color).save(buffer, "PNG", **options)
    return buffer.getvalue()


@dataclass(frozen=True)
class Site:
    base: str
    database_url: str
    bucket: S3Bucket
    endpoint: str

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
        yield Site(base, database_url, s3_bucket, endpoint.rstrip("/"))


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


def _get(url: str) -> str:
    response = requests.get(url, timeout=TIMEOUT)
    assert response.status_code == 200
    return response.text


def test_upload_lands_in_the_bucket_and_is_served_from_it(site: Site) -> None:
    content = png("crimson")
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
        assert any(key.endswith(stored) for key in site.object_keys()), site.object_keys()

        listing = session.get(f"{site.base}/", timeout=TIMEOUT)
        assert listing.status_code == 200
        assert "Red square" in listing.text
        assert html.escape(url) in listing.text or stored in listing.text


def test_each_list_request_counts_one_visit(site: Site) -> None:
    with requests.Session() as session:
        first = visits(session.get(f"{site.base}/", timeout=TIMEOUT).text)
        second = visits(session.get(f"{site.base}/", timeout=TIMEOUT).text)
        third = visits(session.get(f"{site.base}/", timeout=TIMEOUT).text)
    assert first >= 1
    assert (second, third) == (first + 1, first + 2)


def test_a_text_file_is_not_an_image(site: Site) -> None:
    keys, rows = site.object_keys(), site.photo_rows()
    with requests.Session() as session:
        response = upload(
            session, site.base, "Not a photo", "notes.png", b"just some text\n", "image/png"
        )
    assert response.status_code == 200
    assert not response.history, "an invalid upload does not redirect"
    assert "Upload a valid image" in response.text
    assert (site.object_keys(), site.photo_rows()) == (keys, rows)


def test_an_image_over_10_mb_is_refused(site: Site) -> None:
    content = png("white", size=(2000, 1800), compress_level=0)  # ~10.8 MB, stored raw
    assert len(content) > 10 * 1024 * 1024
    keys, rows = site.object_keys(), site.photo_rows()
    with requests.Session() as session:
        response = upload(session, site.base, "Too big", "big.png", content, "image/png")
    assert response.status_code == 200
    assert not response.history
    assert "the largest accepted is 10.0\xa0MB" in html.unescape(response.text)
    assert (site.object_keys(), site.photo_rows()) == (keys, rows)


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
