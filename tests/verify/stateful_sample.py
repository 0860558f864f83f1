"""A deliberately stateful copy of the reference project: what berth verify must catch.

Media go to a FileSystemStorage inside the project tree and sessions to files beside it:
both work on one server and break as soon as there are two.
"""

from __future__ import annotations

import shutil
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[2] / "example"

STATEFUL_SETTINGS = """

# -- deliberately stateful: each replica keeps its own media and sessions --------------------
STORAGES["default"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(BASE_DIR / "media"), "base_url": "/media/"},
}
MEDIA_ROOT = str(BASE_DIR / "media")
MEDIA_URL = "/media/"
SESSION_ENGINE = "django.contrib.sessions.backends.file"
SESSION_FILE_PATH = str(BASE_DIR / "sessions")
(BASE_DIR / "sessions").mkdir(exist_ok=True)
(BASE_DIR / "media").mkdir(exist_ok=True)
"""

STATEFUL_URLS = """

from django.views.static import serve
from django.urls import re_path

urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": BASE / "media"})]
"""


def copy_example(folder: Path) -> Path:
    shutil.copytree(
        EXAMPLE,
        folder,
        ignore=shutil.ignore_patterns("data", "__pycache__", ".berth", "staticfiles"),
    )
    return folder


def make_stateful(folder: Path) -> Path:
    """Copy the example into ``folder`` and make it keep media and sessions on local disk."""
    copy_example(folder)
    settings = folder / "gallery_site" / "settings.py"
    settings.write_text(settings.read_text() + STATEFUL_SETTINGS)
    urls = folder / "gallery_site" / "urls.py"
    urls.write_text(
        urls.read_text()
        + "\nfrom pathlib import Path\n\nBASE = Path(__file__).resolve().parent.parent\n"
        + STATEFUL_URLS
    )
    return folder
