"""``berth up --watch``: a saved change to the project rebuilds the image and replaces the replicas.

The project's files are polled (no dependency, and a few hundred files stat in milliseconds);
what the image leaves out is not watched. Once the tree has been quiet for a moment (an
editor's save writes several files), the image is rebuilt in a new folder, its code is
imported once, and the replicas are restarted one by one from it, the others serving
meanwhile. Code that does not import is never rolled out: the replicas keep serving the
previous code and the next save tries again. Migrations are named, never run.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol

from berth.project import DjangoProject
from berth.scaffold.dockerignore import DATA_EXCLUDES, IgnoreRules
from berth.up.console import Console
from berth.up.errors import UpError
from berth.up.image import build_image, run_in_image
from berth.up.tree import TOOL_EXCLUDES, ignorer, remove_tree

__all__ = ["Changes", "Watcher", "compare", "snapshot"]

POLL_SECONDS = 0.5
QUIET_SECONDS = 0.3
"""A change is rolled out once the tree stayed unchanged this long."""
_LONGEST_SETTLE = 3.0
"""A tree that keeps changing (a checkout) is rolled out after this long anyway."""
_CHECK_TIMEOUT = 120
# Editors' swap, backup and lock files: written beside a file at every save, never code.
EDITOR_FILES = ("**/*.sw[px]", "**/*~", "**/.#*", "**/4913")

# Run in the new image by the project's own Python: what a replica imports before it can
# answer a request (the WSGI application, the URLconf and so the views), one line on failure.
_IMPORT_CHECK = """
import importlib, sys, traceback
import django
image, wsgi_module = sys.argv[1], sys.argv[2]
try:
    django.setup()
    importlib.import_module(wsgi_module)
    from django.urls import get_resolver
    get_resolver().url_patterns
except Exception as error:
    if isinstance(error, SyntaxError) and error.filename:
        where = f"{error.filename}, line {error.lineno}"
        error = f"SyntaxError: {error.msg}"
    else:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith(image)]
        where = f"{frames[-1].filename}, line {frames[-1].lineno}" if frames else wsgi_module
        error = f"{type(error).__name__}: {str(error).rstrip('.')}"
    print(f"{where.removeprefix(image + '/')}: {error}", file=sys.stderr)
    sys.exit(1)
