# SPDX-FileCopyrightText: 2026-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from .event import (
    EventExtraLinkForm,
    EventFooterLinkFormset,
    EventForm,
    EventHeaderLinkFormset,
    EventWizardBasicsForm,
    EventWizardDisplayForm,
    EventWizardInitialForm,
    EventWizardPluginForm,
    EventWizardTimelineForm,
)
from .organiser import OrganiserForm, TeamForm, TeamInviteForm

__all__ = [
    "EventExtraLinkForm",
    "EventFooterLinkFormset",
    "EventForm",
    "EventHeaderLinkFormset",
    "EventWizardBasicsForm",
    "EventWizardDisplayForm",
    "EventWizardInitialForm",
    "EventWizardPluginForm",
    "EventWizardTimelineForm",
    "OrganiserForm",
    "TeamForm",
    "TeamInviteForm",
]
