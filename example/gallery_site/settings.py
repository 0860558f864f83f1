"""Settings of the gallery example: only what is the project's own business.

Everything that depends on where the project runs (database, media storage, cache, mail,
SECRET_KEY, DEBUG, ALLOWED_HOSTS, logging, static files) comes from environment variables
through ``berth.configure(globals())`` on the last line. With none set, the project runs
on berth's embedded defaults: SQLite and media files under ``data/``, DEBUG on.
"""

from __future__ import annotations

from pathlib import Path

import berth

BASE_DIR = Path(__file__).resolve().parent.parent

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "gallery",
    "accounts",
]

# Sessions use Django's default, the database backend: every replica sees every session.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "gallery_site.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "gallery.context_processors.replica",
            ],
        },
    },
]

WSGI_APPLICATION = "gallery_site.wsgi.application"

LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:me"
LOGOUT_REDIRECT_URL = "gallery:list"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The gallery's own upload limit stops reading a body as soon as it is passed.
FILE_UPLOAD_HANDLERS = [
    "gallery.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

berth.configure(globals())
