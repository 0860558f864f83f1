from .delete import DeleteBulkAction
from .move import MoveBulkAction
from .publish import PublishBulkAction
from .unpublish import UnpublishBulkAction

__all__ = [
    "DeleteBulkAction",
    "MoveBulkAction",
    "PublishBulkAction",
    "UnpublishBulkAction",
]
