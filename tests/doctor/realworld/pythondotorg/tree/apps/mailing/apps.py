"""Django app configuration for the mailing app."""

from django.apps import AppConfig


class MailingConfig(AppConfig):
    """App configuration for the mailing app."""

    name = "apps.mailing"
    label = "mailing"
