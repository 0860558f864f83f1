"""The Django app berth adds to INSTALLED_APPS: it registers berth's system checks."""

from __future__ import annotations

from django.apps import AppConfig

__all__ = ["BerthConfig"]


class BerthConfig(AppConfig):
    name = "berth"
    verbose_name = "berth"

    def ready(self) -> None:
        from berth import checks  # noqa: F401 - registers the checks
