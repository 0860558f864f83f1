from .base import (
    Attribute,
    AttributeTranslation,
    AttributeValue,
    AttributeValueTranslation,
)
from .customer import AssignedUserAttributeValue, AttributeCustomerType
from .page import AssignedPageAttributeValue, AttributePage
from .product import AssignedProductAttributeValue, AttributeProduct
from .product_variant import (
    AssignedVariantAttribute,
    AssignedVariantAttributeValue,
    AttributeVariant,
)

__all__ = [
    "Attribute",
    "AttributeTranslation",
    "AttributeValue",
    "AttributeValueTranslation",
    "AssignedPageAttributeValue",
    "AttributePage",
    "AssignedUserAttributeValue",
    "AttributeCustomerType",
    "AssignedProductAttributeValue",
    "AttributeProduct",
    "AssignedVariantAttribute",
    "AssignedVariantAttributeValue",
    "AttributeVariant",
]
