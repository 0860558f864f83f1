from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import lines, run

# Trimmed from whaleforever/carilogo (GitHub): search/views.py@092348e3 hands a folder and a
# file under MEDIA_ROOT to the helpers of lib/tools.py@11b6918e, which make and write them.
CARILOGO = {
    "lib/__init__.py": "",
    "lib/tools.py": """
        import os
        import errno

        def make_sure_path_exists(path):
            try:
                os.makedirs(path)
            except OSError as exception:
                if exception.errno != errno.EEXIST:
                    raise

        def handle_uploaded_file(f, path):
            with open(path, 'wb+') as destination:
                for chunk in f.chunks():
                    destination.write(chunk)
    """,
    "search/__init__.py": "",
    "search/views.py": """
        import os
        from django.views.generic import FormView
        from django.conf import settings
        from django.http import JsonResponse

        from lib.tools import make_sure_path_exists, handle_uploaded_file


        class SearchView(FormView):
            def post(self, request, *args, **kwargs):
                tmp_dir = os.path.join(settings.MEDIA_ROOT, 'tmp')
                make_sure_path_exists(tmp_dir)

                image_file = request.FILES['file']
                tmp_file = os.path.join(tmp_dir, 'tmp.jpg')
                handle_uploaded_file(image_file, tmp_file)
                return JsonResponse({}, safe=False)
    """,
}


def test_a_view_handing_media_paths_to_helpers_of_another_module(tmp_path: Path) -> None:
    hits = [f for f in run(tmp_path, CARILOGO).findings if f.rule == "BD102"]
    assert [(f.path, f.line) for f in hits] == [("search/views.py", 12), ("search/views.py", 16)]
    assert "make_sure_path_exists(), whose os.makedirs() at lib/tools.py:6" in hits[0].message
    assert "handle_uploaded_file(), whose open() at lib/tools.py:12" in hits[1].message


def test_symlinks_and_the_local_path_of_stored_files(tmp_path: Path) -> None:
    files = {
        "gallery/models.py": """
            from django.db import models

            class Photo(models.Model):
                image = models.ImageField(upload_to="photos")
        """,
        "gallery/views.py": """
            import os
            from django.conf import settings
            from django.core.files.storage import default_storage
            from .models import Photo

            def link(src, dst):
                os.symlink(src, dst)

            def ensure(folder):
                os.makedirs(folder, exist_ok=True)

            def latest(request, pk):
                photo = Photo.objects.get(pk=pk)
                link(photo.image.path, os.path.join(settings.MEDIA_ROOT, "latest.jpg"))
                link(photo.image.path, "/tmp/preview.jpg")  # only the source is media: a read
                ensure(default_storage.path("thumbs"))
                ensure(photo.image.path + ".d")
                ensure(os.path.join(request.GET["where"], "x"))
        """,
    }
    assert [line for _, line in lines(tmp_path, files, "BD102")] == [14, 16, 17]


def test_helpers_called_only_where_nothing_serves(tmp_path: Path) -> None:
    files = {
        "shop/utils.py": """
            import os

            def ensure(folder):
                os.makedirs(folder, exist_ok=True)
        """,
        "shop/management/commands/thumbs.py": """
            import os
            from django.conf import settings
            from django.core.management.base import BaseCommand
            from shop.utils import ensure

            class Command(BaseCommand):
                def handle(self, *args, **options):
                    ensure(os.path.join(settings.MEDIA_ROOT, "thumbs"))
        """,
        "shop/migrations/0002_media.py": """
            import os
            from django.conf import settings
            from django.db import migrations
            from shop.utils import ensure

            def forwards(apps, schema_editor):
                ensure(os.path.join(settings.MEDIA_ROOT, "thumbs"))

            class Migration(migrations.Migration):
                operations = [migrations.RunPython(forwards)]
        """,
        "shop/tests/test_views.py": """
            import os
            from django.conf import settings
            from shop.utils import ensure

            def test_view(client):
                ensure(os.path.join(settings.MEDIA_ROOT, "thumbs"))
        """,
    }
    assert lines(tmp_path, files, "BD102") == []
