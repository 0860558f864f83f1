"""``include("berth.urls")``, the line every project writes: berth's URLs live in berth.runtime.urls."""

from __future__ import annotations

from berth.runtime.urls import urlpatterns

__all__ = ["urlpatterns"]
