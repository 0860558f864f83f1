"""Reach a running ``berth up``: its replicas' environment, one replica's own tree, a one-off tree.

``berth shell local`` and friends run with the replicas' variables (its PostgreSQL, its bucket,
its SECRET_KEY), never on the embedded SQLite; ``--replica web-2`` runs inside that replica's
tree with its private TMPDIR and HOME, as ``docker exec`` enters a running container; ``berth
run`` gets a fresh copy of the image that is deleted afterwards, as ``docker compose run --rm``
starts a new container.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from berth.config.variables import VARIABLES
from berth.errors import BerthError
from berth.services.processes import write_secret
from berth.up.datadir import DataDir
from berth.up.tree import PrivateTree, private_tree, remove_tree

__all__ = [
    "Attachment",
    "NotRunning",
    "attach",
    "forget_replica_environment",
    "one_off",
    "replicas_command",
    "write_replica_environment",
]

_ENVIRONMENT_FILE = "replicas.json"
# What a replica reads that berth up decides: berth's variables, and the settings module.
_PASSED = frozenset({variable.name for variable in VARIABLES} | {"DJANGO_SETTINGS_MODULE"})


class NotRunning(BerthError):
    """Nothing to attach to: no berth up runs in this project."""


@dataclass(frozen=True)
class Attachment:
    """Where and with what a command runs: the variables added to this process's own, the folder."""

    variables: dict[str, str]
    cwd: Path


def replicas_command(words: list[str]) -> list[str]:
    """``words`` as a replica would run them: ``python`` is the replicas' interpreter.

    As in a container: the ``python`` on PATH may be another one, without the project's
    packages (berth called as .venv/bin/berth, the README's alternative to activating).
    """
    if words and words[0] in ("python", "python3"):
        return [sys.executable, *words[1:]]
    return list(words)


def write_replica_environment(data_dir: DataDir, environment: Mapping[str, str]) -> None:
    """Keep the replicas' variables for other commands (0600: they hold the services' passwords)."""
    passed = {name: value for name, value in environment.items() if name in _PASSED}
    write_secret(data_dir.path / _ENVIRONMENT_FILE, json.dumps(passed, indent=2))


def forget_replica_environment(data_dir: DataDir) -> None:
    with contextlib.suppress(FileNotFoundError):
        (data_dir.path / _ENVIRONMENT_FILE).unlink()


def attach(root: Path, replica: str | None = None) -> Attachment:
    """The running berth up's replicas' variables, in the project's folder or ``replica``'s tree."""
    state, variables = _running(root)
    if replica is None:
        return Attachment(variables, root)
    listed = state.get("replicas")
    replicas = [r for r in listed if isinstance(r, dict)] if isinstance(listed, list) else []
    for entry in replicas:
        if entry.get("name") == replica:
            tree = PrivateTree(Path(str(entry["tree"])).parent)
            private = tree.variables(replica, os.environ.get("PYTHONPATH"))
            return Attachment({**variables, **private}, tree.app)
    names = ", ".join(str(entry.get("name")) for entry in replicas)
    raise NotRunning(
        f"berth up in {root} runs no replica {replica!r} (it runs {names or 'none yet'})"
    )


@contextlib.contextmanager
def one_off(root: Path) -> Iterator[Attachment]:
    """A fresh copy of the running berth up's image, with the replicas' variables; deleted after."""
    state, variables = _running(root)
    image = Path(str(state.get("image", "")))
    if not image.is_dir():
        raise NotRunning(f"berth up in {root} has no image to copy yet: wait until it is ready")
    tree = private_tree(image, image.parent, "run")
    try:
        private = tree.variables(f"run-{os.getpid()}", os.environ.get("PYTHONPATH"))
        yield Attachment({**variables, **private}, tree.app)
    finally:
        remove_tree(tree.folder)


def _running(root: Path) -> tuple[dict[str, object], dict[str, str]]:
    data_dir = DataDir(root)
    state = data_dir.running_state()
    if state is None:
        raise NotRunning(
            f"no berth up is running in {root}: start one (`berth up`), then run this again; "
            "without it there is nothing but the embedded SQLite database to reach"
        )
    try:
        loaded = json.loads((data_dir.path / _ENVIRONMENT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise NotRunning(f"berth up in {root} is still starting its services: try again") from None
    return state, {str(key): str(value) for key, value in loaded.items()}
