from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import lines


def test_writes_at_import_and_in_ready(tmp_path: Path) -> None:
    files = {
        "proj/settings.py": """
            import os
            from pathlib import Path
            BASE_DIR = Path(__file__).resolve().parent.parent
            INSTALLED_APPS = ["shop"]
            LOG_DIR = BASE_DIR / "logs"
            os.makedirs(LOG_DIR, exist_ok=True)
            (BASE_DIR / "sessions").mkdir(exist_ok=True)
        """,
        "shop/apps.py": """
            from django.apps import AppConfig
            from django.core.files.base import ContentFile
            from django.core.files.storage import default_storage

            class ShopConfig(AppConfig):
                name = "shop"

                def ready(self):
                    default_storage.save("placeholder.png", ContentFile(b""))
        """,
        "shop/cli.py": """
            import os
            if __name__ == "__main__":
                os.makedirs("out", exist_ok=True)
        """,
        "shop/scratch.py": """
            import tempfile, os
            SCRATCH = tempfile.mkdtemp()
            os.makedirs(os.path.join(SCRATCH, "x"))
        """,
    }
    assert lines(tmp_path, files, "BD106") == [
        ("proj/settings.py", 6),
        ("proj/settings.py", 7),
        ("shop/apps.py", 9),
    ]
