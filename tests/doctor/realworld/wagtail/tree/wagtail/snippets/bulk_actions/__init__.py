from .delete import DeleteBulkAction

__all__ = ["DeleteBulkAction"]
