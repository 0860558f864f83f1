from .add_tags import AddTagsBulkAction
from .add_to_collection import AddToCollectionBulkAction
from .delete import DeleteBulkAction

__all__ = ["AddToCollectionBulkAction", "AddTagsBulkAction", "DeleteBulkAction"]
