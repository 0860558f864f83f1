# SPDX-FileCopyrightText: 2025-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

import rules

from pretalx.orga.rules import can_view_speaker_names
from pretalx.person.rules import is_reviewer
from pretalx.submission.rules import is_featured_visible, orga_can_change_submissions


@rules.predicate
def are_featured_submissions_visible(user, event):
    show_featured = event.get_feature_flag("show_featured")
    if not event.is_public or show_featured == "never":
        return False
    if show_featured == "always":
        return True
    return (not is_agenda_visible(user, event)) or not event.current_schedule


def is_submission_visible_via_featured(user, submission):
    return bool(
        submission
        and is_featured_visible(submission)
        and are_featured_submissions_visible(user, submission.event)
    )


def is_submission_visible_via_schedule(user, submission):
    return bool(
        submission
        and not submission._state.adding
        and is_agenda_visible(user, submission.event)
        and (submission.slot and submission.slot.is_visible)
    )


@rules.predicate
def is_agenda_visible(user, event):
    event = event.event
    return bool(
        event
        and event.is_public
        and event.get_feature_flag("show_schedule")
        and event.current_schedule
    )


can_view_schedule = (
    is_agenda_visible
    | orga_can_change_submissions
    | (is_reviewer & can_view_speaker_names)
)


@rules.predicate
def is_agenda_submission_visible(user, submission):
    submission = getattr(submission, "submission", submission)
    if not submission:
        return False
    return is_submission_visible_via_schedule(
        user, submission
    ) or is_submission_visible_via_featured(user, submission)


@rules.predicate
def is_viewable_speaker(user, speaker):
    return speaker.event.speakers.filter(pk=speaker.pk).exists()


is_speaker_viewable = is_viewable_speaker & can_view_schedule


@rules.predicate
def is_widget_always_visible(user, event):
    return event.get_feature_flag("show_widget_if_not_public")


is_widget_visible = is_agenda_visible | is_widget_always_visible


@rules.predicate
def event_uses_feedback(user, event):
    event = getattr(event, "event", event)
    return event and event.get_feature_flag("use_feedback")
