"""The doctor on real code bases nobody here wrote: every finding judged, precision and recall.

Each code base under realworld/ is a pinned app or project (meta.json names its origin), with a
verdict read at the line for every finding. The test fails on a finding without a verdict (run
``.venv/bin/python -m tests.doctor.realworld.judge`` to see it in context), on a true finding no longer
reported, on precision under 0.90, and on recall under its recorded value. Held-out code bases
are kept apart: nobody tunes rules on them, and their figures are printed separately.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache

import pytest
from tests.doctor.realworld.corpus import HERE, VERDICTS, CodeBase, Key, code_bases, key

CODE_BASES = code_bases()
RECORDED = json.loads((HERE / "recorded.json").read_text())
PRECISION_FLOOR = 0.90


@cache
def reported(name: str) -> frozenset[Key]:
    """Each code base is scanned once per session, whichever tests ask."""
    return frozenset(key(f) for f in CodeBase(HERE / name).findings())


def real(base: CodeBase) -> set[Key]:
    return {k for k, row in base.verdicts.items() if row["verdict"] in ("true", "hardening")}


def still_missed(base: CodeBase) -> list[dict[str, object]]:
    """missed.json entries that no finding of their expected rule reports at their line."""
    found = reported(base.name)
    return [
        row
        for row in base.missed
        if (row["path"], row["line"], row.get("expect_rule")) not in found
    ]


def figures(bases: Iterable[CodeBase]) -> tuple[int, int, int]:
    """(findings, true ones, real problems missed)."""
    total = good = missed = 0
    for base in bases:
        found = reported(base.name)
        total += len(found)
        good += len(found & real(base))
        missed += len(still_missed(base))
    return total, good, missed


@pytest.mark.parametrize("base", CODE_BASES, ids=lambda b: b.name)
def test_every_finding_has_a_verdict_and_no_true_one_is_lost(base: CodeBase) -> None:
    assert base.tree.is_dir(), f"{base.name}: no tree/ folder"
    assert base.meta.get("origin"), f"{base.name}: meta.json names no origin"
    found = reported(base.name)
    unjudged = sorted(found - set(base.verdicts))
    assert not unjudged, (
        f"{base.name}: findings without a verdict (judge.py shows them): {unjudged}"
    )
    bad = sorted(k for k, row in base.verdicts.items() if row.get("verdict") not in VERDICTS)
    assert not bad, f"{base.name}: verdict is not true, hardening or false: {bad}"
    lost = sorted(real(base) - found)
    assert not lost, f"{base.name}: true findings no longer reported: {lost}"


def _line(label: str, bases: list[CodeBase]) -> str:
    total, good, missed = figures(bases)
    precision = good / total if total else 1.0
    recall = good / (good + missed) if good + missed else 1.0
    return (
        f"{label}: {len(bases)} code bases, {total} findings, {good} true, "
        f"precision {precision:.2f}, {missed} missed, recall {recall:.2f}"
    )


def test_precision_and_recall() -> None:
    seen = [b for b in CODE_BASES if not b.held_out]
    held_out = [b for b in CODE_BASES if b.held_out]
    print()
    for label, bases in (("seen", seen), ("held out", held_out), ("all", CODE_BASES)):
        print(_line(label, bases))
    total, good, missed = figures(CODE_BASES)
    precision = good / total if total else 1.0
    recall = good / (good + missed) if good + missed else 1.0
    assert precision >= PRECISION_FLOOR, _line("all", CODE_BASES)
    assert recall >= RECORDED["recall"], _line("all", CODE_BASES)


def test_each_origin_is_pinned() -> None:
    for base in CODE_BASES:
        origin = base.meta["origin"]
        pinned = re.fullmatch(r"pypi:[\w.-]+==[\w.]+|github:[\w.-]+/[\w.-]+@[0-9a-f]{40}", origin)
        assert pinned and base.meta.get("license"), f"{base.name}: origin or licence not pinned"
        assert isinstance(base.meta.get("held_out"), bool), f"{base.name}: held_out not a bool"
