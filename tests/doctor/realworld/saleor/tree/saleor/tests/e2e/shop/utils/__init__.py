from .preparing_shop import prepare_default_shop, prepare_shop
from .shop_update_settings import update_shop_settings

__all__ = [
    "prepare_shop",
    "prepare_default_shop",
    "update_shop_settings",
]
