"""Django app configuration for the pages app."""

from django.apps import AppConfig


class PagesAppConfig(AppConfig):
    """App configuration for the pages app."""

    name = "apps.pages"
    label = "pages"
