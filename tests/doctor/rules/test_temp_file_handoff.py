"""BD206: a temporary file whose name goes back to the client and is reopened by the next request."""

from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import lines

# Trimmed from django-import-export 4.3.7 (pypi:django-import-export==4.3.7, BSD-2-Clause),
# import_export/tmp_storages.py; wagtail 6.3.1 keeps a copy in
# wagtail/contrib/redirects/tmp_storages.py.
TMP_STORAGES = """
import os
import tempfile

from django.core.cache import cache


class BaseStorage:
    def __init__(self, **kwargs):
        self.name = kwargs.get("name", None)


class TempFolderStorage(BaseStorage):
    def read(self):
        with self._open(mode="r") as file:
            return file.read()

    def get_full_path(self):
        return os.path.join(tempfile.gettempdir(), self.name)

    def _open(self, mode="r"):
        if self.name:
            return open(self.get_full_path(), mode)
        else:
            tmp_file = tempfile.NamedTemporaryFile(delete=False)
            self.name = tmp_file.name
            return tmp_file


class CacheStorage(BaseStorage):
    def read(self):
        return cache.get("django-import-export-" + self.name)
"""


def test_import_confirm_step_reopens_the_temporary_file(tmp_path: Path) -> None:
    # import_export/admin.py (django-import-export 4.3.7), ImportMixin.process_import.
    files = {
        "import_export/tmp_storages.py": TMP_STORAGES,
        "import_export/admin.py": """
            from django.conf import settings
            from django.utils.module_loading import import_string

            from .tmp_storages import TempFolderStorage


            class ImportMixin:
                tmp_storage_class = None

                def get_tmp_storage_class(self):
                    if self.tmp_storage_class is None:
                        tmp_storage_class = getattr(
                            settings, "IMPORT_EXPORT_TMP_STORAGE_CLASS", TempFolderStorage
                        )
                    else:
                        tmp_storage_class = self.tmp_storage_class
                    if isinstance(tmp_storage_class, str):
                        tmp_storage_class = import_string(tmp_storage_class)
                    return tmp_storage_class

                def process_import(self, request, **kwargs):
                    confirm_form = self.create_confirm_form(request)
                    if confirm_form.is_valid():
                        tmp_storage_cls = self.get_tmp_storage_class()
                        tmp_storage = tmp_storage_cls(
                            name=confirm_form.cleaned_data["import_file_name"],
                        )
                        data = tmp_storage.read()
                        tmp_storage.remove()
                        return data
        """,
    }
    assert lines(tmp_path, files, "BD206") == [("import_export/admin.py", 25)]


def test_storage_chosen_by_a_function_of_another_module(tmp_path: Path) -> None:
    # wagtail 6.3.1 (pypi:wagtail==6.3.1, BSD-3-Clause): wagtail/contrib/redirects/utils.py
    # and views.py, the redirects import's confirm step.
    files = {
        "redirects/tmp_storages.py": TMP_STORAGES,
        "redirects/utils.py": """
            from django.conf import settings

            from .tmp_storages import CacheStorage, TempFolderStorage


            def get_file_storage():
                file_storage = getattr(settings, "WAGTAIL_REDIRECTS_FILE_STORAGE", "tmp_file")
                if file_storage == "tmp_file":
                    return TempFolderStorage
                if file_storage == "cache":
                    return CacheStorage
                raise Exception("Invalid file storage, must be either 'tmp_file' or 'cache'")
        """,
        "redirects/views.py": """
            from .forms import ConfirmImportManagementForm
            from .utils import get_file_storage


            def process_import(request):
                management_form = ConfirmImportManagementForm(request.POST)
                if not management_form.is_valid():
                    raise ValueError("bad form")
                FileStorage = get_file_storage()
                file_storage = FileStorage(name=management_form.cleaned_data["import_file_name"])
                data = file_storage.read()
                file_storage.remove()
                return data
        """,
    }
    assert lines(tmp_path, files, "BD206") == [("redirects/views.py", 10)]


def test_a_name_from_the_client_for_something_else_is_not_a_temporary_file(
    tmp_path: Path,
) -> None:
    # Only the cache storage is reachable from this view, and a name given to a model is data.
    files = {
        "imports/tmp_storages.py": TMP_STORAGES,
        "imports/views.py": """
            from .models import Tag
            from .tmp_storages import CacheStorage


            def confirm(request, form):
                data = CacheStorage(name=form.cleaned_data["import_file_name"]).read()
                Tag.objects.create(name=request.POST["name"])
                return data
        """,
    }
    assert lines(tmp_path, files, "BD206") == []


def test_a_temporary_file_used_within_one_request_is_fine(tmp_path: Path) -> None:
    files = {
        "reports/views.py": """
            import os
            import tempfile


            def export(request):
                with tempfile.NamedTemporaryFile(suffix=".csv") as handle:
                    handle.write(b"a,b")
                    handle.flush()
                    size = os.path.getsize(handle.name)
                request.session["exported"] = size
                return size
        """,
    }
    assert lines(tmp_path, files, "BD206") == []


def test_a_temporary_path_kept_in_the_session_or_named_by_the_client(tmp_path: Path) -> None:
    files = {
        "uploads/views.py": """
            import os
            import tempfile


            def upload(request):
                handle = tempfile.NamedTemporaryFile(delete=False)
                handle.write(request.FILES["file"].read())
                request.session["pending_upload"] = handle.name


            def confirm(request):
                path = os.path.join(tempfile.gettempdir(), request.POST["token"])
                with open(path, "rb") as pending:
                    return pending.read()
        """,
    }
    assert lines(tmp_path, files, "BD206") == [("uploads/views.py", 8), ("uploads/views.py", 12)]


def test_a_task_queued_with_a_temporary_path(tmp_path: Path) -> None:
    # The shape of paperless-ngx's upload view (github:paperless-ngx/paperless-ngx@
    # b0e0e8a35373a5d9d588a507cb63c79e50a23403, src/documents/views.py; GPL-3.0, so written
    # anew here, not copied): the upload goes under a mkdtemp() folder, and its path, inside
    # an object, is queued for the Celery worker.
    files = {
        "inbox/views.py": """
            import tempfile
            from pathlib import Path

            from django.conf import settings
            from rest_framework.views import APIView

            from inbox.tasks import ingest, reindex


            class UploadView(APIView):
                def post(self, request, *args, **kwargs):
                    name, payload = request.data["document"]
                    scratch = Path(tempfile.mkdtemp(dir=settings.SCRATCH_DIR)) / name
                    scratch.write_bytes(payload)
                    job = IngestJob(source=scratch)
                    result = ingest.apply_async(kwargs={"job": job})
                    reindex.delay(name)
                    return result.id
        """,
    }
    assert lines(tmp_path, files, "BD206") == [("inbox/views.py", 16)]
