"""The pg_dump archive inside a berth dump file, as a file of its own, for ``pg_restore --jobs``.

pg_restore's parallel workers each open the archive by name and read it from its first byte,
where berth's header line is; no option skips it, and a pipe cannot be reopened.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import glob
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from berth.services.files import DiskFullError, remove_orphaned_parts
from berth.transfer.header import MAGIC

__all__ = ["archive_copy"]

_ARCHIVE = ".archive"


@contextlib.contextmanager
def archive_copy(dump: Path) -> Iterator[Path]:
    """The archive in ``dump``, copied beside it (copy_file_range: in the kernel, and shared
    blocks on filesystems that can) while the block runs, and removed after."""
    # What a restore killed here left: a whole copy of the dump that no one will read.
    remove_orphaned_parts(dump.parent, f".{glob.escape(dump.name)}.*{_ARCHIVE}")
    with dump.open("rb") as source:
        if source.read(len(MAGIC)) == MAGIC:
            source.readline()
        else:
            source.seek(0)  # a bare pg_dump archive: all of it
        offset = source.tell()
        descriptor, name = tempfile.mkstemp(
            prefix=f".{dump.name}.", suffix=_ARCHIVE, dir=dump.parent
        )
        # Held while it lives (on a copy of the descriptor, which the copy below closes): an
        # archive no one holds is a killed restore's.
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        held = os.dup(descriptor)
        try:
            try:
                _copy_archive(source, descriptor, offset)
            except OSError as error:
                if error.errno not in (errno.ENOSPC, errno.EDQUOT):
                    raise
                raise DiskFullError(
                    f"no space left on the device of {dump.parent} for the archive pg_restore "
                    "--jobs reads: nothing was changed"
                ) from None
            yield Path(name)
        finally:
            with contextlib.suppress(OSError):
                os.unlink(name)
            os.close(held)


def _copy_archive(source: IO[bytes], descriptor: int, offset: int) -> None:
    """``source`` from ``offset`` on into ``descriptor``: in the kernel where it can."""
    with open(descriptor, "wb") as target:
        remaining = os.fstat(source.fileno()).st_size - offset
        position = offset
        try:
            while remaining > 0:
                copied = os.copy_file_range(source.fileno(), target.fileno(), remaining, position)
                if copied == 0:
                    break
                position += copied
                remaining -= copied
        except OSError as error:
            if error.errno in (errno.ENOSPC, errno.EDQUOT):
                raise
            source.seek(position)  # no copy_file_range here: through user space
            shutil.copyfileobj(source, target, 1 << 20)
