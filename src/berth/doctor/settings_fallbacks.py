"""Which settings assignments production does not run: the branch of an ``if`` on the
environment taken when a variable is missing, and settings only an unset option turns on.

Assignments are the facts of :func:`berth.doctor.project_settings.extract`; these are marked
FALLBACK, which the doctor's production views skip and ``berth env``'s view of a loaded module
keeps (a laptop runs the fallback).
"""

from __future__ import annotations

import ast
import re
from typing import Any

from berth.doctor.python import PythonFile

__all__ = ["FALLBACK", "mark_fallbacks"]

FALLBACK = "fallback"
"""The fifth element of an assignment made only when the environment lacks a variable or an
option is unset: what production does not run, though a process on a laptop may."""

# What reads the environment: os.environ, os.getenv, django-environ's env(...), decouple's
# config(...), dj-database-url.
_ENVIRONMENT = re.compile(r"environ|getenv|\benv\b|\bconfig\(|dj_database_url")


def mark_fallbacks(
    node: ast.If, assignments: list[list[Any]], first: int, middle: int, file: PythonFile
) -> None:
    """Mark (as FALLBACK, their fifth element) the assignments ``node`` made that production
    does not run: ``assignments[first:middle]`` came from its body, the rest from its else.

    In ``if "DATABASE_URL" in os.environ: ... else: <SQLite>``, the branch taken when the
    environment lacks the variable is a fallback: its assignments of names the other branch
    sets too. In ``if OPTION is not None:`` with no else, where the module leaves OPTION unset
    unless configured (netbox: file sessions only with SESSION_FILE_PATH), the body is opt-in.
    """
    if middle == len(assignments) and _opt_in(node.test, file):
        for assignment in assignments[first:middle]:
            if assignment[0] != "*":
                assignment[4] = FALLBACK
        return
    test = node.test
    negated = isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not)
    if negated:
        test = test.operand  # type: ignore[attr-defined]
    if not _reads_environment(test, file):
        return
    body, orelse = assignments[first:middle], assignments[middle:]
    fallback, chosen = (body, orelse) if negated else (orelse, body)
    if not orelse and negated:
        # `if not os.environ.get(<the URL's name>): DATABASES = <SQLite>` over an earlier value
        chosen = assignments[:first]
    names = {a[0] for a in chosen if a[0] != "*"}
    for assignment in fallback:
        if assignment[0] != "*" and assignment[0] in names:
            assignment[4] = FALLBACK


def _opt_in(test: ast.expr, file: PythonFile) -> bool:
    """``if NAME is not None:`` (or ``if NAME:``) where the module sets NAME to an option that
    is None unless configured: ``getattr(configuration, "NAME", None)``,
    ``os.environ.get("NAME")``, ``None``."""
    if (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.IsNot)
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value is None
    ):
        test = test.left
    if not isinstance(test, ast.Name):
        return False
    for statement in file.tree.body:
        if isinstance(statement, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == test.id for t in statement.targets
        ):
            return _unset_by_default(statement.value, file)
    return False


def _unset_by_default(value: ast.expr, file: PythonFile) -> bool:
    if isinstance(value, ast.Constant):
        return value.value is None
    if not isinstance(value, ast.Call):
        return False
    name = file.qualname(value.func)
    if name == "getattr":
        return len(value.args) == 3 and _none(value.args[2])
    if name in ("os.environ.get", "os.getenv"):
        return len(value.args) == 1 or (len(value.args) == 2 and _none(value.args[1]))
    return False


def _none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _reads_environment(test: ast.expr, file: PythonFile) -> bool:
    text = ast.unparse(test)
    if _ENVIRONMENT.search(text):
        return True
    # IS_HEROKU_APP = "DYNO" in os.environ ... ; if IS_HEROKU_APP:
    names = {n.id for n in ast.walk(test) if isinstance(n, ast.Name)}
    for statement in file.tree.body:
        if (
            isinstance(statement, ast.Assign)
            and any(isinstance(t, ast.Name) and t.id in names for t in statement.targets)
            and _ENVIRONMENT.search(ast.unparse(statement.value))
        ):
            return True
    return False
