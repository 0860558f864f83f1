from .shipping_method import create_shipping_method
from .shipping_method_channel_listing import create_shipping_method_channel_listing
from .shipping_price_update import update_shipping_price
from .shipping_zone import create_shipping_zone

__all__ = [
    "create_shipping_method",
    "create_shipping_method_channel_listing",
    "create_shipping_zone",
    "update_shipping_price",
]
