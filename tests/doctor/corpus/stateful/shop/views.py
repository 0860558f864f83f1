import csv
import os
import zipfile

from django.conf import settings
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, render
from PIL import Image

from shop.models import Invoice, Product

VIEWS_BY_PRODUCT = {}


def product_list(request):
    products = Product.objects.all()
    for product in products:
        VIEWS_BY_PRODUCT[product.pk] = VIEWS_BY_PRODUCT.get(product.pk, 0) + 1
        thumb_url = os.path.dirname(product.photo.url) + "/thumbs/" + product.name
        product.thumb = thumb_url
    images = os.listdir(os.path.join(settings.MEDIA_ROOT, "products"))
    return render(request, "shop/products.html", {"products": products, "images": images})


def export_orders(request):
    path = os.path.join(settings.MEDIA_ROOT, "exports", "orders.csv")
    with open(path, "w", newline="") as handle:
        csv.writer(handle).writerow(["id", "name"])
    return FileResponse(open(path, "rb"))


def upload_catalogue(request):
    archive = zipfile.ZipFile(request.FILES["catalogue"])
    archive.extractall(os.path.join(settings.MEDIA_ROOT, "catalogue"))
    with open("last-upload.txt", "w") as handle:
        handle.write(request.user.username)
    return HttpResponse("ok")


def make_thumbnail(request, pk):
    product = get_object_or_404(Product, pk=pk)
    image = Image.open(product.photo.path)
    image.thumbnail((200, 200))
    image.save(os.path.join(settings.MEDIA_ROOT, "thumbs", f"{pk}.jpg"))
    return HttpResponse(settings.MEDIA_URL + f"thumbs/{pk}.jpg")


def invoice(request, pk):
    invoice = get_object_or_404(Invoice, pk=pk)
    return FileResponse(open(invoice.pdf.path, "rb"))
