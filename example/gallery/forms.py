from __future__ import annotations

from django import forms

from gallery.models import Photo


class PhotoForm(forms.ModelForm):
    class Meta:
        model = Photo
        fields = ["title", "image"]
        help_texts = {"image": "A PNG, JPEG, GIF or WebP image of at most 10 MB."}
        widgets = {"image": forms.ClearableFileInput(attrs={"accept": "image/*"})}
