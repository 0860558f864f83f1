from .query_voucher import get_voucher
from .query_vouchers import get_vouchers
from .voucher_bulk_delete import voucher_bulk_delete
from .voucher_catalogues_add import add_catalogue_to_voucher
from .voucher_channel_listing import create_voucher_channel_listing
from .voucher_code_bulk_delete import voucher_code_bulk_delete
from .voucher_create import create_voucher
from .voucher_delete import voucher_delete
from .voucher_update import raw_update_voucher, update_voucher

__all__ = [
    "create_voucher",
    "create_voucher_channel_listing",
    "add_catalogue_to_voucher",
    "get_voucher",
    "voucher_delete",
    "voucher_bulk_delete",
    "voucher_code_bulk_delete",
    "get_vouchers",
    "raw_update_voucher",
    "update_voucher",
]
