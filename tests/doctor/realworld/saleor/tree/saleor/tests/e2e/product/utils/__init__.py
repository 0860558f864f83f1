from .category import create_category
from .collection import create_collection
from .collection_add_products import add_product_to_collection
from .collection_listing_update import create_collection_channel_listing
from .product import create_product, raw_create_product
from .product_attribute_assignment_update import (
    update_product_type_assignment_attribute,
)
from .product_channel_listing import (
    create_product_channel_listing,
    raw_create_product_channel_listing,
)
from .product_query import get_product
from .product_type import create_product_type
from .product_type_update import update_product_type
from .product_update import update_product
from .product_variant import create_product_variant, raw_create_product_variant
from .product_variant_bulk_create import create_variants_in_bulk
from .product_variant_channel_listing import (
    create_product_variant_channel_listing,
    raw_create_product_variant_channel_listing,
)
from .product_variant_stock_update import product_variant_stock_update

__all__ = [
    "create_category",
    "raw_create_product_channel_listing",
    "create_product_type",
    "create_product_channel_listing",
    "create_product_variant_channel_listing",
    "create_product_variant",
    "raw_create_product_variant",
    "create_product",
    "raw_create_product",
    "raw_create_product_channel_listing",
    "create_variants_in_bulk",
    "update_product_type_assignment_attribute",
    "create_collection",
    "create_collection_channel_listing",
    "get_product",
    "add_product_to_collection",
    "raw_create_product_variant_channel_listing",
    "update_product_type",
    "update_product",
    "product_variant_stock_update",
]
