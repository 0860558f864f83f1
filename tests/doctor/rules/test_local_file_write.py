from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import lines

VIEWS = """
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse


def export(request):
    path = os.path.join(settings.MEDIA_ROOT, "exports", "report.csv")
    with open(path, "w") as handle:
        handle.write("a,b")
    return HttpResponse("ok")


def upload(request):
    folder = Path(settings.BASE_DIR) / "uploads"
    folder.mkdir(exist_ok=True)
    (folder / "x.txt").write_text(request.POST["text"])
    shutil.copy(request.FILES["f"].temporary_file_path(), os.path.join(settings.MEDIA_ROOT, "f"))
    with open("report.txt", "a") as handle:
        handle.write("x")
    zipfile.ZipFile(request.FILES["z"]).extractall()
    return HttpResponse("ok")


def fine(request):
    default_storage.save("exports/report.csv", ContentFile(b"a,b"))
    with tempfile.NamedTemporaryFile(suffix=".csv") as scratch:
        scratch.write(b"a,b")
    folder = tempfile.mkdtemp()
    with open(os.path.join(folder, "x"), "w") as handle:
        handle.write("x")
    shutil.rmtree(folder)
    with open(os.path.join(settings.MEDIA_ROOT, "x")) as handle:  # a read: BD103's business
        handle.read()
    return HttpResponse("ok")
"""


def test_writes_under_the_project_tree_from_views(tmp_path: Path) -> None:
    assert [line for _, line in lines(tmp_path, {"shop/views.py": VIEWS}, "BD102")] == [
        15,
        22,
        23,
        24,
        25,
        27,
    ]


def test_relative_paths_count_only_while_serving(tmp_path: Path) -> None:
    files = {
        "shop/reports.py": """
            def dump(rows):
                with open("rows.txt", "w") as handle:
                    handle.write(str(rows))
        """,
        "shop/tasks.py": """
            from celery import shared_task

            @shared_task
            def dump(rows):
                with open("rows.txt", "w") as handle:
                    handle.write(str(rows))
        """,
        "shop/management/commands/export.py": """
            from django.conf import settings
            def handle():
                open(settings.BASE_DIR / "export.csv", "w").write("x")
        """,
    }
    assert lines(tmp_path, files, "BD102") == [("shop/tasks.py", 5)]


def test_debug_only_code_is_fine(tmp_path: Path) -> None:
    files = {
        "shop/views.py": """
            from django.conf import settings
            def view(request):
                if settings.DEBUG:
                    open(settings.BASE_DIR / "debug.log", "a").write("x")
        """,
    }
    assert lines(tmp_path, files, "BD102") == []


# Trimmed from diarmuidclarke/fileworx, fxsite/fxapp/utils_file.py (GitHub): the docs' own
# "Bad" example, the only write in its module, the path built inside the open() call.
ONLY_WRITE = """
import os
from django.conf import settings

def upload_the_file(request, f):
    with open(os.path.join(settings.MEDIA_ROOT, f.name), 'wb+') as destination:
        for chunk in f.chunks():
            destination.write(chunk)
"""


def test_the_only_write_of_a_module_with_its_path_built_in_the_call(tmp_path: Path) -> None:
    assert lines(tmp_path, {"fxapp/utils_file.py": ONLY_WRITE}, "BD102") == [
        ("fxapp/utils_file.py", 5)
    ]


# Trimmed from taiga-back (github:kaleidos-ventures/taiga-back@b6eac2c5), taiga/base/storage.py:
# a FileSystemStorage subclass whose open() makes its own folders under MEDIA_ROOT.
STORAGE_BACKEND = """
import os
from django.conf import settings
from django.core.files import storage

class FileSystemStorage(storage.FileSystemStorage):
    def open(self, name, mode='rb'):
        directory = os.path.join(settings.MEDIA_ROOT, os.path.dirname(name))
        if not os.path.exists(directory):
            os.makedirs(directory)
        return super().open(name, mode=mode)
"""


def test_a_storage_backends_own_files_are_its_business(tmp_path: Path) -> None:
    files = {"taiga/base/storage.py": STORAGE_BACKEND}
    assert lines(tmp_path, files, "BD102") + lines(tmp_path, files, "BD103") == []
