"""Django app configuration for the codesamples app."""

from django.apps import AppConfig


class CodesamplesAppConfig(AppConfig):
    """App configuration for the codesamples app."""

    name = "apps.codesamples"
    label = "codesamples"
