"""The gallery's upload limit, applied while the body is read: a larger one is never stored whole.

``validators.validate_upload_size`` checks a file once Django has read it all (to memory or a
temporary file); this handler, first in ``FILE_UPLOAD_HANDLERS``, stops reading as soon as the
limit is passed, or at the file's first bytes when the request's length says it is too large.
The form's fields before the file (its CSRF token, the title) are read, so the answer is the
form with an error, not a CSRF failure. The proxy in front refuses bodies over
``MAX_UPLOAD_SIZE`` (100 MB) already; this is the gallery's own, smaller limit.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadhandler import FileUploadHandler, StopUpload

from gallery.validators import MAX_UPLOAD_SIZE

# A multipart body holds the title, boundaries and part headers besides the file.
_FORM_OVERHEAD = 64 * 1024


class LimitedUploadHandler(FileUploadHandler):
    _oversized = False

    def handle_raw_input(
        self,
        input_data: Any,
        META: dict[str, Any],  # noqa: N803 - Django's name
        content_length: int,
        boundary: bytes,
        encoding: str | None = None,
    ) -> None:
        self._oversized = content_length > MAX_UPLOAD_SIZE + _FORM_OVERHEAD

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if self._oversized or start + len(raw_data) > MAX_UPLOAD_SIZE:
            self._refuse()
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None  # the handlers after this one store the file

    def _refuse(self) -> None:
        assert self.request is not None
        self.request.upload_too_large = True  # type: ignore[attr-defined]
        # connection_reset: Django reads no further; the response says why.
        raise StopUpload(connection_reset=True)
