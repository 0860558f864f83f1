"""How findings are printed: text for people, JSON, SARIF 2.1.0 and GitHub annotations."""

from __future__ import annotations

from collections.abc import Callable

from berth.doctor.engine import Report
from berth.doctor.registry import Rule
from berth.doctor.reporters import github, json_lines, sarif, text

__all__ = ["FORMATS", "Renderer"]

Renderer = Callable[[Report, dict[str, Rule], bool], str]

FORMATS: dict[str, Renderer] = {
    "text": text.render,
    "json": json_lines.render,
    "sarif": sarif.render,
    "github": github.render,
}
