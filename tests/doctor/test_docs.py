"""docs/doctor.md stays current: every rule listed, with its docstring, a bad and a good example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from berth.doctor.registry import RULES, Rule, load_rules

ROOT = Path(__file__).resolve().parents[2]
DOCS = (ROOT / "docs" / "doctor.md").read_text()
RULE_IDS = sorted(load_rules())


def section(rule: Rule) -> str:
    start = DOCS.index(f"\n### {rule.id} {rule.slug}\n")
    end = DOCS.find("\n### ", start + 1)
    return DOCS[start : end if end != -1 else len(DOCS)]


def words(text: str) -> str:
    return " ".join(text.replace("``", "`").split())


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_each_rule_has_its_entry(rule_id: str) -> None:
    rule = RULES[rule_id]
    fixable = " (fixable)" if rule.fixable else ""
    row = f"| [{rule.id}](#{rule.docs_anchor}) | `{rule.slug}` | {rule.severity}{fixable} |"
    assert row in DOCS
    text = section(rule)
    # The rule's docstring, what breaks and the fix, as the module says it.
    summary, _, body = rule.doc.partition("\n\n")
    first = summary.removeprefix(f"{rule.id}: ")
    fix = " · fixable with `--fix`" if rule.fixable else ""
    opening = text.split(f"### {rule.id} {rule.slug}\n\n", 1)[1].split("\n\n", 1)[0]
    assert words(opening) == words(f"*{rule.severity}*{fix} — {first}")
    assert words(body) in words(text)
    bad = re.search(r"\nBad:\n\n```\w*\n.+?\n```\n", text, re.S)
    good = re.search(r"\nGood:\n\n```\w*\n.+?\n```\n", text, re.S)
    assert bad and good and bad.start() < good.start(), f"{rule.id} needs a bad and a good example"


def test_the_count_of_rules_is_the_registrys() -> None:
    listed = re.findall(r"^\| \[(BD\d{3})\]", DOCS, re.M)
    assert listed == RULE_IDS
    assert f"{len(RULE_IDS)} rules" in (ROOT / "CHANGELOG.md").read_text()


def test_the_rules_berth_verify_names_are_listed() -> None:
    sentence = DOCS.split("of the rules whose problem loses state:", 1)[1].split(".", 1)[0]
    assert re.findall(r"BD\d{3}", sentence) == [i for i in RULE_IDS if RULES[i].loses_state]


def test_the_pre_commit_snippet_runs_the_declared_hook() -> None:
    snippet = DOCS.split("pre-commit (`.pre-commit-config.yaml`)", 1)[1]
    block = snippet.split("```yaml\n", 1)[1].split("```", 1)[0]
    (repo,) = yaml.safe_load(block)["repos"]
    assert repo["repo"] == "local"
    (hook,) = repo["hooks"]
    (declared,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["language"] == "system"
    for key in ("id", "name", "entry", "pass_filenames", "always_run"):
        assert hook[key] == declared[key], key
