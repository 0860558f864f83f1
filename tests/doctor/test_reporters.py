from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from berth.cli import main

SAMPLE = Path(__file__).resolve().parent / "corpus" / "stateful"
SCHEMA = json.loads((Path(__file__).resolve().parent / "sarif-schema-2.1.0.json").read_text())


def output(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    main(["doctor", "--no-cache", *args, str(SAMPLE)])
    return capsys.readouterr().out


def test_sarif_validates_against_the_official_schema(capsys: pytest.CaptureFixture[str]) -> None:
    document = json.loads(output(capsys, "--format", "sarif"))
    jsonschema.validate(document, SCHEMA)
    run = document["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"BD101", "BD601"}
    result = next(r for r in run["results"] if r["ruleId"] == "BD107")
    assert rules[result["ruleIndex"]]["name"] == "media-served-by-django"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("shop_site/urls.py")
    assert location["region"]["startLine"] == 11


def test_github_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    lines = output(capsys, "--format", "github").splitlines()
    annotation = next(line for line in lines if "BD107" in line)
    assert annotation.startswith("::error file=")
    assert "line=11,col=5," in annotation
    assert "title=BD107 media-served-by-django::" in annotation
    assert "%0Afix: serve media from object storage" in annotation
    assert any(line.startswith("::warning ") for line in lines)


def test_text_is_grouped_by_file_with_the_fix(capsys: pytest.CaptureFixture[str]) -> None:
    text = output(capsys)
    block = text.split("shop_site/urls.py\n", 1)[1].split("\n\n", 1)[0]
    assert "11:5  BD107 error" in block
    assert "fix: serve media from object storage" in block
    assert text.rstrip().splitlines()[-1].startswith("berth doctor: ")


def test_json_lists_every_field(capsys: pytest.CaptureFixture[str]) -> None:
    finding = json.loads(output(capsys, "--format", "json"))["findings"][0]
    assert set(finding) == {
        "rule",
        "slug",
        "severity",
        "path",
        "line",
        "column",
        "end_line",
        "end_column",
        "message",
        "hint",
        "fixable",
    }
