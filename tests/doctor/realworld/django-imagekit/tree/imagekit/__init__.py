from . import conf, generatorlibrary
from .pkgmeta import *
from .registry import register, unregister
from .specs import ImageSpec

__all__ = [
    'ImageSpec', 'conf', 'generatorlibrary', 'register', 'unregister',
    '__title__', '__author__', '__version__', '__license__'
]
