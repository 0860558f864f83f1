from .app_create import add_app

__all__ = [
    "add_app",
]
