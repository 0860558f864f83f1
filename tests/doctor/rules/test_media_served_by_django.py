from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import lines


def test_serve_outside_debug(tmp_path: Path) -> None:
    files = {
        "proj/urls.py": """
            from django.conf import settings
            from django.conf.urls.static import static
            from django.urls import re_path
            from django.views.static import serve

            urlpatterns = [
                re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
            ]
            if settings.DEBUG:
                urlpatterns += [re_path(r"^dev/(?P<path>.*)$", serve)]
            urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
        """,
    }
    assert lines(tmp_path, files, "BD107") == [("proj/urls.py", 7)]


def test_serve_on_a_line_without_media_root(tmp_path: Path) -> None:
    files = {
        "proj/urls.py": """
            from pathlib import Path

            from django.urls import re_path
            from django.views.static import serve as serve_file

            BASE = Path(__file__).resolve().parent.parent

            urlpatterns = []
            urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve_file, {"document_root": BASE})]
        """,
    }
    assert lines(tmp_path, files, "BD107") == [("proj/urls.py", 9)]
