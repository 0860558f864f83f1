# SPDX-FileCopyrightText: 2017-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from django.apps import AppConfig


class ScheduleConfig(AppConfig):
    name = "pretalx.schedule"

    def ready(self):
        from . import receivers, signals  # noqa: F401, PLC0415 -- app ready
        from .phrases import SchedulePhrases  # noqa: F401, PLC0415 -- app ready
