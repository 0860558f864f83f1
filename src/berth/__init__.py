"""berth: make a Django project a good citizen of disposable, replicated containers."""

from __future__ import annotations

from berth.errors import BerthError, ConfigurationError

__all__ = ["BerthError", "ConfigurationError", "__version__", "configure"]

__version__ = "0.1.0.dev0"


def configure(namespace: dict[str, object]) -> None:
    """Set Django settings in ``namespace`` (a settings module's ``globals()``) from the environment."""
    from berth.config.resolve import configure as _configure

    _configure(namespace)
