# SPDX-FileCopyrightText: 2017-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from .attendee import AttendeeProfile
from .auth_token import UserApiToken
from .information import SpeakerInformation
from .picture import ProfilePicture, ProfilePictureMixin
from .preferences import UserEventPreferences
from .profile import SpeakerProfile
from .user import User

__all__ = [
    "AttendeeProfile",
    "ProfilePicture",
    "ProfilePictureMixin",
    "SpeakerInformation",
    "SpeakerProfile",
    "User",
    "UserApiToken",
    "UserEventPreferences",
]
