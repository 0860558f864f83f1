# SPDX-FileCopyrightText: 2017-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from .domains import CsrfViewMiddleware, SessionMiddleware
from .event import EventMiddleware
from .locale import LocaleMiddleware
from .security import RejectInvalidInputMiddleware
from .static import PretalxWhiteNoiseMiddleware
from .verification import EmailVerificationMiddleware

__all__ = [
    "CsrfViewMiddleware",
    "EmailVerificationMiddleware",
    "EventMiddleware",
    "LocaleMiddleware",
    "PretalxWhiteNoiseMiddleware",
    "RejectInvalidInputMiddleware",
    "SessionMiddleware",
]
