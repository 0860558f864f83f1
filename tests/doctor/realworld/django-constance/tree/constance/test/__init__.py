from .unittest import override_config  # pragma: no cover

__all__ = ["override_config"]
