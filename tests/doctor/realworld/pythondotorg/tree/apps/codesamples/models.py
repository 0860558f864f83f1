"""Models for homepage code samples."""

from django.conf import settings
from django.db import models
from django.template.defaultfilters import striptags, truncatechars
from markupfield.fields import MarkupField

from apps.cms.models import ContentManageable
from apps.codesamples.managers import CodeSampleQuerySet

DEFAULT_MARKUP_TYPE = getattr(settings, "DEFAULT_MARKUP_TYPE", "html")


class CodeSample(ContentManageable):
    """A code snippet and description displayed on the homepage."""

    code = MarkupField(default_markup_type=DEFAULT_MARKUP_TYPE, blank=True)
    copy = MarkupField(default_markup_type=DEFAULT_MARKUP_TYPE, blank=True)
    is_published = models.BooleanField(default=False, db_index=True)

    objects = CodeSampleQuerySet.as_manager()

    class Meta:
        """Meta configuration for CodeSample."""

        verbose_name = "sample"
        verbose_name_plural = "samples"

    def __str__(self):
        """Return a truncated plain-text preview of the copy field."""
        return truncatechars(striptags(self.copy), 20)
