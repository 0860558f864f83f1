"""BD201-BD210: one production settings module full of them, and their container-correct twin.

One file for the ten settings rules: each is a few lines of settings, and reading them side by
side shows what each rule does and does not report.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.doctor.conftest import found

BAD = """
from pathlib import Path
BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = "django-insecure-abc"
DEBUG = True
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = ["django.contrib.sessions", "django_ratelimit"]
ROOT_URLCONF = "proj.urls"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
SESSION_ENGINE = "django.contrib.sessions.backends.file"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": "/var/tmp/c"},
}
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
FILE_UPLOAD_TEMP_DIR = BASE_DIR / "tmp"
LOGGING = {
    "version": 1,
    "handlers": {
        "file": {"class": "logging.handlers.RotatingFileHandler", "filename": "app.log"},
        "console": {"class": "logging.StreamHandler"},
    },
}
"""

GOOD = """
import os
import environ
env = environ.Env()
SECRET_KEY = os.environ["SECRET_KEY"]
DEBUG = env.bool("DEBUG", False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
INSTALLED_APPS = ["django.contrib.sessions", "django_ratelimit"]
ROOT_URLCONF = "proj.urls"
DATABASES = {"default": env.db(default="sqlite:///db.sqlite3")}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
CACHES = {"default": env.cache("CACHE_URL", default="redis://cache:6379/0")}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
LOGGING = {"version": 1, "handlers": {"console": {"class": "logging.StreamHandler"}}}
"""


def test_every_settings_rule_on_literal_production_settings(tmp_path: Path) -> None:
    result = found(tmp_path, {"proj/settings.py": BAD})
    assert [(line, rule) for _, line, rule in result if rule.startswith("BD2")] == [
        (3, "BD209"),
        (4, "BD208"),
        (5, "BD210"),
        (6, "BD204"),
        (8, "BD201"),
        (9, "BD202"),
        (12, "BD203"),
        (14, "BD205"),
        (15, "BD206"),
        (19, "BD207"),
    ]


def test_settings_from_the_environment_are_clean(tmp_path: Path) -> None:
    assert found(tmp_path, {"proj/settings.py": GOOD}) == []


@pytest.mark.parametrize(
    "name", ["proj/settings/dev.py", "proj/settings_local.py", "proj/test_settings.py"]
)
def test_development_settings_are_not_reported(tmp_path: Path, name: str) -> None:
    assert found(tmp_path, {name: BAD}) == []


def test_a_base_overridden_by_production_is_judged_as_production_loads_it(tmp_path: Path) -> None:
    files = {
        "proj/settings/__init__.py": "",
        "proj/settings/base.py": """
            INSTALLED_APPS = ["shop"]
            ROOT_URLCONF = "proj.urls"
            DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db"}}
            SECRET_KEY = "dev-only"
            SESSION_ENGINE = "django.contrib.sessions.backends.cache"
        """,
        "proj/settings/dev.py": """
            from .base import *
            DEBUG = True
        """,
        "proj/settings/production.py": """
            import os
            from .base import *
            DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "app"}}
            SECRET_KEY = os.environ["SECRET_KEY"]
            CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache"}}
            if DEBUG:
                SESSION_ENGINE = "django.contrib.sessions.backends.file"
        """,
    }
    assert found(tmp_path, files) == []


def test_implicit_local_memory_cache_behind_cache_sessions(tmp_path: Path) -> None:
    settings = """
        INSTALLED_APPS = ["django.contrib.sessions"]
        ROOT_URLCONF = "proj.urls"
        SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    """
    assert found(tmp_path, {"proj/settings.py": settings}) == [("proj/settings.py", 3, "BD204")]


def test_a_wildcard_behind_a_proxy_is_tolerated(tmp_path: Path) -> None:
    files = {
        "proj/settings.py": 'INSTALLED_APPS = ["shop"]\nALLOWED_HOSTS = ["*"]\n',
        "deploy/nginx.conf": "server { location / { proxy_pass http://127.0.0.1:8000; } }\n",
    }
    assert found(tmp_path, files) == []


# Trimmed from wagtail/bakerydemo@8e2b6257, bakerydemo/settings/base.py: SQLite only when the
# environment has no DATABASE_URL.
BAKERY_DATABASES = """
import os
import dj_database_url
INSTALLED_APPS = ["django.contrib.admin"]
if "DATABASE_URL" in os.environ:
    DATABASES = {"default": dj_database_url.config(conn_max_age=500)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": os.path.join(BASE_DIR, os.environ.get("DATABASE_NAME", "bakerydemodb")),
        }
    }
