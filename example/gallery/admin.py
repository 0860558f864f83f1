from __future__ import annotations

from django.contrib import admin

from gallery.models import Photo, Visits


@admin.register(Photo)
class PhotoAdmin(admin.ModelAdmin):
    list_display = ["title", "image", "uploaded_at"]
    search_fields = ["title"]
    date_hierarchy = "uploaded_at"


@admin.register(Visits)
class VisitsAdmin(admin.ModelAdmin):
    list_display = ["page", "count"]
    readonly_fields = ["count"]
