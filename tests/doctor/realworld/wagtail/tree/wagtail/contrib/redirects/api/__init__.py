from .v2 import RedirectsAPIViewSet, RedirectSerializer

# For backwards compatibility
__all__ = [
    "RedirectSerializer",
    "RedirectsAPIViewSet",
]
