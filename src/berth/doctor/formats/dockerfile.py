"""A Dockerfile as instructions and stages: continuation lines joined, comments dropped.

Enough of the syntax for rules: the escape directive, line continuations (with comment lines
inside them), the exec (JSON) and shell forms, heredocs skipped, ``FROM ... AS name`` stages and
which earlier stage a stage starts from.
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass, field

__all__ = ["Dockerfile", "Instruction", "Stage", "parse"]


@dataclass
class Instruction:
    keyword: str
    """Upper-cased: ``RUN``, ``CMD``, ..."""
    arguments: str
    line: int
    end_line: int
    column: int = 1

    @property
    def exec_form(self) -> list[str] | None:
        text = self.arguments.strip()
        if not text.startswith("["):
            return None
        try:
            value = json.loads(text)
        except ValueError:
            return None
        return [str(v) for v in value] if isinstance(value, list) else None

    @property
    def words(self) -> list[str]:
        """The command as words, whichever form it was written in."""
        exec_form = self.exec_form
        if exec_form is not None:
            return exec_form
        try:
            return shlex.split(self.arguments, comments=False)
        except ValueError:
            return self.arguments.split()

    @property
    def command_text(self) -> str:
        return " ".join(self.words)


@dataclass
class Stage:
    base: str
    name: str | None
    line: int
    instructions: list[Instruction] = field(default_factory=list)
    parent: Stage | None = None
    """The earlier stage this one starts ``FROM``, whose ENV and USER it inherits."""

    def lineage(self) -> list[Stage]:
        chain: list[Stage] = []
        stage: Stage | None = self
        while stage is not None and stage not in chain:
            chain.append(stage)
            stage = stage.parent
        return list(reversed(chain))

    def env(self) -> dict[str, tuple[str, Instruction]]:
        """ENV (and ARG defaults) in effect, inherited through earlier stages."""
        values: dict[str, tuple[str, Instruction]] = {}
        for stage in self.lineage():
            for instruction in stage.instructions:
                if instruction.keyword == "ENV":
                    for key, value in env_pairs(instruction.arguments):
                        values[key] = (value, instruction)
        return values

    def last(self, keyword: str) -> Instruction | None:
        for stage in reversed(self.lineage()):
            for instruction in reversed(stage.instructions):
                if instruction.keyword == keyword:
                    return instruction
        return None


@dataclass
class Dockerfile:
    instructions: list[Instruction]
    stages: list[Stage]

    @property
    def final(self) -> Stage | None:
        return self.stages[-1] if self.stages else None


_HEREDOC = re.compile(r"<<-?\s*[\"']?(\w+)[\"']?")


def parse(text: str) -> Dockerfile:
    lines = text.splitlines()
    escape = "\\"
    for line in lines[:5]:
        match = re.match(r"\s*#\s*escape\s*=\s*(\S)", line)
        if match:
            escape = match.group(1)
    instructions: list[Instruction] = []
    number = 0
    while number < len(lines):
        line = lines[number]
        start = number
        number += 1
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        parts = [line.rstrip()]
        while parts[-1].endswith(escape) and number < len(lines):
            parts[-1] = parts[-1][: -len(escape)]
            following = lines[number]
            number += 1
            if following.strip().startswith("#"):
                parts.append(escape)  # a comment inside a continuation is dropped
                continue
            parts.append(following.rstrip())
        joined = " ".join(p.strip() for p in parts if p != escape)
        heredoc = _HEREDOC.search(joined)
        if heredoc and joined.split(None, 1)[0].upper() in ("RUN", "COPY", "ADD"):
            delimiter = heredoc.group(1)
            while number < len(lines) and lines[number].strip() != delimiter:
                number += 1
            number += 1
        keyword, _, arguments = joined.partition(" ")
        column = len(line) - len(line.lstrip()) + 1
        instructions.append(
            Instruction(keyword.upper(), arguments.strip(), start + 1, number, column)
        )
    stages: list[Stage] = []
    for instruction in instructions:
        if instruction.keyword == "FROM":
            words = [w for w in instruction.arguments.split() if not w.startswith("--")]
            base = words[0] if words else ""
            name = words[2] if len(words) >= 3 and words[1].lower() == "as" else None
            parent = next((s for s in stages if s.name and s.name == base), None)
            stages.append(Stage(base, name, instruction.line, [], parent))
        elif stages:
            stages[-1].instructions.append(instruction)
    return Dockerfile(instructions, stages)


def env_pairs(arguments: str) -> list[tuple[str, str]]:
    """``ENV A=1 B="two"`` and the legacy ``ENV A 1`` as (key, value) pairs."""
    try:
        words = shlex.split(arguments)
    except ValueError:
        words = arguments.split()
    if not words:
        return []
    if "=" not in words[0]:
        return [(words[0], " ".join(words[1:]))]
    pairs = []
    for word in words:
        key, _, value = word.partition("=")
        pairs.append((key, value))
    return pairs
