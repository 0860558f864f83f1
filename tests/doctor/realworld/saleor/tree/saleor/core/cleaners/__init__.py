from .urls import (
    URL_SCHEME_CLEANERS,
    URLCleanerError,
    clean_mailto,
    clean_tel,
    normalize_host,
)

__all__ = (
    "URL_SCHEME_CLEANERS",
    "URLCleanerError",
    "clean_tel",
    "clean_mailto",
    "normalize_host",
)
