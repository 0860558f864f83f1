from .query_tax_configurations import get_tax_configurations
from .tax_class_create import create_tax_class
from .tax_class_update import update_tax_class
from .tax_configuration_update import update_tax_configuration
from .tax_country_configuration_update import update_country_tax_rates

__all__ = [
    "get_tax_configurations",
    "update_tax_configuration",
    "update_country_tax_rates",
    "create_tax_class",
    "update_tax_class",
]
