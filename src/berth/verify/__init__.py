"""``berth verify``: drive replicas through flows that break stateful code.

A flows file subclasses :class:`Flow`; see docs/verify.md.
"""

from __future__ import annotations

from berth.verify.client import ReplicaClient
from berth.verify.flows import Flow, Lost, Skipped

__all__ = ["Flow", "Lost", "ReplicaClient", "Skipped"]
