"""A Procfile (Heroku, Dokku, honcho, foreman) as its process types: ``name: command`` lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Process", "parse"]

_LINE = re.compile(r"^([A-Za-z0-9_-]+)[ \t]*:[ \t]*(.*?)\s*$")


@dataclass(frozen=True)
class Process:
    name: str
    """The process type: ``web``, ``worker``, ``release``, ..."""
    command: str
    line: int
    column: int
    """Where the command starts (from 1)."""

    @property
    def once_per_release(self) -> bool:
        """Heroku and Dokku run the ``release`` process once per deploy, before the new
        processes start: not in every replica."""
        return self.name == "release"


def parse(text: str) -> list[Process]:
    processes = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("#"):
            continue
        match = _LINE.match(line)
        if match and match.group(2):
            processes.append(Process(match.group(1), match.group(2), number, match.start(2) + 1))
    return processes
