"""Copy a code base into the real-world corpus, trimmed to the files the doctor reads.

    .venv/bin/python tests/doctor/realworld/trim.py SOURCE NAME --origin pypi:django-foo==1.2.3 \
        --license BSD-3-Clause [--kind app|project] [--held-out]

Kept: every file the doctor gives a kind (Python, Dockerfiles, Compose, nginx, shell,
templates), the files that tell how a project is built and tested (pyproject.toml, setup.cfg,
tox.ini, uWSGI .ini, Procfiles, YAML such as Kubernetes manifests, requirements, the Python
version) and the licence. Dropped: static assets, translations, images, hidden folders. The tree
is written beside its final name and renamed into it, so an interrupted copy leaves nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path

from berth.doctor.files import kind_of

HERE = Path(__file__).resolve().parent
_CONFIG_NAMES = frozenset(
    {"pyproject.toml", "setup.cfg", "tox.ini", ".python-version", "runtime.txt", "Procfile"}
)
_CONFIG_SUFFIXES = (".ini", ".yml", ".yaml")
_SKIPPED_FOLDERS = frozenset({"node_modules", "__pycache__", "static", "locale"})


def kept(name: str) -> bool:
    return (
        kind_of(name) is not None
        or name in _CONFIG_NAMES
        or name.endswith(_CONFIG_SUFFIXES)
        or name.startswith(("Procfile", "requirements", "LICENSE", "LICENCE", "COPYING"))
    )


def copy_tree(source: Path, target: Path) -> int:
    count = 0
    for folder, folders, files in os.walk(source):
        folders[:] = sorted(
            f
            for f in folders
            if not f.startswith(".") and f not in _SKIPPED_FOLDERS and not f.endswith(".egg-info")
        )
        for name in files:
            if not kept(name):
                continue
            origin = Path(folder, name)
            destination = target / origin.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(origin, destination)
            count += 1
    return count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path)
    parser.add_argument("name")
    parser.add_argument("--origin", required=True)
    parser.add_argument("--license", required=True)
    parser.add_argument("--kind", choices=("app", "project"), default="app")
    parser.add_argument("--held-out", action="store_true")
    arguments = parser.parse_args(argv)
    folder = HERE / arguments.name
    if folder.exists():
        print(f"{folder}: already in the corpus", file=sys.stderr)
        return 1
    partial = HERE / f".{arguments.name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    count = copy_tree(arguments.source, partial / "tree")
    meta = {
        "origin": arguments.origin,
        "license": arguments.license,
        "kind": arguments.kind,
        "held_out": arguments.held_out,
    }
    (partial / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    for name in ("verdicts.json", "missed.json"):
        (partial / name).write_text("[]\n")
    partial.rename(folder)
    print(f"{folder.name}: {count} files")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
