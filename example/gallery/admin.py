from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from gallery.models import Photo, Visits


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["title", "image", "uploaded_at"]
    search_fields = ["title"]
    date_hierarchy = "uploaded_at"
    readonly_fields = ["image", "thumbnail"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # Photos come through the upload page, which checks them and makes the thumbnail.
        return False


@admin.register(Visits)
class VisitsAdmin(admin.ModelAdmin):
    list_display = ["page", "count"]
    readonly_fields = ["count"]
