"""Django app configuration for the cms app."""

from django.apps import AppConfig


class CmsAppConfig(AppConfig):
    """App configuration for the cms app."""

    name = "apps.cms"
    label = "cms"
