from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.views.generic import CreateView, DetailView

from gallery.forms import PhotoForm
from gallery.models import Photo, Visits
from gallery.validators import too_large

LIST_SIZE = 60


def photo_list(request: HttpRequest) -> HttpResponse:
    visits = Visits.record("gallery:list")
    photos = Photo.objects.all()[:LIST_SIZE]
    return render(request, "gallery/photo_list.html", {"photos": photos, "visits": visits})


class PhotoUploadView(CreateView):
    model = Photo
    form_class = PhotoForm
    template_name = "gallery/photo_upload.html"

    def get_form(self, form_class: type[PhotoForm] | None = None) -> PhotoForm:
        form: PhotoForm = super().get_form(form_class)
        if getattr(self.request, "upload_too_large", False):
            # gallery.uploads stopped reading the body: there is no file to validate.
            form.add_error("image", too_large())
        return form

    def form_valid(self, form: PhotoForm) -> HttpResponseRedirect:
        # Valid means checked before anything was written: the size, and that the whole image
        # decodes (the thumbnail is made from it). Only now are objects and the row written.
        assert form.thumbnail is not None
        self.object = form.save(commit=False)
        self.object.save_with_thumbnail(form.thumbnail)
        return redirect(self.object)


class PhotoDetailView(DetailView):
    model = Photo
    template_name = "gallery/photo_detail.html"
    context_object_name = "photo"
