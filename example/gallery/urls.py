from __future__ import annotations

from django.urls import path

from gallery import views

app_name = "gallery"

urlpatterns = [
    path("", views.photo_list, name="list"),
    path("upload/", views.PhotoUploadView.as_view(), name="upload"),
    path("photos/<int:pk>/", views.PhotoDetailView.as_view(), name="detail"),
]
