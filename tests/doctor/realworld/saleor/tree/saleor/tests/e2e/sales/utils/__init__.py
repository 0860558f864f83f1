from .sale_catalogues_add import sale_catalogues_add
from .sale_channel_listing import (
    create_sale_channel_listing,
    raw_create_sale_channel_listing,
)
from .sale_create import create_sale

__all__ = [
    "create_sale",
    "create_sale_channel_listing",
    "sale_catalogues_add",
    "raw_create_sale_channel_listing",
]
