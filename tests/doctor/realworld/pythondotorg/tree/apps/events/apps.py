"""App configuration for the events app."""

from django.apps import AppConfig


class EventsAppConfig(AppConfig):
    """Django app configuration for events."""

    name = "apps.events"
    label = "events"
