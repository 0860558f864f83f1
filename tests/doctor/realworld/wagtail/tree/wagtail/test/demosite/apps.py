from django.apps import AppConfig


class DemositeAppConfig(AppConfig):
    default_auto_field = "django.db.models.AutoField"
    name = "wagtail.test.demosite"
