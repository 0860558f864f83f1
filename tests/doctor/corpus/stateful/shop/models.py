from django.core.files.storage import FileSystemStorage
from django.db import models

invoices = FileSystemStorage(location="/srv/invoices")


class Product(models.Model):
    name = models.CharField(max_length=100)
    photo = models.ImageField(upload_to="products/", storage=FileSystemStorage())
    thumbnail = models.ImageField(upload_to="thumbs/", blank=True)


class Invoice(models.Model):
    pdf = models.FileField(storage=invoices)
