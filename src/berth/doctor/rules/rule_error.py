"""BD002: a rule failed on a file: a bug in berth doctor, reported instead of a crash.

**What breaks.** That rule did not check this file. The rest of the scan is unaffected.

**Fix.** Report it with the message (it names the rule and where it failed); meanwhile
``berth doctor --debug`` shows the traceback.
"""

from __future__ import annotations

from berth.doctor.findings import Severity
from berth.doctor.registry import Rule

rule = Rule(
    __name__,
    id="BD002",
    slug="rule-error",
    severity=Severity.WARNING,
    summary="a rule failed on this file",
    hint="please report it; --debug shows the traceback",
)
