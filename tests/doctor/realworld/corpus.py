"""The real-world corpus: pinned code bases nobody here wrote, and the verdicts read on them.

Each folder beside this module holds ``tree/`` (the code base trimmed to what the doctor reads),
``meta.json`` (origin, licence, kind, held_out), ``verdicts.json`` (one verdict per finding:
true, hardening or false, with a reason read at the line) and ``missed.json`` (real problems
found by reading that the doctor does not report). The test and judge.py share this module.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from berth.doctor.engine import Options, Report, scan
from berth.doctor.findings import Finding

HERE = Path(__file__).resolve().parent
VERDICTS = ("true", "hardening", "false")

Key = tuple[str, int, str]
"""(path inside tree/, line, rule): what a verdict is recorded against."""


@dataclass(frozen=True)
class CodeBase:
    folder: Path

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def tree(self) -> Path:
        return self.folder / "tree"

    @cached_property
    def meta(self) -> dict[str, Any]:
        return _load(self.folder / "meta.json")  # type: ignore[no-any-return]

    @property
    def held_out(self) -> bool:
        return bool(self.meta.get("held_out"))

    @cached_property
    def verdicts(self) -> dict[Key, dict[str, Any]]:
        rows = _load(self.folder / "verdicts.json")
        return {(r["path"], r["line"], r["rule"]): r for r in rows}

    @cached_property
    def missed(self) -> list[dict[str, Any]]:
        return _load(self.folder / "missed.json")  # type: ignore[no-any-return]

    def report(self) -> Report:
        """The doctor on the tree, in this process, as a new user would run it: no cache."""
        return scan(Options(paths=[self.tree], base=self.tree, jobs=1))

    def findings(self) -> list[Finding]:
        return self.report().findings


def code_bases(root: Path = HERE) -> list[CodeBase]:
    return [CodeBase(meta.parent) for meta in sorted(root.glob("*/meta.json"))]


def key(finding: Finding) -> Key:
    return (finding.path, finding.line, finding.rule)


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
