from __future__ import annotations

from typing import Any

from django import forms
from django.core.files import File

from gallery.models import Photo
from gallery.thumbnails import Thumbnail, make_thumbnail
from gallery.validators import validate_upload_size


class UploadedImageField(forms.ImageField):
    """An ImageField whose upload Pillow reads once, in ``PhotoForm.clean_image``.

    Django's own ImageField opens every upload with Pillow only to verify its header (copying
    an in-memory upload to do so), which neither catches a truncated JPEG nor gives a clear
    error for too many pixels; ``make_thumbnail`` does both while it makes the thumbnail.
    """

    def to_python(self, data: Any) -> File | None:
        return forms.FileField.to_python(self, data)


class PhotoForm(forms.ModelForm):
    thumbnail: Thumbnail | None = None

    class Meta:
        model = Photo
        fields = ["title", "image"]
        field_classes = {"image": UploadedImageField}
        help_texts = {"image": "A PNG, JPEG, GIF or WebP image of at most 10 MB."}
        widgets = {"image": forms.ClearableFileInput(attrs={"accept": "image/*"})}

    def clean_image(self) -> File:
        image: File = self.cleaned_data["image"]
        # The size first: it costs nothing, decoding a 1 GB upload would.
        validate_upload_size(image)
        self.thumbnail = make_thumbnail(image)
        return image
