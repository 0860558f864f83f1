from django.apps import AppConfig


class DemoApplicationConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ckeditor_demo.demo_application"
