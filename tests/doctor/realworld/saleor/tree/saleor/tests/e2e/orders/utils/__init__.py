from .draft_order_bulk_delete import draft_order_bulk_delete
from .draft_order_complete import draft_order_complete, raw_draft_order_complete
from .draft_order_create import draft_order_create
from .draft_order_delete import draft_order_delete
from .draft_order_update import draft_order_update, raw_draft_order_update
from .order_bulk_create import order_bulk_create
from .order_by_checkout_id_query import order_by_checkout_id_query
from .order_cancel import order_cancel
from .order_create_from_checkout import (
    order_create_from_checkout,
    raw_order_create_from_checkout,
)
from .order_discount_add import order_discount_add
from .order_fulfill import order_fulfill
from .order_fulfill_add_tracking import order_add_tracking
from .order_fulfillment_cancel import order_fulfillment_cancel
from .order_invoice_create import order_invoice_create
from .order_line_delete import order_line_delete
from .order_line_discount_update import order_line_discount_update
from .order_line_update import order_line_update
from .order_lines_create import order_lines_create
from .order_mark_as_paid import mark_order_paid
from .order_query import order_query
from .order_update import order_update
from .order_update_shipping import order_update_shipping
from .order_void import order_void, raw_order_void

__all__ = [
    "order_bulk_create",
    "raw_draft_order_complete",
    "draft_order_create",
    "order_lines_create",
    "draft_order_complete",
    "draft_order_update",
    "order_query",
    "order_by_checkout_id_query",
    "mark_order_paid",
    "order_cancel",
    "draft_order_delete",
    "order_create_from_checkout",
    "order_discount_add",
    "raw_order_void",
    "order_void",
    "order_fulfill",
    "order_add_tracking",
    "order_fulfillment_cancel",
    "order_invoice_create",
    "order_update_shipping",
    "draft_order_bulk_delete",
    "order_line_update",
    "order_line_delete",
    "order_line_discount_update",
    "raw_order_create_from_checkout",
    "raw_draft_order_update",
    "order_update",
]
