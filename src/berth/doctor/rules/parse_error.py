"""BD001: a file the doctor could not read: not valid Python, YAML or UTF-8.

**What breaks.** Nothing in the file was checked, so a problem in it would go unreported. A
syntax error in Python source also fails at import, in every replica.

**Fix.** Correct the file, or exclude it (``exclude`` in ``[tool.berth.doctor]``) if it is
a template that is not meant to be valid as it stands.

**Newer Python.** Whether Python source is valid is the project's Python's to say: the one
its production Dockerfile runs (``FROM python:3.13``), else ``.python-version``, else the
lower bound of ``requires-python``, else ``runtime.txt``. On Python 3.11, berth reads f-strings
that need 3.12 (PEP 701: quotes reused inside ``{}``) with those f-strings blanked, and checks
the rest of the file; they are reported only when the project's Python is older than 3.12. Other
syntax that berth's Python cannot read (``type X = ...``) in a project on a newer Python is
reported as *info*, saying the file was not checked and why, unless an interpreter of the
project's version on PATH finds a real error in it.
"""

from __future__ import annotations

from berth.doctor.findings import Severity
from berth.doctor.registry import Rule

rule = Rule(
    __name__,
    id="BD001",
    slug="parse-error",
    severity=Severity.WARNING,
    summary="the file could not be parsed, so it was not checked",
    hint="correct the file, or exclude it in [tool.berth.doctor] if it is a template",
)
