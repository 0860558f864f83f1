"""Thumbnails of uploaded photos, made with Pillow from the upload itself before anything is stored.

Decoding is also the real check that an upload is an image: a file whose header looks right but
whose data is truncated or corrupt only fails here, so it gets a form error instead of a
thumbnail, and nothing is written.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files import File
from django.forms import ImageField
from PIL import Image, ImageOps

# A square box: a photo turned by its EXIF orientation still fits it.
BOX = (320, 320)
FORMAT, EXTENSION, CONTENT_TYPE = "WEBP", ".webp", "image/webp"  # WebP keeps transparency

NOT_AN_IMAGE = ImageField.default_error_messages["invalid_image"]


@dataclass(frozen=True)
class Thumbnail:
    content: bytes
    width: int
    height: int


def make_thumbnail(upload: File) -> Thumbnail:
    """A WebP of ``upload`` that fits ``BOX``, upright; a ``ValidationError`` if it is no image.

    Pillow reads ``upload`` through its file object (in memory for a small upload, Django's
    temporary file for a large one): the upload is never copied, and a JPEG is decoded at 1/2 to
    1/8 of its size when that still covers the box, so a 48-megapixel photo is never whole in
    memory. The image's pixel count is checked from its header before anything is decoded.
    """
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            _check_pixels(image.width, image.height)
            thumbnail = _render(image)
    except Image.DecompressionBombError:
        # Raised by Image.open itself for more than twice MAX_IMAGE_PIXELS.
        raise _too_many_pixels(None) from None
    except Image.UnidentifiedImageError:
        raise ValidationError(NOT_AN_IMAGE, code="invalid_image") from None
    except ValidationError:
        raise
    except Exception as error:
        # Pillow's decoders report damaged data as OSError, SyntaxError, ValueError,
        # EOFError or struct.error depending on the format, hence the broad net.
        raise ValidationError(
            "The image is damaged or incomplete and could not be read; upload it again.",
            code="corrupt_image",
        ) from error
    finally:
        upload.seek(0)
    return thumbnail


def _render(image: Image.Image) -> Thumbnail:
    if image.mode in ("1", "P", "PA"):
        # Resizing a palette image picks pixels instead of blending them: convert it first.
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
    # In place: loads the pixels (where a truncated file fails) through JPEG's reduced-size draft.
    image.thumbnail(BOX, Image.Resampling.LANCZOS)
    ImageOps.exif_transpose(image, in_place=True)
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if image.has_transparency_data else "RGB")
    buffer = io.BytesIO()
    image.save(buffer, FORMAT, quality=80, method=4)
    return Thumbnail(buffer.getvalue(), image.width, image.height)


def _check_pixels(width: int, height: int) -> None:
    limit = Image.MAX_IMAGE_PIXELS
    if limit is not None and width * height > limit:
        raise _too_many_pixels((width, height))


def _too_many_pixels(size: tuple[int, int] | None) -> ValidationError:
    limit = Image.MAX_IMAGE_PIXELS or 0
    what = f"The image is {size[0]}×{size[1]} pixels" if size else "The image has too many pixels"
    return ValidationError(
        "%(what)s; the largest accepted is %(limit)s megapixels.",
        code="too_many_pixels",
        params={"what": what, "limit": f"{limit / 1e6:.0f}"},
    )
