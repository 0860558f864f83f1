# SPDX-FileCopyrightText: 2025-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from django import forms

from pretalx.common.forms.renderers import InlineFormRenderer
from pretalx.submission.domain.comment import create_comment
from pretalx.submission.models import SubmissionComment


class SubmissionCommentForm(forms.ModelForm):
    default_renderer = InlineFormRenderer

    class Meta:
        model = SubmissionComment
        fields = ("text",)

    def __init__(self, *args, submission, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.submission = submission
        self.instance.user = user

    def save(self, *args, **kwargs):
        return create_comment(self.instance)
