from .attribute_bulk_create import bulk_create_attributes
from .create_attribute import attribute_create
from .prepare_attributes import (
    prepare_all_attributes,
    prepare_all_attributes_in_bulk,
    prepare_attributes_in_bulk,
)
from .update_attribute import attribute_update

__all__ = [
    "attribute_create",
    "attribute_update",
    "prepare_all_attributes",
    "bulk_create_attributes",
    "prepare_all_attributes_in_bulk",
    "prepare_attributes_in_bulk",
]
