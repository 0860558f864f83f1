"""A third-party app that derives media URLs from other URLs, under berth up --public-media.

django-photologue builds every thumbnail and display URL as ``os.path.dirname(photo.image.url)
+ "/cache/…"``: under signed links that drops the signature and rclone answers 400
(UnsupportedAlgorithm); with public media, as production setups that use it have, every link
works. Uploaded through one replica, the derived links are read through the other, and again
after every replica was replaced.
"""

from __future__ import annotations

import io
import re
import signal
from collections.abc import Iterator
from textwrap import dedent

import pytest
import requests
from PIL import Image
from tests.processes import child_environment, traversable_folder
from tests.up.harness import RunningUp, berth_up

from berth.cli import main

FILES = {
    "manage.py": """
        import os
        import sys

        if __name__ == "__main__":
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "photosite.settings")
            from django.core.management import execute_from_command_line

            execute_from_command_line(sys.argv)
    """,
    "photosite/__init__.py": "",
    "photosite/settings.py": """
        from pathlib import Path

        import berth

        BASE_DIR = Path(__file__).resolve().parent.parent
        INSTALLED_APPS = [
            "django.contrib.auth",
            "django.contrib.contenttypes",
            "django.contrib.sessions",
            "django.contrib.sites",
            "sortedm2m",
            "photologue",
            "photosite",
        ]
        SITE_ID = 1
        MIDDLEWARE = [
            "django.middleware.security.SecurityMiddleware",
            "django.middleware.common.CommonMiddleware",
        ]
        ROOT_URLCONF = "photosite.urls"
        TEMPLATES = [
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "DIRS": [BASE_DIR / "templates"],
                "APP_DIRS": True,
                "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
            }
        ]
        WSGI_APPLICATION = "photosite.wsgi.application"
        DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

        berth.configure(globals())
    """,
    "photosite/urls.py": """
        from django.core.files.base import ContentFile
        from django.http import JsonResponse
        from django.urls import include, path
        from django.views.decorators.csrf import csrf_exempt
        from photologue.models import Photo


        @csrf_exempt
        def upload(request):
            # As an app's own upload form would: photologue's model API.
            upload = request.FILES["image"]
            photo = Photo(title=request.POST["title"], slug=request.POST["title"])
            photo.image.save(upload.name, ContentFile(upload.read()), save=False)
            photo.save()
            return JsonResponse({"slug": photo.slug})


        urlpatterns = [
            path("upload", upload),
            path("photologue/", include("photologue.urls")),
            path("", include("berth.urls")),
        ]
    """,
    "photosite/wsgi.py": """
        import os

        from django.core.wsgi import get_wsgi_application

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "photosite.settings")
        application = get_wsgi_application()
    """,
    "templates/base.html": """
        <!doctype html>
        <html><body>{% block content %}{% endblock %}</body></html>
    """,
}


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 80, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def up() -> Iterator[RunningUp]:
    # Its own PostgreSQL and S3 server: public media are for berth up's own bucket.
    with traversable_folder("berth-test-photologue-") as folder:
        project = folder / "project"
        for relative, text in FILES.items():
            (project / relative).parent.mkdir(parents=True, exist_ok=True)
            (project / relative).write_text(dedent(text).lstrip())
        with berth_up(project, child_environment(WEB_CONCURRENCY="1"), "--public-media") as running:
            running.wait_ready(2, timeout=120)
            yield running


def links_on(up: RunningUp, slug: str, replica: str) -> tuple[str, list[str]]:
    """The photo page as ``replica`` serves it, and the media links in it."""
    for _ in range(10):
        page = requests.get(f"{up.url}/photologue/photo/{slug}/", timeout=10)
        if page.headers["X-Berth-Replica"] == replica:
            assert page.status_code == 200, page.text[:500]
            return page.text, re.findall(r'(?:src|href)="(/media/[^"]+)"', page.text)
    raise AssertionError(f"{replica} served no page")


def test_derived_links_work_on_the_other_replica_and_after_a_restart(up: RunningUp) -> None:
    assert "the image build (collectstatic) wrote 1 file(s) into the tree" in up.output()
    uploaded = requests.post(
        f"{up.url}/upload",
        data={"title": "sunset"},
        files={"image": ("sunset.jpg", jpeg())},
        timeout=30,
    )
    assert uploaded.status_code == 200, uploaded.text[:500]
    writer = uploaded.headers["X-Berth-Replica"]
    reader = {"web-1": "web-2", "web-2": "web-1"}[writer]

    def every_link_answers() -> None:
        _, links = links_on(up, "sunset", reader)
        derived = [link for link in links if "/cache/" in link]
        assert derived, links  # the display size, made from the original's URL by dirname()
        for link in links:
            media = requests.get(f"{up.url}{link}", timeout=10)
            assert media.status_code == 200, (link, media.status_code, media.text[:200])
            assert media.headers["Content-Type"] == "image/jpeg"

    every_link_answers()
    before = {replica["pid"] for replica in up.replicas().values()}
    up.process.send_signal(signal.SIGUSR1)
    up.wait_until(
        lambda: (
            up.state()["status"] == "ready"
            and not before & {replica["pid"] for replica in up.replicas().values()}
            and all(replica["ready"] for replica in up.replicas().values())
        ),
        "every replica replaced",
        timeout=120,
    )
    every_link_answers()


def test_the_s3_server_itself_still_refuses_anonymous_reads(up: RunningUp) -> None:
    # What an unsigned link to private media meets (docs/up.md): the bucket's folder is read
    # anonymously only under the entry point's /media/. The marker photologue saves at import.
    key = "photologue/photos/cache/CACHEDIR.TAG"
    endpoint = up.state()["services"]["s3"]["address"]
    anonymous = requests.get(f"{endpoint}/media/{key}", timeout=10)
    assert anonymous.status_code == 400 and "UnsupportedAlgorithm" in anonymous.text
    assert requests.get(f"{up.url}/media/{key}", timeout=10).status_code == 200


def test_a_backup_in_the_bucket_is_never_served_as_public_media(
    up: RunningUp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # berth db backup beside the running berth up files its dump in the bucket it serves.
    monkeypatch.chdir(up.project)
    assert main(["db", "backup"]) == 0
    folder = up.project / ".berth" / "s3" / "objects"
    (backup,) = [path for path in folder.rglob("db-*.dump") if "backups" in path.parts]
    key = backup.relative_to(next(folder.iterdir())).as_posix()
    assert key.startswith("backups/")
    for path in (key, "backups/", "/" + key, key.replace("backups", "%62ackups"), f"x/../{key}"):
        answer = requests.get(f"{up.url}/media/{path}", timeout=10)
        assert answer.status_code == 404, (path, answer.status_code)
    # The media beside them are still served.
    tag = "photologue/photos/cache/CACHEDIR.TAG"
    assert requests.get(f"{up.url}/media/{tag}", timeout=10).status_code == 200
