"""Where an environment's database and media are, and whether berth reaches them directly.

``local`` is the project's own ``berth up``: its DSNs come from :func:`local_variables`, which
asks Django (the project's settings, loaded in a child) when neither berth up nor the shell
names them. Another
environment is reached directly through the DSNs of its ``env_file``; without them (or when its
database does not answer from here), berth runs its own commands inside the environment's
containers through the exec prefix, where the environment's variables and network are.
"""

from __future__ import annotations

import contextlib
import ipaddress
import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote, urlencode

from berth.config.dsn.storage import StorageConfig, parse_divio_storage_dsn, parse_storage_url
from berth.config.variables import Environment, read_environment
from berth.project.discovery import ProjectNotFound, find_project, find_root
from berth.remote.commands import program_not_found, shown_command
from berth.remote.environments import LOCAL, DeploymentEnvironment, get_environment
from berth.transfer.databases import LIBPQ_OPTIONS, Database
from berth.transfer.errors import TransferError
from berth.transfer.header import SQLITE
from berth.transfer.streams import close_quietly

__all__ = [
    "Endpoint",
    "Remote",
    "local_variables",
    "project_root",
    "resolve",
    "storage_config",
    "this_container",
]

_PROBE_TIMEOUT = 3.0
JSON_TIMEOUT = 120.0
"""Seconds an environment's berth has to answer a question (its database, its storage)."""


def project_root(start: Path | None = None) -> Path:
    """The folder holding manage.py at or above ``start``; ``start`` itself without one."""
    return find_root(start) or (start or Path.cwd()).resolve()


def local_variables(root: Path, environ: Mapping[str, str] | None = None) -> Mapping[str, str]:
    """``DATABASE_URL`` and ``STORAGE_URL`` of ``local``, the project's own ``berth up``.

    The running berth up's, as its replicas have them (``berth.up.attach``); else the value in
    this process's environment when set; else what Django uses in the project at ``root``
    (``berth env``'s resolution: its settings' DATABASES, or berth's ``data/db.sqlite3``).
    """
    from berth.up.attach import NotRunning, attach

    try:
        running = attach(root).variables
    except NotRunning:
        running = {}
    merged = {**(environ if environ is not None else os.environ), **running}
    return _dsns_with_defaults(read_environment(merged), root, merged)


def _dsns_with_defaults(
    env: Environment, root: Path, environ: Mapping[str, str] | None = None
) -> Mapping[str, str]:
    """The DSNs ``env`` sets; for those it does not, what Django uses in the project at ``root``
    (berth's embedded defaults under ``root`` outside a project).

    A ``DEFAULT_STORAGE_DSN`` counts only without a ``STORAGE_URL``, as in the settings.
    """
    variables = {
        key: value
        for key in ("DATABASE_URL", "STORAGE_URL", "BACKUP_URL")
        if (value := env.get(key) or "")
    }
    divio_dsn = env.get("DEFAULT_STORAGE_DSN")
    if "STORAGE_URL" not in variables and divio_dsn is not None:
        variables["DEFAULT_STORAGE_DSN"] = divio_dsn
    return _DjangoDefaults(variables, root, os.environ if environ is None else environ)


class _DjangoDefaults(Mapping[str, str]):
    """DSNs set, and for ``DATABASE_URL`` and ``STORAGE_URL`` unset, what Django uses.

    The settings are loaded only when one of those is read: loading runs the project's code
    (0.17 s for startproject's, more for a large project), and a media command never looks at
    the database.
    """

    def __init__(self, variables: dict[str, str], root: Path, environ: Mapping[str, str]):
        self.known, self.root, self.environ = variables, root, environ
        self._keys = [*variables]
        for key in ("DATABASE_URL", "STORAGE_URL"):
            if key not in variables and not (
                key == "STORAGE_URL" and "DEFAULT_STORAGE_DSN" in variables
            ):
                self._keys.append(key)

    @cached_property
    def _django(self) -> dict[str, str]:
        return _django_dsns(self.root, self.environ)

    def __getitem__(self, key: str) -> str:
        if key in self.known:
            return self.known[key]
        if key not in self._keys:
            raise KeyError(key)
        # Quoted: a "#" or "?" in the project's path is part of the path, not of the URL.
        folder = quote(str(self.root / "data"))
        if key == "DATABASE_URL":
            return self._django.get(key, f"sqlite:///{folder}/db.sqlite3")
        try:
            return self._django.get(key, f"file://{folder}/media")
        except TransferError:
            # Settings that do not load: berth.configure()'s own media folder, which Django
            # gets unless they write STORAGES; the database, by contrast, is refused.
            return f"file://{folder}/media"

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


