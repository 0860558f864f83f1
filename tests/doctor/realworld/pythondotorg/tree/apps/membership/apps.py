"""Django app configuration for the membership app."""

from django.apps import AppConfig


class MembershipAppConfig(AppConfig):
    """App configuration for the membership app."""

    name = "apps.membership"
    label = "membership"
