"""Which object keys may become local files: never outside the target folder, never ambiguous.

A bucket is another party's data. A key such as ``../../etc/passwd``, ``/etc/passwd``,
``a\\b`` (a folder on Windows, a file here) or one holding NUL would, joined naively, write
outside the target or where it was not meant to; such keys are refused and reported, as tar's
and zip's extractors learned to (CVE-2007-4559).
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["PART_SUFFIX", "UnsafeKey", "checked_key", "is_inside"]

PART_SUFFIX = ".berth-part"
"""Files being written end so; they are renamed to their final name only once complete."""


class UnsafeKey(ValueError):
    """A key that cannot be written as a file under the target folder; the text says why."""


def checked_key(key: str) -> str:
    """``key`` if it is a safe relative path of a file; else raise :class:`UnsafeKey`."""
    if "\x00" in key:
        raise UnsafeKey("holds a NUL character")
    if "\\" in key:
        raise UnsafeKey("holds a backslash")
    if key.startswith("/"):
        raise UnsafeKey("is an absolute path")
    if not key:
        raise UnsafeKey("is empty")
    segments = key.split("/")
    if any(segment in (".", "..") for segment in segments):
        raise UnsafeKey("has a . or .. segment")
    if any(segment == "" for segment in segments):
        raise UnsafeKey("has an empty segment (//)")
    if segments[-1].endswith(PART_SUFFIX):
        raise UnsafeKey(f"ends with {PART_SUFFIX}, berth's own partial files")
    return key


def is_inside(path: Path, root: Path) -> bool:
    """Whether ``path``, symlinks resolved, is ``root`` or below it."""
    real, base = os.path.realpath(path), os.path.realpath(root)
    return real == base or real.startswith(base.rstrip(os.sep) + os.sep)
