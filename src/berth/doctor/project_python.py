"""The Python a project runs on, and what it says about a file berth's own Python cannot parse.

Validity is the project's Python's to decide, not berth's: an f-string that reuses its quotes is
valid on 3.12 and a syntax error on 3.11. The version comes, in this order, from what production
runs (a Dockerfile's ``FROM python:3.13``), ``.python-version``, the lower bound of
``requires-python`` in pyproject.toml, and ``runtime.txt``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from berth.doctor.files import SourceFile
from berth.doctor.findings import Finding, Severity, Span
from berth.doctor.python.fstrings import NEEDS

__all__ = ["ProjectPython", "judge", "judge_unparsed", "project_python"]

_FROM_PYTHON = re.compile(
    r"^\s*FROM\s+(?:--\S+\s+)*\S*python:?(\d)\.(\d+)", re.IGNORECASE | re.MULTILINE
)
_VERSION = re.compile(r"(\d)\.(\d+)")
_LOWER_BOUND = re.compile(r"(?:>=|~=|==)\s*(\d)\.(\d+)")
_RUNNING = sys.version_info[:2]


@dataclass(frozen=True)
class ProjectPython:
    version: tuple[int, int]
    origin: str
    """Where it was read, for the message: ``Dockerfile: FROM python:3.13-slim``."""

    @property
    def name(self) -> str:
        return f"Python {self.version[0]}.{self.version[1]}"


def project_python(
    roots: Iterable[Path], dockerfiles: Iterable[SourceFile]
) -> ProjectPython | None:
    for source in dockerfiles:
        if source.development_only:
            continue
        try:
            text = source.path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        # The last stage is the image that runs.
        found = list(_FROM_PYTHON.finditer(text))
        if found:
            match = found[-1]
            line = match.group(0).strip()
            return ProjectPython((int(match[1]), int(match[2])), f"{source.display}: {line}")
    for root in roots:
        version = _read(root / ".python-version", _VERSION)
        if version:
            return ProjectPython(version, ".python-version")
        pyproject = _pyproject(root / "pyproject.toml")
        requires = (pyproject.get("project") or {}).get("requires-python")
        if isinstance(requires, str):
            bound = _LOWER_BOUND.search(requires)
            if bound:
                return ProjectPython(
                    (int(bound[1]), int(bound[2])), f"requires-python {requires} in pyproject.toml"
                )
        version = _read(root / "runtime.txt", _VERSION)
        if version:
            return ProjectPython(version, "runtime.txt")
    return None


def _read(path: Path, pattern: re.Pattern[str]) -> tuple[int, int] | None:
    try:
        match = pattern.search(path.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return None
    return (int(match[1]), int(match[2])) if match else None


def _pyproject(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def judge_unparsed(
    findings: list[Finding],
    results: dict[str, dict[str, Any]],
    sources: list[SourceFile],
    roots: list[Path],
    rule: str,
) -> list[Finding]:
    """``findings`` with the parse errors (``rule``) of Python files berth's own Python could
    not read replaced by what the project's Python says of them."""
    troubled = {path: result["syntax"] for path, result in results.items() if "syntax" in result}
    if not troubled:
        return findings
    python = project_python(roots, (s for s in sources if s.kind == "dockerfile"))
    kept = [f for f in findings if not (f.rule == rule and f.path in troubled)]
    by_path = {source.display: source for source in sources}
    for path, syntax in troubled.items():
        finding = judge(syntax, by_path[path], python, rule)
        if finding is not None:
            kept.append(finding)
    return kept


def judge(
    syntax: dict[str, Any], source: SourceFile, python: ProjectPython | None, rule: str
) -> Finding | None:
    """The finding for a file berth's Python parsed only with its f-strings blanked
    (``syntax["checked"]``) or not at all; None when there is nothing to say.

    ``syntax`` holds the line, column and message of berth's Python's complaint.
    """
    span = Span(syntax["line"], syntax["column"], syntax["line"], syntax["column"])
    running = f"Python {_RUNNING[0]}.{_RUNNING[1]}"
    if syntax.get("checked"):
        if python is None or python.version >= NEEDS:
            return None
        return Finding(
            rule,
            source.display,
            span,
            f"is not valid {python.name} ({python.origin}): this f-string needs Python 3.12",
            Severity.WARNING,
        )
    if python is None or python.version <= _RUNNING:
        return Finding(
            rule,
            source.display,
            span,
            f"is not valid Python: {syntax['message']}",
            Severity.WARNING,
        )
    checked_by, problem = _problem_on(python, source.path)
    if problem is not None:
        return Finding(
            rule, source.display, span, f"is not valid {python.name}: {problem}", Severity.WARNING
        )
    valid = f"; {checked_by} parses it" if checked_by else ""
    return Finding(
        rule,
        source.display,
        span,
        f"was not checked: {running}, which berth runs on, cannot read it ({syntax['message']}), "
        f"and the project runs {python.name} ({python.origin}){valid}; run berth on "
        f"{python.name} to check it",
        Severity.INFO,
    )


def _problem_on(python: ProjectPython, path: Path) -> tuple[str | None, str | None]:
    """Which interpreter of the project's version on PATH read the file (None: there is none),
    and its complaint (None: it parses)."""
    name = f"python{python.version[0]}.{python.version[1]}"
    executable = shutil.which(name)
    if executable is None:
        return None, None
    try:
        done = subprocess.run(
            [executable, "-c", "import ast, sys; ast.parse(open(sys.argv[1], 'rb').read())", path],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None, None
    if done.returncode == 0:
        return name, None
    lines = done.stderr.strip().splitlines()
    if lines and lines[-1].startswith("SyntaxError"):
        return name, lines[-1]
    return None, None  # it did not run (a pyenv shim of a version not selected, say)
