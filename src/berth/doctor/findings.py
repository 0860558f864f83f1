"""What a rule reports: a finding at a place in a file, its severity, and an optional fix."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Edit", "Finding", "Severity", "Span"]


class Severity(enum.IntEnum):
    """Ordered, so ``--fail-on warning`` means "warning or worse"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"{text!r} is not a severity: use error, warning or info") from None

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, slots=True)
class Span:
    """Where a finding is: lines and columns both count from 1; columns are characters."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the characters ``start:end`` of a file's text with ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Finding:
    rule: str
    """The rule's id, e.g. ``BD101``."""
    path: str
    """The file, as given or relative to the folder scanned, with forward slashes."""
    span: Span
    message: str
    severity: Severity
    edits: tuple[Edit, ...] = field(default=())
    """A mechanical, safe fix; empty when the rule offers none here."""

    @property
    def line(self) -> int:
        return self.span.line

    @property
    def column(self) -> int:
        return self.span.column

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.line, self.span.column, self.rule)

    def to_json(self) -> dict[str, Any]:
        return {
            "rule": self.rule,
            "path": self.path,
            "span": [self.span.line, self.span.column, self.span.end_line, self.span.end_column],
            "message": self.message,
            "severity": self.severity.value,
            "edits": [[e.start, e.end, e.text] for e in self.edits],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Finding:
        return cls(
            rule=data["rule"],
            path=data["path"],
            span=Span(*data["span"]),
            message=data["message"],
            severity=Severity(data["severity"]),
            edits=tuple(Edit(*e) for e in data["edits"]),
        )