def _django_dsns(root: Path, environ: Mapping[str, str]) -> dict[str, str]:
    """The database and file storage Django uses in the project at ``root``, as DSNs: its
    settings loaded as manage.py loads them, in a child (they run the project's code). Empty
    outside a project; a storage other than files on disk is left out (berth's default stands).
    """
    try:
        project = find_project(root)
    except ProjectNotFound:
        return {}
    module = environ.get("DJANGO_SETTINGS_MODULE") or project.settings_module
    command = [sys.executable, "-m", "berth.transfer.endpoints", str(project.root)]
    try:
        result = subprocess.run(
            command,
            cwd=project.root,
            env={**environ, "DJANGO_SETTINGS_MODULE": module},
            capture_output=True,
            text=True,
            timeout=JSON_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        raise TransferError(
            f"DJANGO_SETTINGS_MODULE: {module} did not finish loading in {JSON_TIMEOUT:g} s"
        ) from None
    try:
        found: dict[str, str] = json.loads(result.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        tail = result.stderr.strip().splitlines()
        # The exception's type only: its message may quote the settings' values (a password).
        error = tail[-1].split(":")[0] if tail else f"exit status {result.returncode}"
        raise TransferError(
            f"DJANGO_SETTINGS_MODULE: {module} could not be loaded ({error}): "
            "manage.py check shows why"
        ) from None
    return found


def _settings_dsns() -> dict[str, str]:
    """In the child: the loaded settings' default database and file storage as DSNs."""
    from django.conf import settings

    found: dict[str, str] = {}
    database = settings.DATABASES.get("default") or {}
    engine, name = str(database.get("ENGINE", "")), str(database.get("NAME") or "")
    if "sqlite" in engine and name:
        found["DATABASE_URL"] = "sqlite:///" + quote(str(Path(name).resolve()))
    elif "postgresql" in engine:
        user, password = (
            quote(str(database.get("USER") or ""), safe=""),
            quote(str(database.get("PASSWORD") or ""), safe=""),
        )
        login = f"{user}:{password}@" if password else (f"{user}@" if user else "")
        host = str(database.get("HOST") or "")
        host = quote(host, safe="") if host.startswith("/") else host
        port = f":{database['PORT']}" if database.get("PORT") else ""
        # The libpq options the settings give (sslmode above all): a transfer connects as
        # Django does. Django's own (pool, server_side_binding) mean nothing to libpq.
        options = database.get("OPTIONS") or {}
        query = urlencode({k: options[k] for k in LIBPQ_OPTIONS if options.get(k) is not None})
        found["DATABASE_URL"] = f"postgres://{login}{host}{port}/{quote(name, safe='')}" + (
            f"?{query}" if query else ""
        )
    elif engine:
        # Let the transfer refuse it in its own words, naming the engine.
        found["DATABASE_URL"] = f"{engine.rpartition('.')[2]}://{quote(name, safe='')}"
    storage = dict(getattr(settings, "STORAGES", {}).get("default") or {})
    if storage.get("BACKEND") == "django.core.files.storage.FileSystemStorage":
        location = (storage.get("OPTIONS") or {}).get("location") or settings.MEDIA_ROOT
        if location:
            found["STORAGE_URL"] = "file://" + quote(str(Path(location).resolve()))
    return found


def storage_config(variables: Mapping[str, str]) -> StorageConfig:
    """The storage ``STORAGE_URL`` names, else Divio's ``DEFAULT_STORAGE_DSN``."""
    if "STORAGE_URL" in variables:
        return parse_storage_url(variables["STORAGE_URL"])
    return parse_divio_storage_dsn(variables["DEFAULT_STORAGE_DSN"])


@dataclass(frozen=True)
class Remote:
    """berth's own commands run inside a running container of an environment."""

    environment: DeploymentEnvironment

    def command(self, *args: str) -> list[str]:
        return self.environment.command(*self.environment.berth, *args)

    def shown(self, *args: str) -> str:
        return f"[{self.environment.name}] $ {shown_command(self.command(*args))}"

    def popen(
        self,
        *args: str,
        stdin: int | IO[bytes] | None = None,
        stdout: int | IO[bytes] | None = None,
        start_new_session: bool = False,
    ) -> subprocess.Popen[bytes]:
        command = self.command(*args)
        try:
            return subprocess.Popen(
                command,
                stdin=stdin,
                stdout=stdout,
                stderr=subprocess.PIPE,
                start_new_session=start_new_session,
            )
        except FileNotFoundError:
            raise program_not_found(self.environment, command[0]) from None
        except PermissionError:
            raise program_not_found(self.environment, command[0], "is not executable") from None

    def run_json(self, *args: str, timeout: float = JSON_TIMEOUT) -> Any:
        """Run a berth command that prints JSON there, and return what it printed.

        A command that has not answered in ``timeout`` seconds is ended with all it started.
        """
        # Its own session (as the tunnel's relays): its process group is ended at once, the
        # exec prefix and whatever it started (a shell's children, an ssh session).
        process = self.popen(
            *args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, start_new_session=True
        )
        try:
            output, errors = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise TransferError(
                f"berth {' '.join(args[:2])} in environment {self.environment.name!r} did not answer in {timeout:g} s: ended it"
            ) from None
        finally:
            if process.poll() is None:  # timed out, or Ctrl-C
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                close_quietly(process.stdout)
                close_quietly(process.stderr)
        if process.returncode != 0:
            raise self.failure(args, process.returncode, errors)
        try:
            return _json_after_banner(output)
        except ValueError:
            raise TransferError(
                f"berth {' '.join(args[:2])} in environment {self.environment.name!r} printed no JSON: is berth installed in its image?"
            ) from None

    def failure(self, args: Sequence[str], code: int, errors: str | bytes) -> TransferError:
        """``errors``: its stderr, as ``communicate()`` returns it or as a stream tail decoded it."""
        if isinstance(errors, bytes):
            errors = errors.decode("utf-8", errors="replace")
        text = errors.strip().splitlines()
        last = text[-1].removeprefix("berth: ") if text else f"exit status {code}"
        if code == 127:
            last = f"{last} (is berth installed there? set berth = [...] for environment {self.environment.name!r})"
        return TransferError(
            f"berth {' '.join(args[:2])} in environment {self.environment.name!r} failed: {last}"
        )


def _json_after_banner(output: bytes) -> Any:
    """The JSON document that ends ``output``, after whatever a login shell printed first.

    ValueError when no line from some point on is one JSON document.
    """
    text = output.decode("utf-8", errors="replace")
    lines = text.splitlines(keepends=True)
    for start in range(len(lines)):
        if lines[start].lstrip().startswith(("{", "[")):
            try:
                return json.loads("".join(lines[start:]))
            except ValueError:
                continue
    raise ValueError("no JSON document")


@dataclass(frozen=True, eq=False)
class Endpoint:
    """One environment's side of a transfer.

    Its database and its storage are each looked at only when asked for: a media command never
    parses, or connects to, the environment's ``DATABASE_URL``.
    """

    name: str
    environment: DeploymentEnvironment | None
    """None: this process's own environment (a container running berth, ``this_container``)."""
    variables: Mapping[str, str] = field(default_factory=dict)
    """The DSNs set for it here (its env_file; local's and this container's own). A database
    among them may still be one only the containers reach: see ``database_is_direct``."""
    root: Path = field(default_factory=Path.cwd)

    @property
    def label(self) -> str:
        return f"environment {self.name!r}" if self.environment is not None else "this container"

    @property
    def protected(self) -> bool:
        return self.environment is not None and self.environment.protected

    @cached_property
    def database_is_direct(self) -> bool:
        """Whether berth reaches the database from here, rather than through the containers."""
        url = self.variables.get("DATABASE_URL")
        if url is None:
            return False
        if self.environment is None or self.name == LOCAL:
            return True
        return _direct(self.environment, url)

    @property
    def storage_is_direct(self) -> bool:
        return "STORAGE_URL" in self.variables or "DEFAULT_STORAGE_DSN" in self.variables

    def database(self) -> Database:
        if not self.database_is_direct:
            raise TransferError(f"{self.label}: its database is reached through its containers")
        return Database.from_url(self.variables["DATABASE_URL"])

    def storage(self) -> StorageConfig:
        return storage_config(self.variables)

    def remote(self) -> Remote:
        if self.environment is None or not self.environment.exec_prefix:
            raise TransferError(f"{self.label} has no DATABASE_URL berth can reach")
        return Remote(self.environment)


def this_container(root: Path | None = None) -> Endpoint:
    """This process's own environment (``--here``: the container berth runs in), with what
    Django uses there for what is unset."""
    base = project_root(root)
    return Endpoint("container", None, _dsns_with_defaults(read_environment(), base), base)


def resolve(name: str, start: Path | None = None) -> Endpoint:
    """The environment ``name`` as a transfer endpoint."""
    environment = get_environment(name, start)
    root = project_root(start)
    file_values = environment.env_values()
    if name == LOCAL:
        return Endpoint(
            name, environment, _overlaid(local_variables(root), _dsns(file_values)), root
        )
    return Endpoint(name, environment, _dsns(file_values), root)


def _overlaid(variables: Mapping[str, str], values: dict[str, str]) -> Mapping[str, str]:
    """``variables`` with ``values`` over them, Django's still loaded only when read."""
    if isinstance(variables, _DjangoDefaults):
        return _DjangoDefaults({**variables.known, **values}, variables.root, variables.environ)
    return {**variables, **values}


def _dsns(values: Mapping[str, str]) -> dict[str, str]:
    wanted = ("DATABASE_URL", "STORAGE_URL", "DEFAULT_STORAGE_DSN", "BACKUP_URL")
    return {key: values[key] for key in wanted if values.get(key, "").strip()}


def _direct(environment: DeploymentEnvironment, url: str) -> bool:
    """Whether berth reaches an environment's ``env_file`` ``DATABASE_URL`` from here.

    A URL on the environment's own machine (localhost, a unix socket, an SQLite file: a Cloud
    SQL proxy sidecar, a database in the container) names another database here, perhaps the
    developer's own: only the containers' berth reaches it. So does one whose host does not
    answer from here (a private network name).
    """
    try:
        database = Database.from_url(url)
    except Exception:
        return True  # let the transfer report the malformed URL in its own words
    if environment.exec_prefix and database.engine == SQLITE:
        return False  # a file on the containers' disk, whatever a file here by that name holds
    machine = _own_machine(database)
    if not environment.exec_prefix:
        if machine is not None:
            raise TransferError(
                f"environment {environment.name!r}: its env_file's DATABASE_URL is on {machine}, "
                "which here is this machine, not the environment's: reach it through its "
                "containers (exec = [...])"
            )
        return True
    return machine is None and _answers(database)


def _own_machine(database: Database) -> str | None:
    """How ``database`` names the machine it is read on, or None if it names another host."""
    if database.engine == SQLITE:
        return None if database.path.is_absolute() else f"a relative SQLite path ({database.name})"
    host = database.host
    if host.startswith("/") or not database.settings.get("HOST"):
        return "a unix socket"
    if host == "localhost" or host.endswith(".localhost"):
        return host
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None
    return host if address.is_loopback or address.is_unspecified else None


def _answers(database: Database) -> bool:
    """Whether a PostgreSQL server's host accepts a TCP connection from here."""
    try:
        with socket.create_connection((database.host, database.port), timeout=_PROBE_TIMEOUT):
            return True
    except OSError:
        return False


if __name__ == "__main__":
    sys.path.insert(0, sys.argv[1])
    report_to, sys.stdout = sys.stdout, sys.stderr  # the settings' own prints go elsewhere
    report_to.write(json.dumps(_settings_dsns()) + "\n")
