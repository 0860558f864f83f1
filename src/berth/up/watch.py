"""``berth up --watch``: a saved change to the project rebuilds the image and replaces the replicas.

The project's files are polled (no dependency, and a few hundred files stat in milliseconds);
what the image leaves out is not watched. Once the tree has been quiet for a moment (an
editor's save writes several files), a new image is made from the one the replicas serve and
the changed files; one Python process imports its code and collects its static files if their
sources changed; then every replica is restarted from it at once, each old one serving until
its successor does. Code that does not import is never rolled out: the replicas keep serving
the previous code and the next save tries again. Migrations are named, never run.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol

from berth.project import DjangoProject
from berth.scaffold.dockerignore import IgnoreRules
from berth.up.console import Console
from berth.up.errors import UpError
from berth.up.image import image_rules, prepare_image, update_image
from berth.up.tree import copy_tree, ignorer, remove_tree

__all__ = ["Changes", "Watcher", "compare", "snapshot"]

POLL_SECONDS = 0.5
QUIET_SECONDS = 0.3
"""A change is rolled out once the tree stayed unchanged this long."""
_LONGEST_SETTLE = 3.0
"""A tree that keeps changing (a checkout) is rolled out after this long anyway."""
# Editors' swap, backup and lock files: written beside a file at every save, never code.
EDITOR_FILES = ("**/*.sw[px]", "**/*~", "**/.#*", "**/4913")

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

    def restart_all(
        self, reason: str, served: ServedCallback, image: Path, approved: Future[bool]
    ) -> bool: ...


class ServedCallback(Protocol):
    def __call__(self, name: str, since: float) -> None: ...


class Watcher:
    """Made before the image is built (a save during start-up is not missed), then :meth:`watching`."""

    def __init__(self, project: DjangoProject, console: Console) -> None:
        self.project = project
        self.console = console
        self._seen = snapshot(project.root, self._rules())
        self._builds = 0
        self._unserved: set[str] = set()
        """Paths changed since the image the replicas serve was made."""
        self._static_key = ""

    def _rules(self) -> IgnoreRules:
        # Read at every poll: an edit of .dockerignore changes what the image holds.
        return IgnoreRules.for_project(self.project.root, defaults=(*image_rules(), *EDITOR_FILES))

    @contextmanager
    def watching(self, replicas: Replicas, static_key: str) -> Iterator[None]:
        """Watch while in the block; ``static_key``: the replicas' image's (:class:`Image`)."""
        self._static_key = static_key
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
        # Since the image the replicas serve: a change that was not rolled out counts too.
        self._unserved.update(changes.added, changes.modified, changes.removed)
        self._builds += 1
        image = replicas.image.parent / f"image-{self._builds}"
        started = time.perf_counter()
        root = self.project.root
        try:
            if ".dockerignore" in self._unserved:  # what the image holds changed: all of it anew
                copy_tree(root, image, IgnoreRules.for_project(root, defaults=image_rules()))
                collected = ""
            else:
                update_image(root, replicas.image, image, self._unserved)
                collected = self._static_key
        except UpError as error:
            self._not_rolled_out(error)
            return
        copied = time.perf_counter() - started

        def served(name: str, since: float) -> None:
            self.console.say(
                f"{name} serves the change of {saved} ({since - changes.saved:.1f} s after the save)"
            )

        # The new replicas boot while the code is imported here; they serve only if it imports.
        approved: Future[bool] = Future()
        with ThreadPoolExecutor(1, thread_name_prefix="rollout") as rollout:
            restarted = rollout.submit(
                replicas.restart_all,
                f"changed at {saved}; new image in {copied:.1f} s, its code imported meanwhile",
                served,
                image,
                approved,
            )
            try:
                static_key = prepare_image(
                    image,
                    replicas.environment,
                    collected,
                    replicas.wsgi_application.partition(":")[0],
                    replicas.stopping,
                )
            except UpError as error:
                approved.set_result(False)
                if not replicas.stopping.is_set():  # else killed: berth up stops
                    self._not_rolled_out(error)
                restarted.result()
                remove_tree(image)
                return
            except BaseException:  # unexpected: the new replicas must not wait for ever
                approved.set_result(False)
                raise
            # Static files collected now were not in the new replicas' copies: refused, and
            # started again below.
            unchanged = static_key == collected
            self._unserved.clear()
            self._static_key = static_key
            previous = replicas.replace_image(image) if unchanged else replicas.image
            self.console.say(
                f"the new code imports (checked in {time.perf_counter() - started:.1f} s)"
                + ("" if unchanged else "; static files collected: the replicas start again")
            )
            approved.set_result(unchanged)
            done = restarted.result()
        if not unchanged:
            replicas.replace_image(image)
            approved = Future()
            approved.set_result(True)
            done = replicas.restart_all(
                f"changed at {saved}; static files collected", served, image, approved
            )
        if done:
            # Every replica now copies the new image; a berth run started before may still
            # copy the previous one, and has had the whole restart to do so.
            remove_tree(previous)

    def _not_rolled_out(self, error: UpError) -> None:
        self.console.say(
            f"not rolled out: {error}; the replicas keep serving the previous code "
            "until the next save"
        )
