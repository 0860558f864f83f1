from .registry import register_content_types

__all__ = [
    "register_content_types",
]
