"""Django app configuration for the companies app."""

from django.apps import AppConfig


class CompaniesAppConfig(AppConfig):
    """App configuration for the companies app."""

    name = "apps.companies"
    label = "companies"
