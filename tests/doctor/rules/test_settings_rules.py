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
