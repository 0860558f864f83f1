# SPDX-FileCopyrightText: 2017-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from .event import Event
from .organiser import Organiser, Team, TeamInvite

__all__ = ("Event", "Organiser", "Team", "TeamInvite")
