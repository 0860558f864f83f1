from .conf import APIField  # noqa: F401
