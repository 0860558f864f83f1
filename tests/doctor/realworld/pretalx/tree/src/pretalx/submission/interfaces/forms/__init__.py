# SPDX-FileCopyrightText: 2026-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from .access_code import AccessCodeSendForm, SubmitterAccessCodeForm
from .comment import SubmissionCommentForm
from .feedback import FeedbackForm
from .question import (
    AnswerOptionForm,
    QuestionOrgaForm,
    QuestionReminderForm,
    QuestionsForm,
)
from .resource import ResourceForm
from .review import (
    ReviewForm,
    ReviewPhaseForm,
    ReviewScoreCategoryForm,
    ReviewSettingsForm,
)
from .submission import (
    AnonymiseForm,
    InfoForm,
    SubmissionInfoForm,
    SubmissionOrgaForm,
    SubmissionSignupForm,
)
from .tag import TagForm, TagsForm
from .track import TrackForm
from .type import SubmissionTypeForm

__all__ = [
    "AccessCodeSendForm",
    "AnonymiseForm",
    "AnswerOptionForm",
    "FeedbackForm",
    "InfoForm",
    "QuestionOrgaForm",
    "QuestionReminderForm",
    "QuestionsForm",
    "ResourceForm",
    "ReviewForm",
    "ReviewPhaseForm",
    "ReviewScoreCategoryForm",
    "ReviewSettingsForm",
    "SubmissionCommentForm",
    "SubmissionInfoForm",
    "SubmissionOrgaForm",
    "SubmissionSignupForm",
    "SubmissionTypeForm",
    "SubmitterAccessCodeForm",
    "TagForm",
    "TagsForm",
    "TrackForm",
]
