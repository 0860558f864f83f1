"""berth's own words, which a property test must not draw as a secret.

Hypothesis draws strings from the literals of the code under test: a "secret" such as
``WEB_CONC`` or ``postgresql`` is in berth's output or errors without any secret leaking (CI).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import berth


@cache
def _source() -> str:
    root = Path(berth.__file__).parent
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(root.rglob("*.py")))


def is_berths_own(text: str) -> bool:
    """Whether ``text`` stands anywhere in berth's source, so berth may print it on its own."""
    return text in _source()
