"""SARIF 2.1.0, the format code-scanning UIs (GitHub, GitLab, Azure DevOps) read.

Every rule is described in ``tool.driver.rules`` (id, slug as name, summary, fix as help,
link to its docs entry, default level); results point at files relative to ``%SRCROOT%``, the
folder scanned. tests/doctor validate the output against the official schema.
"""

from __future__ import annotations

import json
from typing import Any

from berth import __version__
from berth.doctor.engine import Report
from berth.doctor.findings import Severity
from berth.doctor.registry import Rule

__all__ = ["render"]

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
# The rules' documentation, as a path in berth's repository (the project has no canonical
# URL to point helpUri at).
DOCS = "docs/doctor.md"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(report: Report, rules: dict[str, Rule], colour: bool) -> str:
    ordered = list(rules.values())
    index = {rule.id: position for position, rule in enumerate(ordered)}
    results: list[dict[str, Any]] = []
    for finding in report.findings:
        span = finding.span
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "level": _LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": finding.path, "uriBaseId": "%SRCROOT%"},
                        "region": {
                            "startLine": span.line,
                            "startColumn": span.column,
                            "endLine": span.end_line,
                            "endColumn": max(span.end_column, 1),
                        },
                    }
                }
            ],
        }
        if finding.rule in index:
            result["ruleIndex"] = index[finding.rule]
        results.append(result)
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "berth doctor",
                        "version": __version__,
                        "rules": [_describe(rule) for rule in ordered],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2)


def _describe(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "name": rule.slug,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.doc.split("\n\n", 1)[0].replace("\n", " ")},
        "help": {"text": rule.hint, "markdown": rule.doc},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"docs": f"{DOCS}#{rule.docs_anchor}"},
    }
