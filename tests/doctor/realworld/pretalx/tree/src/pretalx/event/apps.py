# SPDX-FileCopyrightText: 2017-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from django.apps import AppConfig


class EventConfig(AppConfig):
    name = "pretalx.event"

    def ready(self):
        from . import receivers, tasks  # noqa: F401, PLC0415 -- app ready
