import os
import threading

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from library.models import Document
from library.storage import write_into

SITE_CACHE = {}
_formats = {}


def register_format(name, handler):
    _formats[name] = handler


def current_site(request):
    host = request.get_host()
    if host not in SITE_CACHE:
        SITE_CACHE[host] = Document.objects.first()
    return SITE_CACHE[host]


def document(request, pk):
    doc = get_object_or_404(Document, pk=pk)
    if doc.is_stored_locally():
        if not os.path.isfile(doc.file.path):
            return HttpResponse(status=404)
    threading.Thread(target=print, args=(pk,)).start()
    write_into(settings.MEDIA_ROOT, doc.file.name)
    return HttpResponse(doc.attachment.path)
