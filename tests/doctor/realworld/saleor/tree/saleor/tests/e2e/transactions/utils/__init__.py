from .transaction_create import create_transaction
from .transaction_event_report import transaction_event_report
from .transaction_initialize import transaction_initialize

__all__ = [
    "create_transaction",
    "transaction_initialize",
    "transaction_event_report",
]
