from __future__ import annotations

import logging
from pathlib import PurePosixPath

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models, transaction
from django.db.models import F
from django.db.models.fields.files import FieldFile
from django.urls import reverse

from gallery.thumbnails import CONTENT_TYPE, EXTENSION, Thumbnail
from gallery.validators import validate_upload_size

logger = logging.getLogger(__name__)


class Photo(models.Model):
    title = models.CharField(max_length=200)
    # Stored through the default storage: a folder on disk by default, a bucket when
    # STORAGE_URL says so. Only the storage API touches it (.url, .open(), .size).
    image = models.ImageField(upload_to="photos/%Y/%m/", validators=[validate_upload_size])
    # Made on upload (gallery.thumbnails); blank for photos stored before thumbnails existed.
    # Its size is kept in the row: ImageFieldFile.width would fetch the object to measure it.
    thumbnail = models.ImageField(upload_to="thumbs/%Y/%m/", blank=True, editable=False)
    thumbnail_width = models.PositiveIntegerField(null=True, editable=False)
    thumbnail_height = models.PositiveIntegerField(null=True, editable=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("gallery:detail", args=[self.pk])

    def save_with_thumbnail(self, thumbnail: Thumbnail) -> None:
        """Store the new photo's image and ``thumbnail``, then insert its row; or none of them.

        The write order is what keeps storage and database consistent, because the two cannot
        share a transaction: objects first, then the row, committed in a transaction of its
        own. A replica killed (SIGKILL, out of memory) between the two leaves at worst objects
        that no row references, which ``manage.py berth_orphans --delete`` removes later; never
        a row pointing at an object that is not there. The objects are written outside the
        transaction on purpose: an upload to S3 may take a while, and a transaction held open
        for it would hold a connection and locks for nothing. Any error on the way (the
        storage, the database) removes what was already stored before it is raised.
        """
        stored: list[FieldFile] = []
        try:
            # What Model.save() would do in pre_save, made explicit to fix the order.
            self.image.save(self.image.name, self.image.file, save=False)
            stored.append(self.image)
            name = PurePosixPath(self.image.name).stem + EXTENSION
            # An uploaded file's content type is what S3 serves it with; a ContentFile has none.
            content = SimpleUploadedFile(name, thumbnail.content, content_type=CONTENT_TYPE)
            self.thumbnail.save(name, content, save=False)
            stored.append(self.thumbnail)
            self.thumbnail_width, self.thumbnail_height = thumbnail.width, thumbnail.height
            with transaction.atomic():
                self.save()
        except BaseException:
            for field_file in stored:
                _discard(field_file)
            raise


class Visits(models.Model):
    """How often a page was shown: one row per page, shared by every replica and worker."""

    page = models.CharField(max_length=100, unique=True)
    count = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name_plural = "visits"

    def __str__(self) -> str:
        return f"{self.page}: {self.count}"

    @classmethod
    def record(cls, page: str) -> int:
        """Count one visit of ``page`` and return the new count.

        The increment happens in the database (``count = count + 1``), never as read,
        add, write in Python, so concurrent requests on several replicas all count; the
        unique ``page`` makes a race to create the first row end in one row, and the losers
        of that race increment it.
        """
        with transaction.atomic():
            visits, _ = cls.objects.update_or_create(
                page=page, defaults={"count": F("count") + 1}, create_defaults={"count": 1}
            )
            # Read back while the row is still locked: every visit sees its own number.
            visits.refresh_from_db(fields=["count"])
        return visits.count


def _discard(field_file: FieldFile) -> None:
    try:
        field_file.delete(save=False)
    except Exception:
        # The storage may be what failed: leave the object to berth_orphans rather than
        # hide the original error behind this one.
        logger.exception("could not remove %s after a failed upload", field_file.name)
