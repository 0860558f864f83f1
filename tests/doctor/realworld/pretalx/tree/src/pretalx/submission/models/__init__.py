# SPDX-FileCopyrightText: 2017-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from .access_code import SubmitterAccessCode
from .cfp import CfP
from .comment import SubmissionComment
from .feedback import Feedback
from .question import Answer, AnswerOption, Question, QuestionTarget, QuestionVariant
from .resource import Resource
from .review import Review, ReviewPhase, ReviewScore, ReviewScoreCategory
from .signup import AttendeeSignup
from .submission import SpeakerRole, Submission, SubmissionInvitation, SubmissionStates
from .tag import Tag
from .track import Track
from .type import SubmissionType

__all__ = [
    "Answer",
    "AnswerOption",
    "AttendeeSignup",
    "CfP",
    "Feedback",
    "Question",
    "QuestionTarget",
    "QuestionVariant",
    "Resource",
    "Review",
    "ReviewPhase",
    "ReviewScore",
    "ReviewScoreCategory",
    "SpeakerRole",
    "Submission",
    "SubmissionComment",
    "SubmissionInvitation",
    "SubmissionStates",
    "SubmissionType",
    "SubmitterAccessCode",
    "Tag",
    "Track",
]
