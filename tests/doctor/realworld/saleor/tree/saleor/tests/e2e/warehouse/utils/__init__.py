from .create_warehouse import create_warehouse
from .update_warehouse import update_warehouse

__all__ = ["create_warehouse", "update_warehouse"]
