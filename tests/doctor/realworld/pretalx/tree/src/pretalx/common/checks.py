# SPDX-FileCopyrightText: 2025-present Tobias Kunze
# SPDX-License-Identifier: AGPL-3.0-only WITH LicenseRef-Pretalx-AGPL-3.0-Terms

import sys
from contextlib import suppress
from email.utils import parseaddr
from importlib.metadata import PackageNotFoundError, metadata

from django.conf import settings
from django.core.cache import cache
from django.core.checks import ERROR, INFO, WARNING, CheckMessage, Tags, register
from django.db import DEFAULT_DB_ALIAS, connections
from django.db import Error as DatabaseError
from packaging.specifiers import SpecifierSet
from redis.exceptions import RedisError

from pretalx.celery_app import app

CONFIG_HINT = "https://docs.pretalx.org/administrator/configure/"

# Keep in sync with the installation documentation
POSTGRES_MIN_VERSION = 16


def _format_version(version):
    return ".".join(str(part) for part in version)


@register()
def check_celery(app_configs, **kwargs):
    if app_configs:
        return []
    if settings.CELERY_TASK_ALWAYS_EAGER:
        # Eager mode is fine in development and tests; production deployments
        # are caught by check_celery_required (deploy=True).
        return []

    errors = []
    if not settings.CELERY_RESULT_BACKEND:
        errors.append(
            CheckMessage(
                level=ERROR,
                msg="Celery is used, but no results backend is configured!",
                hint=f"{CONFIG_HINT}#the-celery-section",
                id="pretalx.E001",
            )
        )
    else:
        try:
            client = app.broker_connection().channel().client
            client.llen(
                "celery"
            )  # pragma: no cover — requires a running message broker
        except OSError as e:
            # Only warning, as the task runner may just still be starting up
            errors.append(
                CheckMessage(
                    level=WARNING,
                    msg="Could not connect to celery broker",
                    hint=str(e),
                    id="pretalx.W002",
                )
            )
    return errors


@register(deploy=True)
def check_celery_required(app_configs, **kwargs):
    if app_configs:
        return []
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return [
            CheckMessage(
                level=ERROR,
                msg="No Celery task runner is configured. Asynchronous Celery workers are required in production.",
                hint=(
                    "Configure a Celery broker and result backend, then run a "
                    "Celery worker alongside the web service: "
                    f"{CONFIG_HINT}#the-celery-section"
                ),
                id="pretalx.E004",
            )
        ]
    return []


@register(deploy=True)
def check_sqlite_in_production(app_configs, **kwargs):
    if app_configs:
        return []
    if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        return [
            CheckMessage(
                level=INFO,
                msg="Running SQLite in production is not recommended.",
                id="pretalx.I001",
            )
        ]
    return []


@register(deploy=True)
def check_admin_email(app_configs, **kwargs):
    if app_configs:
        return []
    if not settings.ADMINS:
        return [
            CheckMessage(
                level=INFO,
                msg="You have not admin contact address configured and will not receive errors via email.",
                hint=f"{CONFIG_HINT}#the-logging-section",
                id="pretalx.I002",
            )
        ]
    return []


@register(deploy=True)
def check_system_email(app_configs, **kwargs):
    if app_configs:
        return []
    errors = []
    fields = ("EMAIL_HOST", "EMAIL_PORT", "MAIL_FROM")
    missing_fields = [field for field in fields if not getattr(settings, field)]
    if missing_fields:
        fields = ", ".join(missing_fields)
        errors.append(
            CheckMessage(
                level=WARNING,
                msg=f"Missing email configuration: {fields}",
                hint=f"{CONFIG_HINT}#the-mail-section",
                id="pretalx.W003",
            )
        )
    if settings.EMAIL_USE_TLS and settings.EMAIL_USE_SSL:
        errors.append(
            CheckMessage(
                level=ERROR,
                msg="Both EMAIL_USE_TLS and EMAIL_USE_SSL are set, but only one of the two may be set.",
                hint=f"{CONFIG_HINT}#the-mail-section",
                id="pretalx.E002",
            )
        )
    if settings.MAIL_FROM and "@" not in parseaddr(settings.MAIL_FROM)[1]:
        errors.append(
            CheckMessage(
                level=ERROR,
                msg="MAIL_FROM is set but does not contain a valid email address.",
                hint=f"{CONFIG_HINT}#the-mail-section",
                id="pretalx.E003",
            )
        )
    return errors


