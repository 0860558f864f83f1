"""Findings for people: grouped by file, with line, column, id, severity, message and fix."""

from __future__ import annotations

from itertools import groupby

import click

from berth.doctor.engine import Report
from berth.doctor.findings import Severity
from berth.doctor.registry import Rule

__all__ = ["render", "summary"]

_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render(report: Report, rules: dict[str, Rule], colour: bool) -> str:
    lines: list[str] = []

    def style(text: str, **options: object) -> str:
        return click.style(text, **options) if colour else text  # type: ignore[arg-type]

    for path, group in groupby(report.findings, key=lambda f: f.path):
        lines.append(style(path, bold=True))
        for finding in group:
            rule = rules.get(finding.rule)
            where = f"{finding.line}:{finding.column}"
            severity = style(str(finding.severity), fg=_COLOURS[finding.severity])
            slug = f" [{rule.slug}]" if rule else ""
            fixable = " (fixable with --fix)" if finding.edits else ""
            lines.append(f"  {where:>8}  {finding.rule} {severity}  {finding.message}{slug}")
            if rule:
                lines.append(f"  {'':>8}  {style('fix:', dim=True)} {rule.hint}{fixable}")
        lines.append("")
    lines.append(summary(report))
    return "\n".join(lines)


def summary(report: Report) -> str:
    counts = dict.fromkeys(Severity, 0)
    for finding in report.findings:
        counts[finding.severity] += 1
    found = ", ".join(
        f"{n} {severity}{'s' if n != 1 else ''}"
        for severity, n in sorted(counts.items(), reverse=True)
        if n
    )
    files = len({f.path for f in report.findings})
    head = f"{found} in {files} file{'s' if files != 1 else ''}" if found else "no problems found"
    return f"berth doctor: {head} ({report.files} files checked in {report.seconds:.2f} s)"
