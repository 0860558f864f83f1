"""The "image" every replica starts from: one copy of the project with its static files collected.

A container image is built once, ``collectstatic`` included (with ``BERTH_BUILD`` on, as the
generated Dockerfile runs it); replicas then start from copies of it. Without that step,
whitenoise's manifest storage has no entry for ``{% static %}`` and every page fails once
DEBUG is off.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from berth.project import DjangoProject
from berth.scaffold.dockerignore import DATA_EXCLUDES, IgnoreRules
from berth.up.errors import UpError
from berth.up.tree import TOOL_EXCLUDES, copy_tree

__all__ = ["Image", "build_image", "run_in_image"]

# Run in the image, by the project's own Python: collectstatic only where the project has
# the staticfiles app (manage.py would fail with "Unknown command" otherwise).
_COLLECTSTATIC = """
import django
from django.apps import apps
from django.core.management import call_command

django.setup()
if apps.is_installed("django.contrib.staticfiles"):
    call_command("collectstatic", interactive=False, verbosity=0)
"""
_BUILD_TIMEOUT = 300


@dataclass(frozen=True)
class Image:
    copy_seconds: float
    written: list[str]
    """Files the build wrote under ``data/`` (berth's embedded media and database), relative
    to the tree: code that writes through storage at import time."""


def build_image(project: DjangoProject, destination: Path, environment: Mapping[str, str]) -> Image:
    """Copy ``project`` to ``destination`` and collect its static files there.

    The copy leaves out what ``docker build`` would (the project's ``.dockerignore``), and
    always berth's data, ``data/``, dumps, SQLite databases and ``.env`` files, which berth
    init's ``.dockerignore`` leaves out too: a replica never holds production data or secrets.
    """
    rules = IgnoreRules.for_project(project.root, defaults=(*TOOL_EXCLUDES, *DATA_EXCLUDES))
    copy_seconds = copy_tree(project.root, destination, rules)
    before = _files(destination / "data")
    env = {"DJANGO_SETTINGS_MODULE": project.settings_module, **environment}
    try:
        result = run_in_image(destination, env, [_COLLECTSTATIC], _BUILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        raise UpError(f"collectstatic did not finish within {_BUILD_TIMEOUT} s") from None
    if result.returncode != 0:
        lines = [line for line in (result.stderr or result.stdout).splitlines() if line.strip()]
        raise UpError(f"collectstatic failed: {' | '.join(lines[-3:])}")
    written = sorted(
        str(path.relative_to(destination)) for path in _files(destination / "data") - before
    )
    return Image(copy_seconds, written)


def _files(folder: Path) -> set[Path]:
    return {path for path in folder.rglob("*") if path.is_file()} if folder.is_dir() else set()


def run_in_image(
    image: Path, environment: Mapping[str, str], code_and_args: list[str], timeout: float
) -> subprocess.CompletedProcess[str]:
    """``python -c CODE ARGS…`` in ``image``, as its build runs (``BERTH_BUILD``: no secret
    needed, nothing created), its output captured; TimeoutExpired past ``timeout``."""
    env = {**environment, "BERTH_BUILD": "on"}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(image), *filter(None, [environment.get("PYTHONPATH")])]
    )
    return subprocess.run(
        [sys.executable, "-c", *code_and_args],
        cwd=image,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        errors="replace",
        timeout=timeout,
        check=False,
    )
