"""Write a throwaway Django project whose settings.py only calls ``berth.configure(globals())``."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

FILES = {
    "manage.py": """
        import os
        import sys

        if __name__ == "__main__":
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "throwaway.settings")
            from django.core.management import execute_from_command_line

            execute_from_command_line(sys.argv)
    """,
    "throwaway/__init__.py": "",
    "throwaway/settings.py": """
        from pathlib import Path

        import berth

        BASE_DIR = Path(__file__).resolve().parent.parent
        INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "docs"]
        MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.common.CommonMiddleware"]
        ROOT_URLCONF = "throwaway.urls"
        DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

        berth.configure(globals())
    """,
    "throwaway/urls.py": """
        from django.urls import include, path

        from docs.views import document, upload

        urlpatterns = [
            path("documents/<int:pk>", document),
            path("documents/upload", upload),
            path("", include("berth.urls")),
        ]
    """,
    "throwaway/wsgi.py": """
        import os

        from django.core.wsgi import get_wsgi_application

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "throwaway.settings")
        application = get_wsgi_application()
    """,
    "throwaway/asgi.py": """
        import os

        from django.core.asgi import get_asgi_application

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "throwaway.settings")
        application = get_asgi_application()
    """,
    "docs/__init__.py": "",
    "docs/models.py": """
        from django.db import models


        class Document(models.Model):
            file = models.FileField(upload_to="documents/")
    """,
    "docs/views.py": """
        from django.http import FileResponse, JsonResponse
        from django.shortcuts import get_object_or_404
        from django.views.decorators.csrf import csrf_exempt

        from docs.models import Document


        def document(request, pk):
            return FileResponse(get_object_or_404(Document, pk=pk).file.open("rb"))


        @csrf_exempt
        def upload(request):
            document = Document.objects.create(file=request.FILES["file"])
            return JsonResponse({"pk": document.pk, "name": document.file.name, "size": document.file.size})
    """,
    "docs/migrations/__init__.py": "",
    "docs/migrations/0001_initial.py": """
        from django.db import migrations, models


        class Migration(migrations.Migration):
            initial = True
            dependencies = []
            operations = [
                migrations.CreateModel(
                    name="Document",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False)),
                        ("file", models.FileField(upload_to="documents/")),
                    ],
                ),
            ]
    """,
}


def write_project(folder: Path) -> Path:
    for name, text in FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(text).lstrip())
    return folder
