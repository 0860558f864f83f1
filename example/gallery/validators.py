"""Upload limits, checked before anything is written to storage or the database."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files import File
from django.template.defaultfilters import filesizeformat

MAX_UPLOAD_SIZE = 10 * 1024 * 1024


def validate_upload_size(value: File) -> None:
    """Reject files over ``MAX_UPLOAD_SIZE``; ``value.size`` of a new upload is its own size."""
    if value.size is not None and value.size > MAX_UPLOAD_SIZE:
        raise too_large(value.size)


def too_large(size: int | None = None) -> ValidationError:
    """The error of a file over ``MAX_UPLOAD_SIZE``; its size, when it was read far enough."""
    if size is None:
        return ValidationError(
            "The file is larger than %(limit)s, the largest accepted.",
            code="file_too_large",
            params={"limit": filesizeformat(MAX_UPLOAD_SIZE)},
        )
    return ValidationError(
        "The file is %(size)s; the largest accepted is %(limit)s.",
        code="file_too_large",
        params={"size": filesizeformat(size), "limit": filesizeformat(MAX_UPLOAD_SIZE)},
    )
