"""Precision and recall on the corpus: small realistic projects with their expected findings.

Each folder under corpus/ is a project and its expected.json, the findings a careful reader
expects (some marked ``known_miss``: real problems the doctor does not find yet). The test
fails when precision or recall drops below the values recorded in corpus/recorded.json.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.doctor.conftest import run

from berth.cli import main

CORPUS = Path(__file__).resolve().parent / "corpus"
PROJECTS = sorted(path.parent for path in CORPUS.glob("*/expected.json"))
RECORDED = json.loads((CORPUS / "recorded.json").read_text())


def expected(project: Path) -> tuple[set[tuple[str, int, str]], set[tuple[str, int, str]]]:
    rows = json.loads((project / "expected.json").read_text())
    found = {(r["path"], r["line"], r["rule"]) for r in rows if not r.get("known_miss")}
    missed = {(r["path"], r["line"], r["rule"]) for r in rows if r.get("known_miss")}
    return found, missed


def actual(project: Path) -> set[tuple[str, int, str]]:
    return {(f.path, f.line, f.rule) for f in run(project, base=project).findings}


@pytest.mark.parametrize("project", PROJECTS, ids=lambda p: p.name)
def test_each_project_finds_exactly_what_is_expected(project: Path) -> None:
    should, _ = expected(project)
    assert actual(project) == should


def test_precision_and_recall_hold_their_recorded_values() -> None:
    true_positives = false_positives = false_negatives = 0
    for project in PROJECTS:
        should, missed = expected(project)
        got = actual(project)
        true_positives += len(got & should)
        false_positives += len(got - should)
        false_negatives += len((should | missed) - got)
    precision = true_positives / (true_positives + false_positives)
    recall = true_positives / (true_positives + false_negatives)
    assert precision >= RECORDED["precision"], precision
    assert recall >= RECORDED["recall"], recall


def test_the_stateful_sample_fails_with_file_line_id_and_hint(
    capsys: pytest.CaptureFixture[str],
) -> None:
    sample = CORPUS / "stateful"
    assert main(["doctor", "--no-cache", "--format", "json", str(sample)]) == 1
    document = json.loads(capsys.readouterr().out)
    rules = {f["rule"] for f in document["findings"]}
    # Every rule whose problem the sample contains, each with its place and fix.
    assert rules >= {f"BD{n}" for n in (101, 102, 103, 104, 105, 106, 107)}
    assert rules >= {f"BD{n}" for n in (201, 202, 203, 204, 205, 206, 207, 208, 209)}
    assert rules >= {"BD301", "BD302", "BD303", "BD401", "BD402", "BD403", "BD404", "BD405"}
    assert rules >= {
        "BD406",
        "BD407",
        "BD501",
        "BD502",
        "BD503",
        "BD504",
        # No BD505: the sample's entrypoint waits for db:5432 (its BD506 says how loosely).
        "BD506",
        "BD601",
    }
    assert all(f["line"] > 0 and f["hint"] and f["path"] for f in document["findings"])


@pytest.mark.parametrize(
    "folder",
    [
        Path(__file__).resolve().parents[2] / "example",
        Path(__file__).resolve().parents[1] / "scaffold" / "golden",
        CORPUS / "container_correct",
    ],
    ids=["reference-project", "berth-init-files", "container-correct-sample"],
)
def test_container_correct_projects_come_out_clean(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["doctor", "--no-cache", str(folder)]) == 0
    assert "no problems found" in capsys.readouterr().out
