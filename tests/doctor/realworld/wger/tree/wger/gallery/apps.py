from django.apps import AppConfig


class GalleryConfig(AppConfig):
    name = 'wger.gallery'
    verbose_name = 'Gallery'
