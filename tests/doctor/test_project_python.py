"""Python files berth's own Python cannot parse are judged by the project's Python."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.doctor.conftest import run, write

from berth.doctor.findings import Severity

# Trimmed from TONY65391/big_t, FB/views.py (GitHub): PEP 701 f-strings (quotes reused inside
# the replacement field), valid on Python 3.12+, beside module-level lists a view appends to.
VIEWS = """
from django.http import HttpResponse

gmail = []
firstname = []


def database(request):
    if request.GET["Gmail"] in gmail:
        return HttpResponse(f"{request.GET["Gmail"]} already exists")
    gmail.append(request.GET["Gmail"])
    firstname.append(request.GET["First_Name"])
    return HttpResponse(f"{request.GET["First_Name"]} {
        request.GET["Gmail"]  # a comment and a line break: PEP 701 too
    } created")
"""

# PEP 695 (Python 3.12): no f-string to blank, so Python 3.11 cannot read it at all.
TYPE_ALIAS = """
from django.conf import settings

type Rows = list[dict[str, str]]
ROOT = settings.MEDIA_ROOT
"""


def test_pep_701_f_strings_in_a_python_3_13_project_are_checked(tmp_path: Path) -> None:
    files = {"FB/views.py": VIEWS, "Dockerfile": "FROM python:3.13-slim\nCOPY . /app\n"}

    write(tmp_path, files)
    found = [(f.path, f.line, f.rule) for f in run(tmp_path).findings if f.path != "Dockerfile"]
    assert found == [("FB/views.py", 10, "BD302"), ("FB/views.py", 11, "BD302")]


def test_they_are_an_error_where_the_project_supports_python_3_10(tmp_path: Path) -> None:

    write(
        tmp_path,
        {"FB/views.py": VIEWS, "pyproject.toml": '[project]\nrequires-python = ">=3.10"\n'},
    )
    found = run(tmp_path).findings
    parse = [f for f in found if f.rule == "BD001"]
    if sys.version_info >= (3, 12):
        assert parse == []  # read natively: validity for 3.10 is not the doctor's to judge
        return
    (error,) = parse
    assert (error.line, error.severity) == (12, Severity.WARNING)  # where 3.11 stops
    assert "is not valid Python 3.10 (requires-python >=3.10 in pyproject.toml)" in error.message
    assert {f.rule for f in found} == {"BD001", "BD302"}  # checked all the same


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="reads PEP 695 itself")
def test_newer_syntax_berth_cannot_read_is_information_not_an_error(tmp_path: Path) -> None:

    write(tmp_path, {"app/types.py": TYPE_ALIAS, ".python-version": "3.13.1\n"})
    (finding,) = run(tmp_path).findings
    assert (finding.rule, finding.severity) == ("BD001", Severity.INFO)
    assert finding.message.startswith("was not checked: Python 3.11, which berth runs on, cannot")
    assert "the project runs Python 3.13 (.python-version)" in finding.message


def _python_3_13() -> Path | None:
    """A python3.13 that runs: PATH's, or pyenv's even when another version is selected."""
    candidates = [
        shutil.which("python3.13"),
        *sorted(Path.home().glob(".pyenv/versions/3.13*/bin/python3.13")),
    ]
    for candidate in candidates:
        if candidate and subprocess.run([candidate, "-c", ""], capture_output=True).returncode == 0:
            return Path(candidate)
    return None


def test_a_real_error_stays_an_error_for_the_projects_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    python = _python_3_13()
    if python is None:
        pytest.skip("no python3.13 here")
    monkeypatch.setenv("PATH", f"{python.parent}{os.pathsep}{os.environ['PATH']}")
    broken = "from django.conf import settings\nprint(settings.MEDIA_ROOT\n"
    write(tmp_path, {"app/views.py": broken, "Dockerfile": "FROM python:3.13\n"})
    (finding,) = [f for f in run(tmp_path).findings if f.path != "Dockerfile"]
    assert (finding.rule, finding.severity) == ("BD001", Severity.WARNING)
    assert finding.message.startswith("is not valid Python 3.13: SyntaxError")


def test_an_f_string_left_open_stays_an_error(tmp_path: Path) -> None:
    broken = 'from django.conf import settings\nx = f"{settings.MEDIA_ROOT\ny = 1\n'
    write(tmp_path, {"app/views.py": broken, "Dockerfile": "FROM python:3.13\n"})
    (finding,) = [f for f in run(tmp_path).findings if f.path != "Dockerfile"]
    assert (finding.rule, finding.line) == ("BD001", 2)
