"""BD001: a file the doctor could not read: not valid Python, YAML or UTF-8.

**What breaks.** Nothing in the file was checked, so a problem in it would go unreported. A
syntax error in Python source also fails at import, in every replica.

**Fix.** Correct the file, or exclude it (``exclude`` in ``[tool.berth.doctor]``) if it is
a template that is not meant to be valid as it stands.
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
