from .base_bulk_action import BulkAction
from .dispatcher import index

__all__ = ["BulkAction", "index"]
