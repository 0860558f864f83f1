"""Views for the boxes app."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404

from apps.boxes.models import Box


def box(request, label):
    """Return the rendered content of a box identified by its label."""
    b = get_object_or_404(Box, label=label)
    return HttpResponse(b.content.rendered)
