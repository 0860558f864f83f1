"""``berth init``: the files that run a Django project as replicated containers.

``detect`` reads what the project needs, ``render`` turns it into file contents, ``writer``
decides per file whether writing is safe (berth's own, unedited) and shows the difference.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from berth.scaffold.detect import ScaffoldError, Stack, detect_stack
    from berth.scaffold.render import render_files
    from berth.scaffold.writer import Action, Change, apply_changes, plan_changes

__all__ = [
    "Action",
    "Change",
    "ScaffoldError",
    "Stack",
    "apply_changes",
    "detect_stack",
    "plan_changes",
    "render_files",
]

# Loaded on first use: berth up and every transfer from `local` import this package's
# dockerignore matcher, and must not pay for render's Django template engine (0.1-0.2 s).
_MODULES = {
    "Action": "writer",
    "Change": "writer",
    "ScaffoldError": "detect",
    "Stack": "detect",
    "apply_changes": "writer",
    "detect_stack": "detect",
    "plan_changes": "writer",
    "render_files": "render",
}


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULES[name]}"), name)
