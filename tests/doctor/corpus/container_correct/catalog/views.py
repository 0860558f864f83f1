import io
import os
import tempfile
import zipfile

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import F
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, render
from django_ratelimit.decorators import ratelimit
from PIL import Image

from catalog.models import Item

PAGE_SIZE = 50
COLUMNS = ["name", "views"]


@ratelimit(key="ip", rate="10/m")
def item_list(request):
    items = cache.get_or_set("items", lambda: list(Item.objects.all()[:PAGE_SIZE]), 60)
    return render(request, "catalog/items.html", {"items": items, "columns": COLUMNS})


def item_detail(request, pk):
    Item.objects.filter(pk=pk).update(views=F("views") + 1)
    item = get_object_or_404(Item, pk=pk)
    thumbnail_url = default_storage.url(item.thumbnail.name) if item.thumbnail else None
    absolute = request.build_absolute_uri(item.image.url)
    return render(request, "catalog/item.html", {"item": item, "thumb": thumbnail_url, "url": absolute})


def make_thumbnail(request, pk):
    item = get_object_or_404(Item, pk=pk)
    with item.image.open("rb") as source, Image.open(source) as image:
        image.thumbnail((200, 200))
        buffer = io.BytesIO()
        image.save(buffer, "WEBP")
    item.thumbnail.save(f"{pk}.webp", ContentFile(buffer.getvalue()))
    return HttpResponse(item.thumbnail.url)


def import_archive(request):
    with tempfile.TemporaryDirectory() as scratch:
        with zipfile.ZipFile(request.FILES["archive"]) as archive:
            archive.extractall(scratch)
        for name in os.listdir(scratch):
            with open(os.path.join(scratch, name), "rb") as handle:
                default_storage.save(f"imports/{name}", handle)
    return HttpResponse("ok")


def export_csv(request):
    handle, path = tempfile.mkstemp(suffix=".csv")
    try:
        with os.fdopen(handle, "w") as out:
            out.write("name\n")
        response = FileResponse(open(path, "rb"), filename="items.csv")
    finally:
        os.remove(path)
    return response


def report(request):
    lines = [f"{item.name}: {item.views}" for item in Item.objects.all()]
    text = "\n".join(lines)
    html = f'<a href="{Item.objects.first().image.url}">first</a>'
    return HttpResponse(text + html)
