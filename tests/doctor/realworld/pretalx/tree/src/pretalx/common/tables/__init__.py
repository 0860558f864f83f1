# SPDX-FileCopyrightText: 2023-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from pretalx.common.tables.columns import (
    ActionsColumn,
    BooleanColumn,
    ColourColumn,
    DateTimeColumn,
    FunctionOrderMixin,
    IndependentScoreColumn,
    QuestionColumn,
    SortableBooleanColumn,
    SortableColumn,
    SortableTemplateColumn,
    TemplateColumn,
    get_icon,
)
from pretalx.common.tables.table import (
    BaseTable,
    DragsortTable,
    PretalxTable,
    QuestionColumnMixin,
)

__all__ = [
    "ActionsColumn",
    "BaseTable",
    "BooleanColumn",
    "ColourColumn",
    "DateTimeColumn",
    "DragsortTable",
    "FunctionOrderMixin",
    "IndependentScoreColumn",
    "PretalxTable",
    "QuestionColumn",
    "QuestionColumnMixin",
    "SortableBooleanColumn",
    "SortableColumn",
    "SortableTemplateColumn",
    "TemplateColumn",
    "get_icon",
]
