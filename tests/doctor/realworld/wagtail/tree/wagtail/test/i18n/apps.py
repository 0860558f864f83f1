from django.apps import AppConfig


class I18nAppConfig(AppConfig):
    default_auto_field = "django.db.models.AutoField"
    name = "wagtail.test.i18n"
