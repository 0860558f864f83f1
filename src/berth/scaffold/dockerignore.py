"""What an image leaves out of a project: ``.dockerignore`` patterns, read as ``docker build``
reads them, and the ones berth never lets into an image (its data, dumps, databases, secrets).

berth init writes :data:`DATA_EXCLUDES` into the ``.dockerignore`` it generates (and, spelled
for git, into ``.gitignore``); berth up copies a project for its replicas through the same
:class:`IgnoreRules`, with the project's own ``.dockerignore`` after berth's patterns, so a
replica holds what ``COPY . .`` would put in the image.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["DATA_EXCLUDES", "IgnoreRules", "gitignore_lines"]

DATA_EXCLUDES = (
    ".berth",
    "data",
    "**/*.dump",
    "**/db.sqlite3*",
    ".env*",
    "!.env.example",
)
"""Never in an image, nor in a commit: berth up's services' data, berth's embedded SQLite
database and media (``data/``), database dumps, SQLite files, and ``.env`` files (all but
the example). Patterns without ``**/`` concern the project's top folder only, as in Docker."""


@dataclass(frozen=True)
class _Pattern:
    text: str
    exception: bool
    regex: re.Pattern[str]


def _compile(pattern: str) -> re.Pattern[str]:
    """moby/patternmatcher's translation: ``**`` any folders (none included), ``*`` and ``?``
    within one name, ``[...]`` a class, ``\\`` escapes the next character."""
    out = ["^"]
    index = 0
    while index < len(pattern):
        char = pattern[index]
        index += 1
        if char == "*":
            if pattern[index : index + 1] == "*":
                index += 1
                if pattern[index : index + 1] == "/":
                    index += 1
                out.append(".*" if index == len(pattern) else "(.*/)?")
            else:
                out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "\\" and index < len(pattern):
            out.append(re.escape(pattern[index]))
            index += 1
        elif char == "[" and "]" in pattern[index + 1 :]:
            end = pattern.index("]", index + 1)
            out.append(f"[{pattern[index:end]}]")
            index = end + 1
        else:
            out.append(re.escape(char))
    out.append("$")
    return re.compile("".join(out))


def _clean(line: str) -> tuple[str, bool] | None:
    """A pattern and whether it is an exception (``!``); None for a blank line or a comment."""
    text = line.strip()
    if not text or text.startswith("#"):
        return None
    exception = text.startswith("!")
    text = text.removeprefix("!").strip()
    # As docker does: filepath.Clean, then relative to the context's root.
    text = posixpath.normpath(text).lstrip("/")
    return (text, exception) if text not in ("", ".") else None


class IgnoreRules:
    """An ordered list of ``.dockerignore`` patterns: the last one matching a path decides."""

    def __init__(self, lines: Iterable[str]) -> None:
        patterns = []
        for line in lines:
            cleaned = _clean(line)
            if cleaned is not None:
                text, exception = cleaned
                patterns.append(_Pattern(text, exception, _compile(text)))
        self._patterns = tuple(patterns)

    @classmethod
    def for_project(cls, root: Path, *, defaults: Iterable[str] = DATA_EXCLUDES) -> IgnoreRules:
        """``defaults``, then the project's own ``.dockerignore`` (when it has one)."""
        try:
            own = (root / ".dockerignore").read_text(encoding="utf-8").splitlines()
        except FileNotFoundError:
            own = []
        return cls([*defaults, *own])

    def excludes(self, path: str) -> bool:
        """Whether ``path`` (relative, ``/``-separated) is left out; a pattern matching one of
        its folders counts, as in ``docker build``."""
        parents = path.split("/")[:-1]
        prefixes = ["/".join(parents[: depth + 1]) for depth in range(len(parents))]
        excluded = False
        for pattern in self._patterns:
            # An exception can only change an excluded path, an exclusion a kept one.
            if pattern.exception != excluded:
                continue
            if pattern.regex.match(path) or any(pattern.regex.match(p) for p in prefixes):
                excluded = not pattern.exception
        return excluded

    def may_keep_below(self, folder: str) -> bool:
        """Whether an exception could bring back something inside ``folder``, which must then be
        walked rather than left out whole."""
        for pattern in self._patterns:
            if not pattern.exception:
                continue
            literal = re.split(r"[*?\[\\]", pattern.text, maxsplit=1)[0]
            wildcard = literal != pattern.text
            if literal.startswith(f"{folder}/") or (wildcard and f"{folder}/".startswith(literal)):
                return True
        return False


def gitignore_lines(patterns: Iterable[str] = DATA_EXCLUDES) -> list[str]:
    """``patterns`` spelled for ``.gitignore``, with the same meaning: git matches a pattern
    without a ``/`` at any depth, so those anchored at the top in Docker get a leading ``/``."""
    lines = []
    for line in patterns:
        cleaned = _clean(line)
        if cleaned is None:
            continue
        text, exception = cleaned
        spelled = text if text.startswith("**/") else f"/{text}"
        lines.append(f"!{spelled}" if exception else spelled)
    return lines
