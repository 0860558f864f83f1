from __future__ import annotations

from berth.cli import console

console()
