"""Print the findings of the real-world corpus that have no verdict yet, with their context.

    .venv/bin/python -m tests.doctor.realworld.judge [NAME ...]
    .venv/bin/python -m tests.doctor.realworld.judge --table

Each unjudged finding is shown with three lines either side and a verdicts.json row to
complete (verdict and reason, read at the line), so that judging a rule change is fast.
Recorded verdicts whose finding is gone are listed too: a true one lost is a regression.
``--table`` prints the precision and recall table of docs/doctor.md, held-out code bases last.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from tests.doctor.realworld.corpus import CodeBase, code_bases, key

CONTEXT = 3


def show(base: CodeBase) -> int:
    findings = base.findings()
    unjudged = [f for f in findings if key(f) not in base.verdicts]
    gone = set(base.verdicts) - {key(f) for f in findings}
    for finding in unjudged:
        text = (base.tree / finding.path).read_text(encoding="utf-8", errors="replace")
        lines = text.splitlines()
        print(f"== {base.name}: {finding.path}:{finding.line} {finding.rule} {finding.message}")
        start = max(finding.line - 1 - CONTEXT, 0)
        for number, line in enumerate(lines[start : finding.line + CONTEXT], start + 1):
            print(f"{'>' if number == finding.line else ' '}{number:5} {line}")
        row = {"path": finding.path, "line": finding.line, "rule": finding.rule}
        print(json.dumps({**row, "verdict": "", "reason": ""}))
    for path, line, rule in sorted(gone):
        verdict = base.verdicts[(path, line, rule)]["verdict"]
        print(f"== {base.name}: gone: {path}:{line} {rule} (recorded {verdict})")
    return len(unjudged)


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f}" if whole else "–"


def table(bases: list[CodeBase]) -> None:
    """One row per code base, then the seen and held-out totals and the overall one."""
    print(
        "| Code base (origin) | Kind | Files | Findings | True | Hardening | False "
        "| Precision | Missed | Recall |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    sums: dict[str, list[int]] = {}
    for group in (False, True):
        for base in (b for b in bases if b.held_out == group):
            report = base.report()
            found = {key(f) for f in report.findings}
            counts = dict.fromkeys(("true", "hardening", "false"), 0)
            for k in found:
                if k not in base.verdicts:
                    raise SystemExit(f"{base.name}: {k} has no verdict: judge it first")
                counts[base.verdicts[k]["verdict"]] += 1
            reported = {(k[0], k[1], k[2]) for k in found}
            missed = sum(
                (r["path"], r["line"], r.get("expect_rule")) not in reported for r in base.missed
            )
            good = counts["true"] + counts["hardening"]
            row = [
                report.files,
                len(found),
                counts["true"],
                counts["hardening"],
                counts["false"],
                missed,
            ]
            for label in ("held out" if group else "seen", "all"):
                total = sums.setdefault(label, [0] * 6)
                sums[label] = [a + b for a, b in zip(total, row, strict=True)]
            mark = " (held out)" if group else ""
            print(
                f"| {base.name}{mark} (`{base.meta['origin']}`) | {base.meta['kind']} "
                f"| {report.files} | {len(found)} | {counts['true']} | {counts['hardening']} "
                f"| {counts['false']} | {_ratio(good, len(found))} | {missed} "
                f"| {_ratio(good, good + missed)} |"
            )
    for label in ("seen", "held out", "all"):
        files, found, true, hardening, false, missed = sums.get(label, [0] * 6)
        good = true + hardening
        print(
            f"| **{label}** | | {files} | {found} | {true} | {hardening} | {false} "
            f"| **{_ratio(good, found)}** | {missed} | **{_ratio(good, good + missed)}** |"
        )


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == ["--table"]:
        table(code_bases())
        return 0
    names = set(arguments)
    total = sum(show(base) for base in code_bases() if not names or base.name in names)
    print(f"{total} unjudged", file=sys.stderr)
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
