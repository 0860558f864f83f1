# SPDX-FileCopyrightText: 2017-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from .availability import Availability
from .room import Room
from .schedule import Schedule
from .slot import TalkSlot

__all__ = ["Availability", "Room", "Schedule", "TalkSlot"]
