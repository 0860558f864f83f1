"""Django app configuration for the boxes app."""

from django.apps import AppConfig


class BoxesAppConfig(AppConfig):
    """App configuration for the boxes app."""

    name = "apps.boxes"
    label = "boxes"
