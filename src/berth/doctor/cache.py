"""Results per file, keyed by a hash of its content, kept in the user's cache folder.

The key covers the file's bytes, its path (rules read paths: ``settings/dev.py``) and a
fingerprint of the doctor's own code, so an edited rule never serves stale results. The cache
is one JSON file per scanned folder under ``$XDG_CACHE_HOME/berth/doctor`` (``~/.cache`` on
Linux, ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows): never in the project.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["ResultCache", "cache_folder", "fingerprint"]

_FORMAT = 1


def cache_folder() -> Path:
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        root = Path(xdg)
    elif sys.platform == "darwin":
        root = Path.home() / "Library" / "Caches"
    elif sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        root = Path(os.environ["LOCALAPPDATA"])
    else:
        root = Path.home() / ".cache"
    return root / "berth" / "doctor"


@cache
def fingerprint() -> str:
    """A hash of the doctor's source: any change to a rule invalidates every entry."""
    digest = hashlib.blake2b(f"{_FORMAT}:{sys.version_info[:2]}".encode(), digest_size=16)
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def file_key(display: str, kind: str, content: bytes) -> str:
    digest = hashlib.blake2b(content, digest_size=16)
    digest.update(f"\0{kind}\0{display}".encode())
    return digest.hexdigest()


class ResultCache:
    def __init__(self, folder: Path | None, scope: str) -> None:
        name = hashlib.blake2b(scope.encode(), digest_size=8).hexdigest()
        self.path = folder / f"{name}.json" if folder else None
        self.entries: dict[str, Any] = {}
        self.used: dict[str, Any] = {}
        if self.path is not None:
            try:
                data = json.loads(self.path.read_bytes())
            except (OSError, ValueError):
                data = None
            if isinstance(data, dict) and data.get("fingerprint") == fingerprint():
                self.entries = data.get("entries", {})

    def get(self, key: str) -> Any:
        entry = self.entries.get(key)
        if entry is not None:
            self.used[key] = entry
        return entry

    def put(self, key: str, entry: Any) -> None:
        self.used[key] = entry

    def save(self) -> None:
        """Write the entries used by this run only, so the file stays the size of the tree."""
        if self.path is None or self.used.keys() == self.entries.keys():
            return
        # tempfile, with shutil, bz2 and lzma: not for a warm run that writes nothing.
        from berth.services.files import atomic_file

        try:
            payload = json.dumps({"fingerprint": fingerprint(), "entries": self.used})
            with atomic_file(self.path) as stream:
                stream.write(payload.encode("utf-8"))
        except OSError:
            pass  # a read-only home or a full disk costs speed, never the result
