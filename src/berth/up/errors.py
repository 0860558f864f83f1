"""The one error ``berth up`` raises itself; the services raise berth's ServiceError."""

from __future__ import annotations

from berth.errors import BerthError

__all__ = ["UpError"]


class UpError(BerthError):
    """``berth up`` cannot start or keep its replicas running: a port, a folder, a crash loop."""

    exit_code = 4
