"""Django app configuration for the blogs app."""

from django.apps import AppConfig


class BlogsAppConfig(AppConfig):
    """App configuration for the blogs app."""

    name = "apps.blogs"
    label = "blogs"
