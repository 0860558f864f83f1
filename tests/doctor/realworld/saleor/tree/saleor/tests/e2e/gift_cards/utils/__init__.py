from .gift_card_bulk_create import bulk_create_gift_card
from .gift_card_create import create_gift_card
from .gift_cards_query import get_gift_cards

__all__ = [
    "create_gift_card",
    "get_gift_cards",
    "bulk_create_gift_card",
]
