"""What a container's start command does, read from its text: shared by the Dockerfile,
Compose and entrypoint-script rules."""

from __future__ import annotations

import re

__all__ = [
    "COLLECTSTATIC",
    "MIGRATE",
    "RUNSERVER",
    "SERVER",
    "locked",
]

_DJANGO = r"(manage\.py|django-admin|-m\s+django)\s+(--?\S+\s+)*"
MIGRATE = re.compile(_DJANGO + r"migrate\b")
COLLECTSTATIC = re.compile(_DJANGO + r"collectstatic\b")
RUNSERVER = re.compile(_DJANGO + r"runserver(_plus)?\b")
SERVER = re.compile(
    r"\b(gunicorn|uwsgi|uvicorn|daphne|hypercorn|granian|waitress-serve)\b|"
    + _DJANGO
    + r"runserver|\bexec\s+\"?\$(@|\{@\}|\*)"
)
_LOCK = re.compile(r"\bflock\b|\bberth\s+migrate\b|advisory|\block\b", re.IGNORECASE)


def locked(text: str) -> bool:
    """Whether the migration is taken under a lock (``flock``, ``berth migrate``)."""
    return bool(_LOCK.search(text))
