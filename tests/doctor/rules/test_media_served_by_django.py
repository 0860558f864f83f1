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
