from ...orders.utils.draft_order_create import draft_order_create
from ...orders.utils.order_lines_create import order_lines_create
from ...product.utils.product_channel_listing import raw_create_product_channel_listing
from .checkout_add_promo_code import (
    checkout_add_promo_code,
    raw_checkout_add_promo_code,
)
from .checkout_billing_address_update import checkout_billing_address_update
from .checkout_complete import checkout_complete, raw_checkout_complete
from .checkout_create import checkout_create, raw_checkout_create
from .checkout_create_from_order import checkout_create_from_order
from .checkout_delivery_method_update import checkout_delivery_method_update
from .checkout_email_update import checkout_update_email
from .checkout_lines_add import checkout_lines_add
from .checkout_lines_delete import checkout_lines_delete
from .checkout_lines_update import checkout_lines_update
from .checkout_payment_create import (
    checkout_dummy_payment_create,
    raw_checkout_dummy_payment_create,
)
from .checkout_remove_promo_code import checkout_remove_promo_code
from .checkout_shipping_address_update import (
    checkout_shipping_address_update,
    raw_checkout_shipping_address_update,
)
from .query_checkout import get_checkout

__all__ = [
    "checkout_billing_address_update",
    "raw_create_product_channel_listing",
    "checkout_complete",
    "raw_checkout_complete",
    "checkout_create",
    "raw_checkout_create",
    "checkout_delivery_method_update",
    "checkout_dummy_payment_create",
    "checkout_shipping_address_update",
    "raw_checkout_shipping_address_update",
    "raw_checkout_dummy_payment_create",
    "checkout_lines_update",
    "draft_order_create",
    "order_lines_create",
    "checkout_create_from_order",
    "checkout_lines_add",
    "checkout_add_promo_code",
    "raw_checkout_add_promo_code",
    "get_checkout",
    "checkout_remove_promo_code",
    "checkout_update_email",
    "checkout_lines_delete",
]
