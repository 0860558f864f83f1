"""What a container's start command does, read from its text: shared by the Dockerfile,
Compose and entrypoint-script rules."""

from __future__ import annotations

import re

__all__ = [
    "BEAT",
    "COLLECTSTATIC",
    "LOADDATA",
    "MIGRATE",
    "RUNSERVER",
    "SERVER",
    "waits",
    "locked",
]

_DJANGO = r"(manage\.py|django-admin|-m\s+django)\s+(--?\S+\s+)*"
# migrate --check and --plan change nothing: they only read the migration state.
MIGRATE = re.compile(_DJANGO + r"migrate\b(?![^;&|\n]*\s--(check|plan)\b)")
COLLECTSTATIC = re.compile(_DJANGO + r"collectstatic\b")
LOADDATA = re.compile(_DJANGO + r"loaddata\b")
# celery beat, alone (``celery -A proj beat``) or embedded in a worker (``worker -B``).
BEAT = re.compile(
    r"\bcelery\b[^;&|\n]*(\sbeat\b|\sworker\b[^;&|\n]*(?<!\S)(-B|--beat)(?!\S)|"
    r"(?<!\S)(-B|--beat)(?!\S)[^;&|\n]*\sworker\b)"
)
RUNSERVER = re.compile(_DJANGO + r"runserver(_plus)?\b")
SERVER = re.compile(
    r"\b(gunicorn|uwsgi|uvicorn|daphne|hypercorn|granian|waitress-serve)\b|"
    + _DJANGO
    + r"runserver|\bexec\s+\"?\$(@|\{@\}|\*)"
)
_LOCK = re.compile(r"\bflock\b|\bs6-setlock\b|\bberth\s+migrate\b|advisory|\block\b", re.IGNORECASE)


def locked(text: str) -> bool:
    """Whether the migration is taken under a lock (``flock``, ``berth migrate``)."""
    return bool(_LOCK.search(text))


# A start that waits for its database itself: what a health condition on depends_on would do.
_WAIT = re.compile(
    r"\bpg_isready\b|/dev/tcp/|\bnc\s+(-\w+\s+)*-\w*z|\bwait_for_(db|database|postgres)\b|"
    r"\bwait-for(-it)?(\.sh)?\b|\bdockerize\b[^\n]*\s-wait\b|\bWAIT_HOSTS\b|\bberth\s+wait\b|"
    r"\b(until|while)\b[^\n]*\b(psql|pg_isready|mysqladmin|nc|curl|\w*ready\w*)\b"
)
_CONNECT = re.compile(
    r"\b(psycopg2?|socket|MySQLdb[\w.]*|connection)\.(connect|create_connection)\("
)
_LOOP = re.compile(r"\bwhile\b|\bfor\s+\w+\s+in\s+range\(|\bretr(y|ies)\b")


def waits(text: str) -> bool:
    """Whether a start command or entrypoint waits until a service answers (a pg_isready
    or psql loop, /dev/tcp or nc polling, a Python connect loop, wait-for-it, ...)."""
    if _WAIT.search(text):
        return True
    return bool(_CONNECT.search(text) and _LOOP.search(text))
