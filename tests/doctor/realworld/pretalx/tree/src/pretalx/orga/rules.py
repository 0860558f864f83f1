# SPDX-FileCopyrightText: 2025-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

import rules


@rules.predicate
def can_view_speaker_names(user, obj):
    """ONLY in use with users who don't have change permissions."""
    from pretalx.event.domain.queries.team import (  # noqa: PLC0415 -- predicate
        user_reviewer_teams_in_event,
    )

    event = obj.event
    reviewer_teams = user_reviewer_teams_in_event(user, event)
    if reviewer_teams and all(team.force_hide_speaker_names for team in reviewer_teams):
        return False
    return bool(
        event.active_review_phase and event.active_review_phase.can_see_speaker_names
    )
