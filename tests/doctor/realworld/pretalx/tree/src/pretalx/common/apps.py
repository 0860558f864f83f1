# SPDX-FileCopyrightText: 2017-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

from contextlib import suppress

from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "pretalx.common"

    def ready(self):
        from . import (  # noqa: F401, PLC0415 -- app ready
            checks,
            log,
            signals,
            update_check,
        )
        from .ssrf import (  # noqa: PLC0415 -- app ready
            monkeypatch_urllib3_ssrf_protection,
        )

        monkeypatch_urllib3_ssrf_protection()


with suppress(ImportError):
    from pretalx import (
        celery_app as celery,  # noqa: F401 -- register celery app on startup
    )
