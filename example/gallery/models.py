from __future__ import annotations

from django.db import models, transaction
from django.db.models import F
from django.urls import reverse

from gallery.validators import validate_upload_size


class Photo(models.Model):
    title = models.CharField(max_length=200)
    # Stored through the default storage: a folder on disk by default, a bucket when
    # STORAGE_URL says so. Only the storage API touches it (.url, .open(), .size).
    image = models.ImageField(upload_to="photos/%Y/%m/", validators=[validate_upload_size])
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("gallery:detail", args=[self.pk])


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
