"""The reference page of environment variables and the code stay in step."""

from __future__ import annotations

import re
from pathlib import Path

from berth.config.variables import VARIABLES, read_environment

PAGE = Path(__file__).resolve().parents[2] / "docs" / "reference" / "environment.md"
SRC = Path(__file__).resolve().parents[2] / "src" / "berth"


def documented() -> dict[str, str]:
    rows = re.findall(r"^\| `([A-Z_]+)` \| (.+?) \| .+ \|$", PAGE.read_text(), re.MULTILINE)
    table = PAGE.read_text().split("| Variable | Default | Meaning |", 1)[1].split("\n\n", 1)[0]
    return {name: default for name, default in rows if f"`{name}`" in table}


def test_every_variable_is_documented_with_its_default() -> None:
    assert documented() == {v.name: v.default for v in VARIABLES}


def test_no_module_but_variables_reads_berths_variables() -> None:
    names = "|".join(v.name for v in VARIABLES)
    direct_read = re.compile(rf"""(os\.environ(\.get)?|os\.getenv)[(\[]\s*["']({names})["']""")
    assert direct_read.search('os.environ.get("DATABASE_URL")')
    assert direct_read.search("os.environ['PORT']")
    readers = {
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if direct_read.search(path.read_text())
    }
    # Processes berth starts get the variables passed on, which is no read.
    assert readers == set()


def test_empty_values_are_unset() -> None:
    assert read_environment({"DATABASE_URL": " ", "CACHE_URL": "dummy://"}).values == {
        "CACHE_URL": "dummy://"
    }
