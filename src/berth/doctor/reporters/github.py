"""GitHub Actions workflow commands: one ``::error file=…,line=…::message`` per finding.

GitHub turns them into annotations on the pull request's diff. Data and properties are
escaped as the runner expects (``%``, CR, LF; and ``:``/``,`` in properties).
"""

from __future__ import annotations

from berth.doctor.engine import Report
from berth.doctor.findings import Severity
from berth.doctor.registry import Rule

__all__ = ["render"]

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report, rules: dict[str, Rule], colour: bool) -> str:
    lines = []
    for finding in report.findings:
        rule = rules.get(finding.rule)
        span = finding.span
        title = f"{finding.rule} {rule.slug}" if rule else finding.rule
        properties = ",".join(
            [
                f"file={_property(finding.path)}",
                f"line={span.line}",
                f"col={span.column}",
                f"endLine={span.end_line}",
                f"endColumn={span.end_column}",
                f"title={_property(title)}",
            ]
        )
        message = finding.message + (f"\nfix: {rule.hint}" if rule else "")
        lines.append(f"::{_LEVEL[finding.severity]} {properties}::{_data(message)}")
    return "\n".join(lines)
