"""Print the findings of the real-world corpus that have no verdict yet, with their context.

    .venv/bin/python -m tests.doctor.realworld.judge [NAME ...]

Each unjudged finding is shown with three lines either side and a verdicts.json row to
complete (verdict and reason, read at the line), so that judging a rule change is fast.
Recorded verdicts whose finding is gone are listed too: a true one lost is a regression.
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
        lines = (base.tree / finding.path).read_text(encoding="utf-8", errors="replace")
        text = lines.splitlines()
        print(f"== {base.name}: {finding.path}:{finding.line} {finding.rule} {finding.message}")
        start = max(finding.line - 1 - CONTEXT, 0)
        for number, line in enumerate(text[start : finding.line + CONTEXT], start + 1):
            print(f"{'>' if number == finding.line else ' '}{number:5} {line}")
        row = {"path": finding.path, "line": finding.line, "rule": finding.rule}
        print(json.dumps({**row, "verdict": "", "reason": ""}))
    for path, line, rule in sorted(gone):
        verdict = base.verdicts[(path, line, rule)]["verdict"]
        print(f"== {base.name}: gone: {path}:{line} {rule} (recorded {verdict})")
    return len(unjudged)


def main(argv: Sequence[str] | None = None) -> int:
    names = set(sys.argv[1:] if argv is None else argv)
    total = sum(show(base) for base in code_bases() if not names or base.name in names)
    print(f"{total} unjudged", file=sys.stderr)
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main())
