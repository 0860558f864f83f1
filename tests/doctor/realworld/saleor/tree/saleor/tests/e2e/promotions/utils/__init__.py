from .promotion_create import create_promotion, raw_create_promotion
from .promotion_delete import delete_promotion
from .promotion_query import promotion_query
from .promotion_rule_create import create_promotion_rule
from .promotion_rule_translate import translate_promotion_rule
from .promotion_rule_update import raw_update_promotion_rule, update_promotion_rule
from .promotion_translate import translate_promotion
from .promotions_query import promotions_query

__all__ = [
    "create_promotion",
    "raw_create_promotion",
    "create_promotion_rule",
    "update_promotion_rule",
    "raw_update_promotion_rule",
    "delete_promotion",
    "promotion_query",
    "promotions_query",
    "translate_promotion",
    "translate_promotion_rule",
]
