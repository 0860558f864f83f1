"""App configuration for the nominations app."""

from django.apps import AppConfig


class NominationsAppConfig(AppConfig):
    """App configuration for PSF board nominations."""

    name = "apps.nominations"
    label = "nominations"
