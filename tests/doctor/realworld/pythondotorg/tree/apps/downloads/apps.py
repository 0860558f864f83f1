"""App configuration for the downloads app."""

from django.apps import AppConfig


class DownloadsAppConfig(AppConfig):
    """Django app configuration for Python downloads."""

    name = "apps.downloads"
    label = "downloads"
