"""What every gallery page shows about where it was made."""

from __future__ import annotations

from django.http import HttpRequest

from berth.runtime.log_format import replica_name


def replica(request: HttpRequest) -> dict[str, str]:
    # Reload a page behind berth up or a scaled Compose service and this changes: any
    # replica can serve any page, which is the point.
    return {"replica": replica_name()}
