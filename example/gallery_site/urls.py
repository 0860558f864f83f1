from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("accounts.urls")),
    path("", include("gallery.urls")),
    # /healthz, /readyz, and local media files while DEBUG is on.
    path("", include("berth.urls")),
]
