"""A cache backend that answers but keeps nothing: what readiness must call broken."""

from __future__ import annotations

from typing import Any

from django.core.cache.backends.base import BaseCache


class ForgetfulCache(BaseCache):
    def __init__(self, location: str, params: dict[str, Any]) -> None:
        super().__init__(params)

    def set(self, key: Any, value: Any, timeout: Any = None, version: Any = None) -> None:
        pass

    def get(self, key: Any, default: Any = None, version: Any = None) -> Any:
        return default

    def delete(self, key: Any, version: Any = None) -> bool:
        return False
