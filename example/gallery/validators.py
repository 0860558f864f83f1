"""Upload limits, checked before anything is written to storage or the database."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files import File
from django.template.defaultfilters import filesizeformat

MAX_UPLOAD_SIZE = 10 * 1024 * 1024


def validate_upload_size(value: File) -> None:
    """Reject files over ``MAX_UPLOAD_SIZE``; ``value.size`` of a new upload is its own size."""
    if value.size is not None and value.size > MAX_UPLOAD_SIZE:
        raise ValidationError(
            "The file is %(size)s; the largest accepted is %(limit)s.",
            code="file_too_large",
            params={
                "size": filesizeformat(value.size),
                "limit": filesizeformat(MAX_UPLOAD_SIZE),
            },
        )
