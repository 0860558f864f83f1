"""Django app configuration for the success stories app."""

from django.apps import AppConfig


class SuccessstoriesAppConfig(AppConfig):
    """App configuration for the success stories app."""

    name = "apps.successstories"
    label = "successstories"
