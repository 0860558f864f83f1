"""The "image" every replica starts from: one copy of the project with its static files collected.

A container image is built once, ``collectstatic`` included (with ``BERTH_BUILD`` on, as the
generated Dockerfile runs it); replicas then start from copies of it. Without that step,
whitenoise's manifest storage has no entry for ``{% static %}`` and every page fails once
DEBUG is off.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from berth.project import DjangoProject
from berth.scaffold.dockerignore import DATA_EXCLUDES, IgnoreRules
from berth.up.errors import UpError
from berth.up.tree import TOOL_EXCLUDES, copy_tree, remove_tree

__all__ = ["Image", "build_image", "image_rules", "prepare_image", "run_in_image", "update_image"]

# Run in the image, by the project's own Python, Django loaded once: when a WSGI module is
# named, what a replica imports before it can answer a request (the WSGI application, the
# URLconf and so the views); then collectstatic, only where the project has the staticfiles
# app (manage.py would fail with "Unknown command" otherwise) and its sources changed since
# ``collected``. Prints the sources' key after a marker (the project may print too); on
# failure one line, "where: error", and exit 1.
_PREPARE = """
import hashlib, importlib, inspect, os, sys, traceback
import django
image, collected, wsgi_module, marker = sys.argv[1:5]

def static_key():
    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders
    from django.contrib.staticfiles.storage import staticfiles_storage
    finders = list(get_finders())
    lines = [repr((settings.STATIC_URL, settings.STATIC_ROOT, settings.STORAGES.get("staticfiles")))]
    try:
        sources = [(f"{getattr(s, 'prefix', None) or ''}/{p}", s.path(p)) for f in finders for p, s in f.list([])]
    except NotImplementedError:  # a finder's storage with no files on disk: collected every time
        return os.urandom(16).hex()
    # The project's own storage or finder classes: their code decides the output too.
    for code in (type(staticfiles_storage), *map(type, finders)):
        sources.append((code.__qualname__, inspect.getfile(code)))
    for name, path in sources:
        stat = os.stat(path)
        lines.append(f"{name} {os.path.relpath(path, image)} {stat.st_mtime_ns} {stat.st_size}")
    # Each image is a folder of its own: the key must not change with it.
    return hashlib.sha256("\\n".join(sorted(lines)).replace(image, "").encode()).hexdigest()

try:
    django.setup()
    if wsgi_module:
        importlib.import_module(wsgi_module)
        from django.urls import get_resolver
        get_resolver().url_patterns
    from django.apps import apps
    key = ""
    if apps.is_installed("django.contrib.staticfiles"):
        key = static_key()
        if key != collected:
            from django.core.management import call_command
            call_command("collectstatic", interactive=False, verbosity=0)
    print(f"{marker}{key}")
except Exception as error:
    if isinstance(error, SyntaxError) and error.filename:
        where = f"{error.filename}, line {error.lineno}"
        error = f"SyntaxError: {error.msg}"
    else:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith(image)]
        where = f"{frames[-1].filename}, line {frames[-1].lineno}" if frames else wsgi_module or image
        error = f"{type(error).__name__}: {str(error).rstrip('.')}"
    print(f"{where.removeprefix(image + '/')}: {error}", file=sys.stderr)
    sys.exit(1)
