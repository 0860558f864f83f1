"""The Django app berth adds to INSTALLED_APPS: it registers berth's system checks."""

from __future__ import annotations

from django.apps import AppConfig

__all__ = ["BerthConfig"]


class BerthConfig(AppConfig):
    name = "berth.runtime"
    # The label names berth's checks, commands and migrations; "runtime" would say nothing.
    label = "berth"
    verbose_name = "berth"

    def ready(self) -> None:
        from berth.runtime import checks  # noqa: F401 - registers the checks
