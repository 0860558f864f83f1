"""One JSON document: every finding with its rule, place, severity, message, hint and fix."""

from __future__ import annotations

import json

from berth.doctor.engine import Report
from berth.doctor.registry import Rule

__all__ = ["render"]


def render(report: Report, rules: dict[str, Rule], colour: bool) -> str:
    findings = []
    for finding in report.findings:
        rule = rules.get(finding.rule)
        findings.append(
            {
                "rule": finding.rule,
                "slug": rule.slug if rule else None,
                "severity": str(finding.severity),
                "path": finding.path,
                "line": finding.span.line,
                "column": finding.span.column,
                "end_line": finding.span.end_line,
                "end_column": finding.span.end_column,
                "message": finding.message,
                "hint": rule.hint if rule else None,
                "fixable": bool(finding.edits),
            }
        )
    document = {
        "files": report.files,
        "seconds": round(report.seconds, 3),
        "findings": findings,
    }
    return json.dumps(document, indent=2)
