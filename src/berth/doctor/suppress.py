"""Inline suppressions: ``# berth: ignore[BD102] reason`` on the line, or alone on the line above.

Any comment syntax works (``#``, ``{# #}``, ``<!-- -->``): only the marker is looked for, so
Dockerfiles, Compose, nginx, shell and templates take the same comment. A marker alone on its
line applies to the next line too, which is the only place a Dockerfile allows a comment.
"""

from __future__ import annotations

import re

__all__ = ["MARKER", "suppressions"]

MARKER = re.compile(r"berth:\s*ignore\[([^\]]*)\]")
_COMMENT_ONLY = re.compile(r"\s*(#|\{#|<!--|//)?\s*$")


def suppressions(text: str) -> dict[int, list[str]]:
    """Line number -> the ids or slugs suppressed on it (upper-cased ids, lower-case slugs)."""
    if "berth:" not in text:
        return {}
    found: dict[int, list[str]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = MARKER.search(line)
        if match is None:
            continue
        words = [w.strip() for w in match.group(1).split(",") if w.strip()]
        found.setdefault(number, []).extend(words)
        if _COMMENT_ONLY.fullmatch(line[: match.start()]):
            found.setdefault(number + 1, []).extend(words)
    return found
