from .admin import PageContentExtensionAdmin, PageExtensionAdmin
from .extension_pool import extension_pool
from .models import PageContentExtension, PageExtension

__all__ = [
    'extension_pool',
    'PageContentExtension',
    'PageContentExtensionAdmin',
    'PageExtension',
    'PageExtensionAdmin'
]
