"""``berth init``: the files that run a Django project as replicated containers.

``detect`` reads what the project needs, ``render`` turns it into file contents, ``writer``
decides per file whether writing is safe (berth's own, unedited) and shows the difference.
"""

from __future__ import annotations

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