@register()
def check_python_version(app_configs, **kwargs):
    if app_configs:
        return []
    requires = []
    with suppress(PackageNotFoundError):
        requires = metadata("pretalx")["Requires-Python"]
    if not requires:
        return []
    current = _format_version(sys.version_info[:3])
    if current not in SpecifierSet(requires):
        return [
            CheckMessage(
                level=WARNING,
                msg=(
                    f"pretalx expects Python {requires}, "
                    f"but you are running Python {current}. "
                    "This may result in bugs and breakage."
                ),
                id="pretalx.W006",
            )
        ]
    return []


def _postgres_version_messages():
    # This check runs both as deploy and non-deploy check so the warning will also show
    # e.g. during migrations.
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor != "postgresql":
        return []
    try:
        current = connection.get_database_version()[0]
    except DatabaseError:
        return []
    if current < POSTGRES_MIN_VERSION:
        return [
            CheckMessage(
                level=WARNING,
                msg=(
                    f"pretalx requires PostgreSQL {POSTGRES_MIN_VERSION} or newer, "
                    f"but you are running PostgreSQL {current}. "
                    "This may result in bugs and breakage."
                ),
                id="pretalx.W007",
            )
        ]
    return []


@register(Tags.database)
def check_postgres_version(app_configs, databases=None, **kwargs):
    if app_configs or not databases or DEFAULT_DB_ALIAS not in databases:
        return []
    return _postgres_version_messages()


@register(deploy=True)
def check_postgres_version_deploy(app_configs, **kwargs):
    if app_configs:
        return []
    return _postgres_version_messages()


@register(deploy=True)
def check_caches(app_configs, **kwargs):
    if app_configs:
        return []
    try:
        cache.set("pretalx_redis_probe", "ok", timeout=1)
    except (OSError, RedisError) as e:
        return [
            CheckMessage(
                level=ERROR,
                msg="Could not reach the configured redis server.",
                hint=(
                    f"Check the [redis] section in your config: {e} "
                    f"({CONFIG_HINT}#the-redis-section)"
                ),
                id="pretalx.E005",
            )
        ]
    return []


@register()
def check_pillow_webp(app_configs, **kwargs):
    if app_configs:
        return []
    from PIL import features  # noqa: PLC0415 -- slow import

    if not features.check("webp"):
        return [
            CheckMessage(
                level=WARNING,
                msg="Pillow is installed without WebP support; image uploads will not be processed and thumbnails will not be generated.",
                hint=(
                    "pretalx will keep working and serve uploaded images at their original resolution, "
                    "but you should install libwebp on the host and reinstall Pillow from source in the venv "
                    "(e.g. `pip install --force-reinstall --no-cache-dir --no-binary :all: Pillow`). "
                    "Verify with `python -c 'from PIL import features; features.pilinfo()'`."
                ),
                id="pretalx.W005",
            )
        ]
    return []


@register(deploy=True)
def check_debug(app_configs, **kwargs):
    if app_configs:
        return []
    errors = []
    if not settings.SITE_URL.startswith("https"):
        errors.append(
            CheckMessage(
                level=WARNING,
                msg="Your configured site does not start with https. Please run only https sites in production.",
                hint=f"{CONFIG_HINT}#the-site-section",
                id="pretalx.W004",
            )
        )
    if settings.DEBUG:
        # Overriding the default check in order to link our docs, and also to escalate
        # to level=ERROR.
        errors.append(
            CheckMessage(
                level=ERROR,
                msg="You are running in debug mode in deployment, this is a security risk!",
                hint=f"{CONFIG_HINT}#the-site-section",
                id="pretalx.W004",
            )
        )
    return errors
