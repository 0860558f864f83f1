"""A person's path through the reference project, in a real browser, across real replicas.

`berth up --replicas 2` serves a copy of the example; Debian's chromium, driven by
Playwright, uploads a photo through the round-robin entry point and sees the photo and its
thumbnail on the pages that follow, whichever replica serves them.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from PIL import Image
from playwright.sync_api import Page, sync_playwright
from tests.processes import child_environment
from tests.s3_server import S3Bucket
from tests.up.harness import berth_up
from tests.verify.stateful_sample import copy_example


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.fail(
            "no chromium on PATH: `make test` installs Debian's, or says the command to run"
        )
    return found


SCREENSHOT = os.environ.get("BERTH_SCREENSHOT")  # set to refresh docs/images/gallery.png


def jpeg(width: int, height: int) -> bytes:
    buffer = io.BytesIO()
    image = Image.new("RGB", (width, height))
    image.putdata([(x % 256, (x * y) % 256, y % 256) for y in range(height) for x in range(width)])
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


@pytest.fixture
def entry_point(tmp_path: Path, database_url: str, s3_bucket: S3Bucket) -> Iterator[str]:
    project = copy_example(tmp_path / "gallery")
    env = child_environment(DATABASE_URL=database_url, STORAGE_URL=s3_bucket.storage_url)
    with berth_up(project, env, replicas=2) as up:
        up.wait_ready(2, timeout=120)
        yield up.url


def loaded(page: Page, selector: str) -> int:
    """The natural width of an image once the browser has fetched and decoded it."""
    page.wait_for_function(
        "s => { const i = document.querySelector(s); return i && i.complete && i.naturalWidth > 0 }",
        arg=selector,
        timeout=15_000,
    )
    return int(page.eval_on_selector(selector, "i => i.naturalWidth"))


def test_upload_and_see_photo_and_thumbnail(entry_point: str, tmp_path: Path) -> None:
    photo = tmp_path / "harbour.jpg"
    photo.write_bytes(jpeg(1200, 800))
    served_by: set[str] = set()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=["--no-sandbox"])
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 800})
            page.on(
                "response",
                lambda response: served_by.add(response.headers.get("x-berth-replica", "")),
            )
            page.goto(f"{entry_point}/upload/")
            page.fill("input[name=title]", "Harbour at dusk")
            page.set_input_files("input[name=image]", str(photo))
            page.click("button[type=submit]")
            page.wait_for_url("**/photos/*/")
            assert page.inner_text("h1") == "Harbour at dusk"
            # The footer names the replica that made the page, as its log lines do.
            assert page.inner_text("#replica") in {"web-1", "web-2"}
            assert loaded(page, "img#photo") == 1200

            page.goto(f"{entry_point}/")
            thumbnail = "main img[alt='Harbour at dusk']"
            assert 0 < loaded(page, thumbnail) <= 320
            # And again: the next request goes to the other replica, which shows it too.
            page.reload()
            assert 0 < loaded(page, thumbnail) <= 320
            if SCREENSHOT:
                page.screenshot(path=SCREENSHOT, full_page=True)
        finally:
            browser.close()
    assert {"web-1", "web-2"} <= served_by, served_by
    assert requests.get(f"{entry_point}/healthz", timeout=5).status_code == 200
