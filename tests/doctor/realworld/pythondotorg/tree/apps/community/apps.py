"""Django app configuration for the community app."""

from django.apps import AppConfig


class CommunityAppConfig(AppConfig):
    """App configuration for the community app."""

    name = "apps.community"
    label = "community"
