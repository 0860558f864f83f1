from .filters import CustomFieldsFilterBackend
from .routers import NestedCustomFieldsRouter, NestedCustomFieldsRouterMixin
from .serializers import WithCustomFieldsSerializerMixin

__all__ = [
    'CustomFieldsFilterBackend',
    'NestedCustomFieldsRouter',
    'NestedCustomFieldsRouterMixin',
    'WithCustomFieldsSerializerMixin',
]
