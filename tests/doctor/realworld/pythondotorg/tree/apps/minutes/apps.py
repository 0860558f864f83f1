"""Django app configuration for the minutes app."""

from django.apps import AppConfig


class MinutesAppConfig(AppConfig):
    """App configuration for the minutes app."""

    name = "apps.minutes"
    label = "minutes"
