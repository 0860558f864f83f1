"""Mechanical fixes: apply the edits findings carry, and show them as a unified diff first."""

from __future__ import annotations

import difflib
import os
import shutil
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from berth.doctor.findings import Edit, Finding

__all__ = ["FileFix", "plan_fixes"]


@dataclass(frozen=True)
class FileFix:
    path: Path
    display: str
    before: str
    after: str
    findings: tuple[Finding, ...]

    def diff(self) -> str:
        return "".join(
            difflib.unified_diff(
                self.before.splitlines(keepends=True),
                self.after.splitlines(keepends=True),
                fromfile=f"a/{self.display}",
                tofile=f"b/{self.display}",
            )
        )

    def write(self) -> None:
        """Replace the file whole: written beside it, then renamed over it, so an
        interrupted fix leaves the old file, never half of the new one."""
        temporary = self.path.with_name(f".{self.path.name}.berth-fix")
        try:
            temporary.write_bytes(self.after.encode("utf-8"))
            shutil.copymode(self.path, temporary)
            os.replace(temporary, self.path)
        finally:
            temporary.unlink(missing_ok=True)


def plan_fixes(findings: Iterable[Finding], paths: dict[str, Path]) -> list[FileFix]:
    """The new text of each file with fixable findings; overlapping edits: the first wins."""
    by_file: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        if finding.edits and finding.path in paths:
            by_file[finding.path].append(finding)
    fixes = []
    for display, found in sorted(by_file.items()):
        path = paths[display]
        # Bytes decoded as the scan decoded them: the edits' offsets count "\r\n" as two
        # characters, which read_text's newline translation would shift.
        before = path.read_bytes().decode("utf-8")
        edits: list[Edit] = []
        applied: list[Finding] = []
        for finding in sorted(found, key=Finding.sort_key):
            if any(_overlap(edit, other) for edit in finding.edits for other in edits):
                continue
            edits.extend(finding.edits)
            applied.append(finding)
        after = before
        for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
            after = after[: edit.start] + edit.text + after[edit.end :]
        if after != before:
            fixes.append(FileFix(path, display, before, after, tuple(applied)))
    return fixes


def _overlap(a: Edit, b: Edit) -> bool:
    return a.start < b.end and b.start < a.end or (a.start == b.start and a.end == b.end)
