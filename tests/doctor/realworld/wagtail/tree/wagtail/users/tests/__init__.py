from .test_admin_views import (
    CustomGroupViewSet,
)

__all__ = [
    "CustomGroupViewSet",
]
