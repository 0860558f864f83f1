"""Files that appear complete or not at all: written beside their name, then renamed into it.

Shared by every part of berth that writes a file another process (or a later run) reads:
the services' secrets, berth up's state files, the transfer's dumps.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import itertools
import json
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import IO

from berth.errors import BerthError

__all__ = [
    "DiskFullError",
    "NotAFileError",
    "atomic_file",
    "file_mode",
    "is_regular_or_missing",
    "remove_orphaned_parts",
    "write_json_atomically",
]

_PART = ".part"
# A writer locks its temporary file just after making it: one younger than this may be
# between the two, and is never taken for an orphan.
_ORPHAN_AGE = 60.0


class DiskFullError(BerthError):
    """A file could not be written whole for want of space; nothing was left under its name."""


class NotAFileError(BerthError):
    """A name that holds something other than a regular file (a device, a FIFO, a folder)."""


def is_regular_or_missing(path: Path) -> bool:
    """Whether ``path`` names a regular file (a symlink to one too) or nothing yet."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except FileNotFoundError:
        return not path.is_symlink()  # a dangling symlink: the rename would replace the link


class atomic_file(contextlib.AbstractContextManager[IO[bytes]]):  # noqa: N801 - used as a function
    """A file written under a temporary name beside ``path`` and given its name only when complete.

    An interrupted write leaves no file under the final name; the temporary is removed.
    ``unique``: an existing file is never replaced, the new one is named ``NAME-1.EXT`` (and
    so on) instead; ``.path`` is the name it got. ``mode``: the file's permissions (0600, for
    secrets and dumps, unless given), set before the first byte is written.
    """

    def __init__(self, path: Path, *, unique: bool = False, mode: int = 0o600) -> None:
        self.path = path
        self._unique = unique
        self._mode = mode

    def __enter__(self) -> IO[bytes]:
        if not is_regular_or_missing(self.path):
            # The rename would put a regular file in its place: `-o /dev/null`, run as root,
            # replaced the machine's /dev/null with a dump.
            raise NotAFileError(f"{self.path} is not a regular file: it is left as it is")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, self._temporary = tempfile.mkstemp(
            prefix=f".{self.path.name}.", suffix=_PART, dir=self.path.parent
        )
        # Held while the file is written: a temporary no one holds is a killed writer's.
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        self._file = open(descriptor, "wb")  # noqa: SIM115 - closed in __exit__
        if self._mode != 0o600:
            os.fchmod(descriptor, self._mode)
        return self._file

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, *rest: object
    ) -> None:
        try:
            if kind is None:
                self._file.flush()
                os.fsync(self._file.fileno())
            self._file.close()
            if kind is None:
                if self._unique:
                    self.path = _publish_new(self._temporary, self.path)
                else:
                    os.replace(self._temporary, self.path)
        except OSError as failure:
            error = error or failure
            if not _is_disk_full(error):
                raise
        finally:
            with contextlib.suppress(OSError):
                os.unlink(self._temporary)
        if error is not None and _is_disk_full(error):
            raise DiskFullError(
                f"no space left on the device of {self.path.parent}: {self.path.name} was not written"
            ) from None


def _is_disk_full(error: BaseException) -> bool:
    return isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)


def remove_orphaned_parts(folder: Path, pattern: str = f".*{_PART}") -> list[Path]:
    """Remove the temporary files that killed writers left in ``folder``; return them.

    A temporary whose lock no process holds, and older than a minute, has no writer left.
    ``pattern``: which names are berth's temporaries there (its writers lock them).
    """
    removed = []
    with contextlib.suppress(FileNotFoundError):
        for path in folder.glob(pattern):
            try:
                descriptor = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                if time.time() - os.fstat(descriptor).st_mtime < _ORPHAN_AGE:
                    continue
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                path.unlink()
                removed.append(path)
            except OSError:
                continue  # held: a writer is still at it
            finally:
                os.close(descriptor)
    return removed


def _publish_new(temporary: str, path: Path) -> Path:
    """Give ``temporary`` the first free name of ``path``, ``path-1``, …; never replace a file."""
    for number in itertools.count():
        candidate = path if number == 0 else path.with_stem(f"{path.stem}-{number}")
        try:
            # A hard link fails if the name is taken, and appears complete or not at all.
            os.link(temporary, candidate)
            return candidate
        except FileExistsError:
            continue
        except OSError:
            pass  # a filesystem without hard links: claim the name, then fill it in one rename
        try:
            os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            continue
        os.replace(temporary, candidate)
        return candidate
    raise AssertionError("unreachable")


def file_mode(path: Path, default: int = 0o644) -> int:
    """``path``'s permission bits, to keep them when it is replaced; ``default`` if it is new."""
    try:
        return path.stat().st_mode & 0o777
    except FileNotFoundError:
        return default


def write_json_atomically(path: Path, value: object) -> None:
    """Replace ``path`` by ``value`` as JSON, so that a reader never sees half a file."""
    with atomic_file(path) as file:
        file.write((json.dumps(value, indent=2) + "\n").encode())
