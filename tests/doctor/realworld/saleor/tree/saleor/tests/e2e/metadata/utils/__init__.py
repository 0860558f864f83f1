from .delete_metadata import delete_metadata
from .delete_private_metadata import delete_private_metadata
from .update_metadata import update_metadata
from .update_private_metadata import update_private_metadata

__all__ = [
    "delete_metadata",
    "delete_private_metadata",
    "update_metadata",
    "update_private_metadata",
]
