"""BD104: a stored file's .path read through a plain name, when the function shows it is one."""

from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import lines


def test_a_file_served_from_its_local_path(tmp_path: Path) -> None:
    # Trimmed from django-filer (pypi:django-filer, BSD-3-Clause),
    # filer/server/backends/default.py, and easy-thumbnails 2.10.1
    # (pypi:easy-thumbnails==2.10.1, BSD-3-Clause), easy_thumbnails/files.py.
    files = {
        "filer/server/backends/default.py": """
            import os

            from django.http import Http404, HttpResponse

            from .base import ServerBase


            class DefaultServer(ServerBase):
                def serve(self, request, filer_file, **kwargs):
                    fullpath = filer_file.path
                    if not os.path.exists(fullpath):
                        raise Http404('"%s" does not exist' % fullpath)
                    with open(fullpath, "rb") as f:
                        response = HttpResponse(f.read())
                    self.default_headers(request=request, response=response, file_obj=filer_file.file)
                    return response
        """,
        "easy_thumbnails/files.py": """
            import os

            from django.core.files.images import get_image_dimensions


            def database_get_image_dimensions(file, close=False):
                if os.path.splitext(file.file.name)[1] == ".svg":
                    from easy_thumbnails.VIL.Image import load
                    return load(file.path).size
                return get_image_dimensions(file, close=close)
        """,
    }
    assert lines(tmp_path, files, "BD104") == [
        ("easy_thumbnails/files.py", 9),
        ("filer/server/backends/default.py", 10),
    ]


def test_paths_that_are_not_stored_files(tmp_path: Path) -> None:
    files = {
        "pages/views.py": """
            import os
            from urllib.parse import urlparse


            def breadcrumbs(request, page, link):
                parsed = urlparse(link)
                for entry in os.scandir("."):
                    print(entry.path)
                return page.url, page.path, parsed.path, request.path
        """,
    }
    assert lines(tmp_path, files, "BD104") == []