"""
# Trimmed from heroku/python-getting-started@f7c8d992, gettingstarted/settings.py: the
# condition is a name the environment decides.
HEROKU_DATABASES = """
import os
import dj_database_url
INSTALLED_APPS = ["django.contrib.admin"]
IS_HEROKU_APP = "DYNO" in os.environ and "CI" not in os.environ
if IS_HEROKU_APP:
    DATABASES = {"default": dj_database_url.config(env="DATABASE_URL", conn_max_age=600)}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
"""


@pytest.mark.parametrize("settings", [BAKERY_DATABASES, HEROKU_DATABASES])
def test_sqlite_as_the_environments_fallback_is_not_production(
    tmp_path: Path, settings: str
) -> None:
    assert found(tmp_path, {"proj/settings.py": settings}) == []


def test_sqlite_chosen_by_something_else_is_still_reported(tmp_path: Path) -> None:
    settings = BAKERY_DATABASES.replace('"DATABASE_URL" in os.environ', "USE_POSTGRES")
    assert found(tmp_path, {"proj/settings.py": settings}) == [("proj/settings.py", 9, "BD201")]


# Trimmed from DefectDojo/django-DefectDojo@7cfa159a, dojo/settings/unittests.py.
UNITTESTS = """
from .settings import *  # noqa: F403

DEBUG = True

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "unittest.sqlite",
    }
}
"""


def test_unit_test_settings_are_development(tmp_path: Path) -> None:
    files = {"dojo/settings/settings.py": GOOD, "dojo/settings/unittests.py": UNITTESTS}
    assert found(tmp_path, files) == []


# Trimmed from taiga-back (github:kaleidos-ventures/taiga-back@b6eac2c5): settings/common.py
# keeps a development key; the image copies docker/config.py into settings/ and selects it,
# and that module reads the key from the environment.
TAIGA_COMMON = """
import os
INSTALLED_APPS = ["django.contrib.auth"]
ROOT_URLCONF = "taiga.urls"
SECRET_KEY = "aw3+t2r(8(0kkrhg8)gx6i96v5^kv%6cfep9wxfom0%7dy0m9e"
"""
TAIGA_CONFIG = """
from .common import *
import os

DEBUG = os.getenv('DEBUG', 'False') == 'True'
SECRET_KEY = os.getenv('TAIGA_SECRET_KEY')
"""
TAIGA_DOCKERFILE = """
FROM python:3.11-slim
COPY . /taiga-back
WORKDIR /taiga-back
RUN cp docker/config.py settings/config.py
ENV DJANGO_SETTINGS_MODULE=settings.config
EXPOSE 8000
CMD ["gunicorn", "taiga.wsgi:application"]
"""


def test_a_literal_the_module_the_image_copies_in_overrides_is_not_reported(
    tmp_path: Path,
) -> None:
    files = {
        "settings/__init__.py": "",
        "settings/common.py": TAIGA_COMMON,
        "docker/config.py": TAIGA_CONFIG,
        "docker/Dockerfile": TAIGA_DOCKERFILE,
    }
    assert [f for f in found(tmp_path, files) if f[2] == "BD209"] == []


def test_without_the_image_the_literal_is_reported(tmp_path: Path) -> None:
    files = {"settings/common.py": TAIGA_COMMON, "docker/config.py": TAIGA_CONFIG}
    assert [f for f in found(tmp_path, files) if f[2] == "BD209"] == [
        ("settings/common.py", 4, "BD209")
    ]


# Trimmed from netbox-community/netbox@43fe81f9, netbox/netbox/settings.py: file sessions
# only when the operator configures SESSION_FILE_PATH, unset by default.
NETBOX = """
import configuration
INSTALLED_APPS = ["django.contrib.sessions"]
ROOT_URLCONF = "netbox.urls"
SESSION_FILE_PATH = getattr(configuration, 'SESSION_FILE_PATH', None)
if SESSION_FILE_PATH is not None:
    SESSION_ENGINE = 'django.contrib.sessions.backends.file'
"""


def test_a_setting_only_an_unset_option_turns_on_is_not_reported(tmp_path: Path) -> None:
    assert found(tmp_path, {"netbox/settings.py": NETBOX}) == []
    always = NETBOX.replace("getattr(configuration, 'SESSION_FILE_PATH', None)", "'/tmp'")
    assert found(tmp_path, {"netbox/settings.py": always}) == [("netbox/settings.py", 6, "BD202")]