"""

Snapshot = dict[str, tuple[int, int]]
"""Each watched file, relative to the project (POSIX), with its mtime (ns) and size."""


def snapshot(root: Path, rules: IgnoreRules) -> Snapshot:
    """Every file of ``root`` the image would hold; what ``rules`` exclude is not even walked."""
    ignored = ignorer(root, rules)
    files: Snapshot = {}
    for folder, folders, names in os.walk(root):
        left_out = ignored(folder, [*folders, *names])
        folders[:] = [name for name in folders if name not in left_out]
        for name in names:
            if name in left_out:
                continue
            path = os.path.join(folder, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue  # deleted since it was listed: the next poll sees it gone
            files[Path(path).relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return files


@dataclass(frozen=True)
class Changes:
    added: list[str]
    modified: list[str]
    removed: list[str]
    saved: float
    """When the last of them was saved (the newest mtime; the poll's time for a removal)."""

    def __bool__(self) -> bool:
        return bool(self.added or self.modified or self.removed)

    def describe(self, most: int = 5) -> str:
        named = [
            *(f"{path} (new)" for path in self.added),
            *self.modified,
            *(f"{path} (deleted)" for path in self.removed),
        ]
        more = len(named) - most
        return ", ".join(named[:most]) + (f" and {more} more" if more > 0 else "")

    def migrations(self) -> list[str]:
        return [
            path
            for path in self.added
            if PurePosixPath(path).parent.name == "migrations"
            and path.endswith(".py")
            and not path.endswith("/__init__.py")
        ]


def compare(before: Snapshot, after: Snapshot) -> Changes:
    added = sorted(after.keys() - before.keys())
    removed = sorted(before.keys() - after.keys())
    modified = sorted(path for path in after.keys() & before.keys() if after[path] != before[path])
    newest = max((after[path][0] for path in (*added, *modified)), default=0)
    return Changes(added, modified, removed, newest / 1e9 if newest else time.time())


class Replicas(Protocol):
    """What the watcher needs of berth up's supervisor."""

    image: Path
    environment: dict[str, str]
    wsgi_application: str
    stopping: threading.Event

    def all_ready(self) -> bool: ...

    def replace_image(self, image: Path) -> Path: ...

    def restart_all(self, reason: str, served: ServedCallback) -> bool: ...


class ServedCallback(Protocol):
    def __call__(self, name: str, since: float) -> None: ...


class Watcher:
    """Made before the image is built (a save during start-up is not missed), then :meth:`watching`."""

    def __init__(self, project: DjangoProject, console: Console) -> None:
        self.project = project
        self.console = console
        self._seen = snapshot(project.root, self._rules())
        self._builds = 0

    def _rules(self) -> IgnoreRules:
        # Read at every poll: an edit of .dockerignore changes what the image holds.
        return IgnoreRules.for_project(
            self.project.root, defaults=(*TOOL_EXCLUDES, *DATA_EXCLUDES, *EDITOR_FILES)
        )

    @contextmanager
    def watching(self, replicas: Replicas) -> Iterator[None]:
        thread = threading.Thread(target=self._run, args=(replicas,), name="watch", daemon=True)
        thread.start()
        try:
            yield
        finally:
            replicas.stopping.set()
            thread.join()

    def _run(self, replicas: Replicas) -> None:
        try:
            self._watch(replicas)
        except Exception as error:  # the replicas keep serving; only the watching ends
            self.console.say(f"--watch stopped: {type(error).__name__}: {error}")

    def _watch(self, replicas: Replicas) -> None:
        while not replicas.stopping.is_set() and not replicas.all_ready():
            replicas.stopping.wait(POLL_SECONDS)
        self.console.say("watching the project's files: a saved change restarts every replica")
        while not replicas.stopping.wait(POLL_SECONDS):
            current = snapshot(self.project.root, self._rules())
            if current == self._seen:
                continue
            current = self._settled(current, replicas.stopping)
            changes = compare(self._seen, current)
            self._seen = current
            if changes and not replicas.stopping.is_set():
                self._roll_out(changes, replicas)

    def _settled(self, current: Snapshot, stopping: threading.Event) -> Snapshot:
        deadline = time.monotonic() + _LONGEST_SETTLE
        while not stopping.wait(QUIET_SECONDS) and time.monotonic() < deadline:
            later = snapshot(self.project.root, self._rules())
            if later == current:
                break
            current = later
        return current

    def _roll_out(self, changes: Changes, replicas: Replicas) -> None:
        saved = time.strftime("%H:%M:%S", time.localtime(changes.saved))
        self.console.say(f"changed at {saved}: {changes.describe()}")
        for migration in changes.migrations():
            self.console.say(
                f"new migration {migration}: not applied; run "
                "`berth run -- python manage.py migrate`"
            )
        self._builds += 1
        image = replicas.image.parent / f"image-{self._builds}"
        started = time.perf_counter()
        try:
            build_image(self.project, image, replicas.environment)
            check_imports(image, replicas.wsgi_application, replicas.environment)
        except UpError as error:
            remove_tree(image)
            self.console.say(
                f"not rolled out: {error}; the replicas keep serving the previous code "
                "until the next save"
            )
            return

        def served(name: str, since: float) -> None:
            self.console.say(
                f"{name} serves the change of {saved} ({since - changes.saved:.1f} s after the save)"
            )

        previous = replicas.replace_image(image)
        built = time.perf_counter() - started
        if replicas.restart_all(f"changed at {saved}; image rebuilt in {built:.1f} s", served):
            # Every replica now copies the new image; a berth run started before may still
            # copy the previous one, and has had the whole restart to do so.
            remove_tree(previous)


def check_imports(image: Path, wsgi_application: str, environment: Mapping[str, str]) -> None:
    """Import the WSGI application and the URLconf in ``image``; UpError in one line if they fail.

    A replica's ``/readyz`` answers before the URLconf is imported (Django loads it at the
    first request), so a broken view would pass readiness and answer 500s.
    """
    try:
        result = run_in_image(
            image,
            {**environment, "PYTHONDONTWRITEBYTECODE": "1"},
            [_IMPORT_CHECK, str(image), wsgi_application.partition(":")[0]],
            _CHECK_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        raise UpError(f"importing the new code took over {_CHECK_TIMEOUT} s") from None
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        raise UpError(
            lines[-1] if lines else f"importing the new code exited with {result.returncode}"
        )