"""
_KEY_MARKER = "berth static key: "
_POLL = 0.2
_BUILD_TIMEOUT = 300


@dataclass(frozen=True)
class Image:
    copy_seconds: float
    written: list[str]
    """Files the build wrote under ``data/`` (berth's embedded media and database), relative
    to the tree: code that writes through storage at import time."""
    static_key: str
    """What the collected static files were made from (see :func:`prepare_image`)."""


def build_image(project: DjangoProject, destination: Path, environment: Mapping[str, str]) -> Image:
    """Copy ``project`` to ``destination`` and collect its static files there.

    The copy leaves out what ``docker build`` would (the project's ``.dockerignore``), and
    always berth's data, ``data/``, dumps, SQLite databases and ``.env`` files, which berth
    init's ``.dockerignore`` leaves out too: a replica never holds production data or secrets.
    """
    rules = IgnoreRules.for_project(project.root, defaults=image_rules())
    copy_seconds = copy_tree(project.root, destination, rules)
    before = _files(destination / "data")
    env = {"DJANGO_SETTINGS_MODULE": project.settings_module, **environment}
    try:
        static_key = prepare_image(destination, env)
    except UpError as error:
        raise UpError(f"collectstatic failed: {error}") from None
    written = sorted(
        str(path.relative_to(destination)) for path in _files(destination / "data") - before
    )
    return Image(copy_seconds, written, static_key)


def image_rules() -> tuple[str, ...]:
    """What every image leaves out besides the project's ``.dockerignore``."""
    return (*TOOL_EXCLUDES, *DATA_EXCLUDES)


def update_image(root: Path, previous: Path, destination: Path, paths: Iterable[str]) -> float:
    """Copy the image ``previous`` to ``destination``, then each of ``paths`` (relative to the
    project ``root``) as ``root`` now has it, deleted where it has gone; return the seconds.

    What did not change, the collected static files included, is kept rather than redone.
    """
    started = time.perf_counter()
    copy_tree(previous, destination)
    try:
        for path in sorted(paths):  # "a" before "a/b": a file replaced by a folder is gone first
            source, target = root / path, destination / path
            if target.is_symlink() or target.is_file():
                target.unlink()
            if source.is_symlink() or source.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target, follow_symlinks=False)
    except OSError as error:
        remove_tree(destination)
        raise UpError(f"cannot copy {root} to {destination}: {error.strerror or error}") from None
    return time.perf_counter() - started


def prepare_image(
    image: Path,
    environment: Mapping[str, str],
    collected: str = "",
    wsgi_module: str = "",
    stopping: threading.Event | None = None,
) -> str:
    """In ``image``: load Django, import ``wsgi_module`` and the URLconf when one is named,
    run collectstatic unless the static sources' key is still ``collected``; return the key.

    A replica's ``/readyz`` answers before the URLconf is imported (Django loads it at the
    first request), so a broken view would pass readiness and answer 500s. UpError in one
    line, "where: error", when anything fails.
    """
    try:
        result = run_in_image(
            image,
            environment,
            [_PREPARE, str(image), collected, wsgi_module, _KEY_MARKER],
            _BUILD_TIMEOUT,
            stopping,
        )
    except subprocess.TimeoutExpired:
        raise UpError(f"loading the project did not finish within {_BUILD_TIMEOUT} s") from None
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        raise UpError(
            lines[-1] if lines else f"loading the project exited with {result.returncode}"
        )
    keys = [line for line in result.stdout.splitlines() if line.startswith(_KEY_MARKER)]
    return keys[-1].removeprefix(_KEY_MARKER) if keys else ""


def _files(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()} if folder.is_dir() else set()


def run_in_image(
    image: Path,
    environment: Mapping[str, str],
    code_and_args: list[str],
    timeout: float,
    stopping: threading.Event | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -c CODE ARGS…`` in ``image``, as its build runs (``BERTH_BUILD``: no secret
    needed, nothing created), its output captured; TimeoutExpired past ``timeout``.

    With ``stopping`` (a running berth up's), it runs in a session of its own, as every
    replica does, and is killed once ``stopping`` is set. Linux's autogroup scheduling shares
    the CPU between sessions first: in berth up's, with whatever else runs there, it took
    twice as long under load. Without it, a Ctrl-C at the terminal reaches it too.
    """
    # No bytecode in the image: its copies leave it out anyway.
    env = {**environment, "BERTH_BUILD": "on", "PYTHONDONTWRITEBYTECODE": "1"}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(image), *filter(None, [environment.get("PYTHONPATH")])]
    )
    command = [sys.executable, "-c", *code_and_args]
    with subprocess.Popen(
        command,
        cwd=image,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
        start_new_session=stopping is not None,
    ) as process:
        deadline = time.monotonic() + timeout
        while True:
            try:
                # Asked again after a timeout, communicate loses none of the output.
                stdout, stderr = process.communicate(timeout=_POLL if stopping else timeout)
                break
            except subprocess.TimeoutExpired:
                if time.monotonic() >= deadline:
                    process.kill()
                    process.communicate()
                    raise
                if stopping is not None and stopping.is_set():
                    process.kill()
                    stdout, stderr = process.communicate()
                    break
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
