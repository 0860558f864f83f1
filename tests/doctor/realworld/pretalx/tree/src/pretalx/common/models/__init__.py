# SPDX-FileCopyrightText: 2017-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

import zoneinfo

from .file import CachedFile
from .log import ActivityLog
from .settings import GlobalSettings

TIMEZONE_CHOICES = [
    tz for tz in zoneinfo.available_timezones() if not tz.startswith("Etc/")
]


__all__ = ["ActivityLog", "CachedFile", "GlobalSettings"]
