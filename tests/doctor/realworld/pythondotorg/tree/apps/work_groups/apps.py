"""Django app configuration for the work_groups app."""

from django.apps import AppConfig


class WorkGroupsAppConfig(AppConfig):
    """App configuration for the work_groups app."""

    name = "apps.work_groups"
    label = "work_groups"
