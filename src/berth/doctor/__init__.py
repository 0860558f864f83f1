"""berth doctor: a static scan for code and configuration that break in disposable, replicated containers.

Nothing of the project is imported or run: Python is read with ``ast``; Dockerfiles, Compose
files, nginx configuration, entrypoint scripts and templates with small parsers of their own.
Each rule is one module of :mod:`berth.doctor.rules`; :func:`scan` runs them (see docs/doctor.md).
"""

from __future__ import annotations

from berth.doctor.engine import Options, Report, scan
from berth.doctor.findings import Edit, Finding, Severity, Span
from berth.doctor.registry import RULES, Rule, load_rules

__all__ = [
    "RULES",
    "Edit",
    "Finding",
    "Options",
    "Report",
    "Rule",
    "Severity",
    "Span",
    "load_rules",
    "scan",
]
