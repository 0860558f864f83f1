from __future__ import annotations

from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.generic import CreateView, DetailView

from gallery.forms import PhotoForm
from gallery.models import Photo, Visits

LIST_SIZE = 60


def photo_list(request: HttpRequest) -> HttpResponse:
    visits = Visits.record("gallery:list")
    photos = Photo.objects.all()[:LIST_SIZE]
    return render(request, "gallery/photo_list.html", {"photos": photos, "visits": visits})


class PhotoUploadView(CreateView):
    model = Photo
    form_class = PhotoForm
    template_name = "gallery/photo_upload.html"

    def form_valid(self, form: PhotoForm) -> HttpResponseRedirect:
        # The form is valid, so the size and image checks passed before anything was
        # written. Saving writes the file to storage, then the row; should the row fail,
        # remove the file again instead of leaving an orphan in the bucket.
        try:
            with transaction.atomic():
                self.object = form.save()
        except BaseException:
            _discard(form.instance.image)
            raise
        return redirect(self.object)


class PhotoDetailView(DetailView):
    model = Photo
    template_name = "gallery/photo_detail.html"
    context_object_name = "photo"


def _discard(image: FieldFile) -> None:
    # _committed is set once the storage holds the file (Django has no public flag for it).
    if image and getattr(image, "_committed", False):
        image.delete(save=False)
