from .settings import *  # noqa: F403

DEBUG = True
SECRET_KEY = "development only"
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}
STORAGES = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
