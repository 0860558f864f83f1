from .account_address_delete import account_address_delete
from .account_register import account_register, raw_account_register
from .create_customer import create_customer
from .customer_bulk_update import customer_bulk_update
from .customer_update import customer_update
from .me import get_own_data
from .staff_create import create_staff
from .staff_update import update_staff
from .token_create import raw_token_create, token_create
from .user import get_user

__all__ = [
    "account_register",
    "raw_account_register",
    "token_create",
    "raw_token_create",
    "get_own_data",
    "account_address_delete",
    "create_customer",
    "customer_bulk_update",
    "customer_update",
    "create_staff",
    "update_staff",
    "get_user",
]
