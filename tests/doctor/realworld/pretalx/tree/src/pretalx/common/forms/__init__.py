# SPDX-FileCopyrightText: 2017-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from .forms import I18nEventFormSet, I18nFormSet, save_related_formset

__all__ = ["I18nEventFormSet", "I18nFormSet", "save_related_formset"]
