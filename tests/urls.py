"""URLs for the unit tests: berth's own, plus tiny views that log, fail or answer a status."""

from __future__ import annotations

import asyncio
import logging

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

logger = logging.getLogger("tests")


def log_view(request: HttpRequest) -> HttpResponse:
    logger.info("inside the view")
    logger.warning("still inside the view")
    return HttpResponse("logged")


async def async_log_view(request: HttpRequest) -> HttpResponse:
    logger.info("inside the async view")
    # Yield to the loop so that concurrent requests interleave their lines.
    await asyncio.sleep(0.01)
    logger.info("still inside the async view")
    return HttpResponse("logged async")


def status_view(request: HttpRequest, code: int) -> HttpResponse:
    return HttpResponse(status=code)


def boom_view(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("the view failed on purpose")


urlpatterns = [
    path("", include("berth.urls")),
    path("t/log/", log_view),
    path("t/async-log/", async_log_view),
    path("t/status/<int:code>/", status_view),
    path("t/boom/", boom_view),
]
