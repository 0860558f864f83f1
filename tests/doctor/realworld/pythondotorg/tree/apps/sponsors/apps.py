"""App configuration for the sponsors app."""

from django.apps import AppConfig


class SponsorsAppConfig(AppConfig):
    """App configuration for the sponsors Django application."""

    name = "apps.sponsors"
    label = "sponsors"
