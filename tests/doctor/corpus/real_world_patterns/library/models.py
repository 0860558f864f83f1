import os
from functools import lru_cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models

LIBRARY_DIR = "library"

# Runs at every import: in the image build, and once per replica start.
MARKER = os.path.join(LIBRARY_DIR, "cache", "CACHEDIR.TAG")
if not default_storage.exists(MARKER):
    default_storage.save(MARKER, ContentFile(b"Signature: 8a477f597d28d172789f06886806bc55"))


class Document(models.Model):
    file = models.FileField(upload_to="documents/")

    def is_stored_locally(self):
        try:
            self.file.path
            return True
        except NotImplementedError:
            return False

    def cache_url(self):
        return "/".join([os.path.dirname(self.file.url), "cache"])

    def sample_url(self):
        return settings.MEDIA_URL + "/".join([LIBRARY_DIR, "samples", "sample.jpg"])

    def admin_link(self):
        return f'<a href="{self.file.url}">{self.file.name}</a>'


@lru_cache(maxsize=None)
def document_types():
    return list(ContentType.objects.get_for_models(Document).values())
