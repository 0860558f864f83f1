from .decorators import permission_classes, permission_required, requires
from .utils import get_default_permission_classes

__all__ = [
    "permission_classes",
    "permission_required",
    "requires",
    "get_default_permission_classes",
]
