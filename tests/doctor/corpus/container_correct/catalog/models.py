from django.core.files.storage import default_storage
from django.db import models


class Item(models.Model):
    name = models.CharField(max_length=100)
    image = models.ImageField(upload_to="items/")
    manual = models.FileField(upload_to="manuals/", storage=default_storage, blank=True)
    thumbnail = models.ImageField(upload_to="thumbs/", blank=True)
    views = models.PositiveIntegerField(default=0)
