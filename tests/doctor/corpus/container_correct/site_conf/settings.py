"""Settings read from the environment: nothing here depends on the container it runs in."""

import os

import dj_database_url
import environ

env = environ.Env()

SECRET_KEY = os.environ["SECRET_KEY"]
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
INSTALLED_APPS = ["django.contrib.sessions", "django_ratelimit", "storages", "catalog"]
ROOT_URLCONF = "site_conf.urls"
DATABASES = {"default": dj_database_url.config(default="sqlite:///db.sqlite3")}
CACHES = {"default": env.cache("CACHE_URL", default="redis://cache:6379/0")}
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
STORAGES = {
    "default": {"BACKEND": "storages.backends.s3.S3Storage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}
if DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = "/tmp/mail"
