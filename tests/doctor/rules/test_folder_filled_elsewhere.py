"""BD103: a request reads a folder setting that a management command fills."""

from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import lines

# Trimmed from github:django/djangoproject.com@68a439a59f5692e9d847f23318d7a8603fc33c72
# (BSD-3-Clause): docs/management/commands/update_docs.py builds the documentation under
# settings.DOCS_BUILD_ROOT; docs/utils.py, which the docs views call, reads it.
COMMAND = """
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    def handle(self, **kwargs):
        for release in self.releases():
            checkout_dir = settings.DOCS_BUILD_ROOT / "sources" / release.version
            if not checkout_dir.exists():
                checkout_dir.mkdir(parents=True)
"""
UTILS = """
from django.conf import settings
from django.http import Http404


def get_doc_root(lang, version, builder="json"):
    return settings.DOCS_BUILD_ROOT / lang / version / "_built" / builder


def get_doc_root_or_404(lang, version, builder="json"):
    docroot = get_doc_root(lang, version, builder)
    if not docroot.exists():
        raise Http404(str(docroot))
    return docroot
"""


def test_a_folder_a_management_command_fills(tmp_path: Path) -> None:
    files = {
        "docs/management/commands/update_docs.py": COMMAND,
        "docs/utils.py": UTILS,
        "geo/views.py": """
            from django.conf import settings


            def country(request):
                with open(settings.GEOIP_PATH / "countries.mmdb", "rb") as handle:
                    return handle.read(4)
        """,
    }
    assert lines(tmp_path, files, "BD103") == [("docs/utils.py", 11)]


def test_a_folder_nothing_of_the_project_fills(tmp_path: Path) -> None:
    assert lines(tmp_path, {"docs/utils.py": UTILS}, "BD103") == []


def test_a_command_that_only_makes_sure_the_folder_exists(tmp_path: Path) -> None:
    # paperless-ngx's document_archiver runs settings.SCRATCH_DIR.mkdir(...) before its work
    # (github:paperless-ngx/paperless-ngx@b0e0e8a35373a5d9d588a507cb63c79e50a23403,
    # src/documents/management/commands/document_archiver.py): that fills nothing another
    # module reads there.
    files = {
        "documents/management/commands/document_archiver.py": """
            from django.conf import settings
            from django.core.management.base import BaseCommand


            class Command(BaseCommand):
                def handle(self, *args, **options):
                    settings.SCRATCH_DIR.mkdir(parents=True, exist_ok=True)
        """,
        "documents/double_sided.py": """
            from django.conf import settings


            def collate(request):
                staging = settings.SCRATCH_DIR / "double-sided-staging.pdf"
                return staging.exists()
        """,
    }
    assert lines(tmp_path, files, "BD103") == []
