"""Django app configuration for the banners app."""

from django.apps import AppConfig


class BannersAppConfig(AppConfig):
    """App configuration for the banners app."""

    name = "apps.banners"
    label = "banners"
