from .read import read_generator
from .write import create_generator, patch_generator

__all__ = [
    "read_generator",
    "create_generator",
    "patch_generator",
]
