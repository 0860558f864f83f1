from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import lines


def test_listing_and_reading_media_root(tmp_path: Path) -> None:
    files = {
        "gallery/views.py": """
            import glob
            import os
            from django.conf import settings
            from django.core.files.storage import default_storage

            def photos(request):
                names = os.listdir(os.path.join(settings.MEDIA_ROOT, "photos"))
                found = glob.glob(f"{settings.MEDIA_ROOT}/photos/*.jpg")
                with open(os.path.join(settings.MEDIA_ROOT, names[0]), "rb") as handle:
                    data = handle.read()
                if os.path.exists(os.path.join(settings.MEDIA_ROOT, "x")):
                    pass
                ok = default_storage.listdir("photos")
                templates = os.listdir(os.path.join(settings.BASE_DIR, "templates"))
                return data, found, ok, templates
        """,
    }
    assert [line for _, line in lines(tmp_path, files, "BD103")] == [7, 8, 9, 11]
