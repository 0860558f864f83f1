# SPDX-FileCopyrightText: 2019-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from pretalx.cfp.flow.base import (
    BaseCfPStep,
    DedraftMixin,
    FormFlowStep,
    TemplateFlowStep,
)
from pretalx.cfp.flow.flow import CfPFlow
from pretalx.cfp.flow.steps import (
    DEFAULT_STEPS,
    InfoStep,
    ProfileStep,
    QuestionsStep,
    UserStep,
)
from pretalx.cfp.flow.utils import cfp_field_labels, cfp_session

__all__ = [
    "DEFAULT_STEPS",
    "BaseCfPStep",
    "CfPFlow",
    "DedraftMixin",
    "FormFlowStep",
    "InfoStep",
    "ProfileStep",
    "QuestionsStep",
    "TemplateFlowStep",
    "UserStep",
    "cfp_field_labels",
    "cfp_session",
]
