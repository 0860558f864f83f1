from django.apps import AppConfig


class MeasurementsConfig(AppConfig):
    default_auto_field = 'django.db.models.BigAutoField'
    name = 'wger.measurements'
    verbose_name = 'Measurements'
