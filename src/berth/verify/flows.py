"""Flows: what a user writes to tell berth verify how state is made and read back."""

from __future__ import annotations

import importlib.util
import inspect
import sys
from pathlib import Path
from typing import Any

from berth.errors import BerthError
from berth.verify.client import ReplicaClient

__all__ = ["Flow", "Lost", "Skipped", "load_flows"]


class Lost(AssertionError):
    """Raised by :meth:`Flow.read` when what was written is not there; its message says what."""


class Skipped(Exception):  # noqa: N818 -- raised to skip, as unittest.SkipTest is
    """Raised by :meth:`Flow.write` when the project lacks what the flow needs; its message
    says what."""


class Flow:
    """One piece of state: written through one replica, read back through the others.

    Subclass it in a flows file; berth verify runs ``write`` on the first replica, then
    ``read`` on every replica, then again on every replica after all of them restarted with
    fresh trees. A plain ``assert`` in ``read`` counts as lost state too.
    """

    name: str = ""
    """Shown in the report; defaults to the class name."""
    likely_cause: str = ""
    """What usually loses this state, shown when it is lost."""
    doctor_rules: tuple[str, ...] = ()
    """The ``berth doctor`` rules whose findings can explain a loss (ids such as ``BD202``);
    empty: every rule that can lose state."""
    warns_only: bool = False
    """A loss is a warning, not lost state: the run still passes. For what may forget by
    design, such as a cache, which replicas need not share (though what is kept there does)."""

    def write(self, client: ReplicaClient) -> Any:
        """Make the state; return whatever ``read`` needs to find it."""
        raise NotImplementedError

    def read(self, client: ReplicaClient, state: Any) -> None:
        """Raise :class:`Lost` (or fail an ``assert``) if the state is not there."""
        raise NotImplementedError

    def cleanup(self, client: ReplicaClient) -> None:
        """Undo what ``write`` made, also when it failed half-way; run once, after every read."""

    @property
    def title(self) -> str:
        return self.name or type(self).__name__


class FlowsFileError(BerthError):
    """The flows file is missing, does not load, or defines no flow."""


def load_flows(path: Path) -> list[Flow]:
    """Instantiate every Flow subclass defined in ``path``, in the order they are defined."""
    if not path.is_file():
        raise FlowsFileError(
            f"no flows file at {path}: write one (see docs/verify.md) or pass --flows"
        )
    name = f"berth_flows_{abs(hash(path))}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise FlowsFileError(f"{path} is not a Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as error:
        raise FlowsFileError(f"{path} failed to load: {type(error).__name__}: {error}") from error
    classes = [
        value
        for value in vars(module).values()
        if inspect.isclass(value)
        and issubclass(value, Flow)
        and value is not Flow
        and value.__module__ == name
        and not inspect.isabstract(value)
    ]
    if not classes:
        raise FlowsFileError(f"{path} defines no subclass of berth.verify.Flow")
    classes.sort(key=lambda cls: inspect.getsourcelines(cls)[1])
    return [cls() for cls in classes]
