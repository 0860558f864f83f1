"""uWSGI ``.ini`` configuration as options, each with its section and line.

uWSGI allows a key many times (``attach-daemon``, ``hook-pre-app``), which ``configparser``
does not: this keeps every occurrence, in order. Only the ``[uwsgi]`` section is kept: a ``.ini``
of another program (tox, pytest, an application's own settings) yields nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Option", "parse"]

_SECTION = re.compile(r"^\s*\[([^\]]+)\]\s*$")
_OPTION = re.compile(r"^\s*([A-Za-z0-9_.-]+)\s*=\s*(.*?)\s*$")


@dataclass(frozen=True)
class Option:
    section: str
    key: str
    """Lower-cased, with ``_`` read as ``-`` as uWSGI does."""
    value: str
    line: int
    column: int
    """Where the value starts (from 1)."""


def parse(text: str) -> list[Option]:
    options = []
    section = ""
    for number, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith(("#", ";")):
            continue
        header = _SECTION.match(line)
        if header:
            section = header.group(1).strip()
            continue
        match = _OPTION.match(line)
        # uWSGI reads its own section; another program's .ini (a cron = in an app's
        # config) is not uWSGI's.
        if match and section.lower() == "uwsgi":
            key = match.group(1).lower().replace("_", "-")
            options.append(Option(section, key, match.group(2), number, match.start(2) + 1))
    return options
