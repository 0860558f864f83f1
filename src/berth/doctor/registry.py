"""The rule registry: each module under ``rules/`` creates one :class:`Rule` and registers checkers.

The django-upgrade pattern: a rule is a module whose docstring says what breaks in containers
and how to fix it; ``rule = Rule(__name__, ...)`` then ``@rule.python(...)`` (or ``dockerfile``,
``compose``, ``nginx``, ``shell``, ``procfile``, ``uwsgi``, ``template``, ``project``)
registers its checkers.
``load_rules()`` imports every module of the package once.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar

from berth.doctor.findings import Edit, Severity, Span

__all__ = [
    "FILE_KINDS",
    "RULES",
    "Checker",
    "Pattern",
    "Probe",
    "Registration",
    "Trigger",
    "FileKind",
    "Hit",
    "Rule",
    "load_rules",
    "resolve_selection",
]

FileKind = Literal[
    "python", "dockerfile", "compose", "nginx", "shell", "template", "procfile", "uwsgi"
]
FILE_KINDS: tuple[FileKind, ...] = (
    "python",
    "dockerfile",
    "compose",
    "nginx",
    "shell",
    "template",
    "procfile",
    "uwsgi",
)

ID_PATTERN = re.compile(r"BD\d{3}")
SLUG_PATTERN = re.compile(r"[a-z][a-z0-9]*(-[a-z0-9]+)*")


@dataclass(frozen=True, slots=True)
class Hit:
    """What a checker yields: where, and optionally a specific message and a fix."""

    span: Span
    message: str | None = None
    edits: tuple[Edit, ...] = ()
    path: str | None = None
    """Only for project checkers, which report in any file."""


Checker = Callable[[Any], Iterable[Hit]]
F = TypeVar("F", bound=Checker)


@dataclass(frozen=True, slots=True)
class Pattern:
    """A trigger more precise than a substring: one of ``literals`` must occur, then ``regex``
    match.

    The literals go first because ``str.__contains__`` is an order of magnitude faster than a
    regular expression scanning a file that cannot match.
    """

    literals: tuple[str, ...]
    regex: re.Pattern[str]


Trigger = str | Pattern


class Probe:
    """One file's text, and which triggers occur in it, each tested at most once.

    Rules share trigger words (``MEDIA_ROOT``, ``open(``, the same write pattern) and most
    files hold none of them, so a file that cannot match costs one scan per distinct word,
    not one per rule that names it: on a cold scan that test runs on every file, parsed or not.
    """

    __slots__ = ("_seen", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._seen: dict[Trigger, bool] = {}

    def __contains__(self, trigger: Trigger) -> bool:
        seen = self._seen.get(trigger)
        if seen is None:
            if isinstance(trigger, str):
                seen = trigger in self.text
            else:
                seen = any(literal in self for literal in trigger.literals) and (
                    trigger.regex.search(self.text) is not None
                )
            self._seen[trigger] = seen
        return seen


@dataclass
class Registration:
    checker: Checker
    triggers: tuple[Trigger, ...]
    """Substrings (or patterns) of which one must be in a file for the checker to run on it.
    Files where no rule's trigger occurs are not even parsed, and in the others only the
    statements on lines where a trigger occurs are walked: the cheap test is what keeps a
    cold run near the cost of reading the files."""
    focus: Callable[[Any], Iterable[str]] | None = None
    """Words (beyond the triggers) whose lines the checker needs walked, found from the
    file's top-level statements: module-level names whose uses matter, for example."""
    also: tuple[Trigger, ...] = ()
    """When given, one of these must occur too: a trigger that is common on its own (a
    module-level dict) counts only beside what makes it matter (request-handling code)."""

    def matches(self, probe: Probe) -> bool:
        if self.also and not any(trigger in probe for trigger in self.also):
            return False
        return any(trigger in probe for trigger in self.triggers)


@dataclass
class Rule:
    module: str
    id: str
    slug: str
    severity: Severity
    summary: str
    """One line: the finding, as reported when a checker gives no message of its own."""
    hint: str
    """The fix, said so that someone can act on it."""
    fixable: bool = False
    loses_state: bool = False
    """What it reports keeps state where one replica sees it, or loses it at a restart: what
    berth verify catches at run time, so verify names these findings when a flow fails."""
    checkers: dict[str, list[Registration]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not ID_PATTERN.fullmatch(self.id) or not SLUG_PATTERN.fullmatch(self.slug):
            raise ValueError(f"{self.module}: malformed id {self.id!r} or slug {self.slug!r}")
        for other in RULES.values():
            if other.module != self.module and (self.id == other.id or self.slug == other.slug):
                raise ValueError(f"{self.module}: {self.id}/{self.slug} is taken by {other.module}")
        RULES[self.id] = self

    @property
    def doc(self) -> str:
        """The rule module's docstring: what breaks in containers, and the fix."""
        return inspect.cleandoc(sys.modules[self.module].__doc__ or "")

    @property
    def docs_anchor(self) -> str:
        return f"{self.id.lower()}-{self.slug}"

    def _register(
        self,
        kind: str,
        triggers: Sequence[Trigger],
        focus: Callable[[Any], Iterable[str]] | None = None,
        also: Sequence[Trigger] = (),
    ) -> Callable[[F], F]:
        def decorator(checker: F) -> F:
            registration = Registration(checker, tuple(triggers), focus, tuple(also))
            self.checkers.setdefault(kind, []).append(registration)
            return checker

        return decorator

    def python(
        self,
        *,
        triggers: Sequence[Trigger],
        focus: Callable[[Any], Iterable[str]] | None = None,
        also: Sequence[Trigger] = (),
    ) -> Callable[[F], F]:
        """A checker of one Python file (a :class:`berth.doctor.python.PythonFile`)."""
        if not triggers:
            raise ValueError("a Python checker needs triggers, or every file would be parsed")
        return self._register("python", triggers, focus, also)

    def dockerfile(self, checker: F) -> F:
        return self._register("dockerfile", ())(checker)

    def compose(self, checker: F) -> F:
        return self._register("compose", ())(checker)

    def nginx(self, checker: F) -> F:
        return self._register("nginx", ())(checker)

    def shell(self, checker: F) -> F:
        return self._register("shell", ())(checker)

    def procfile(self, checker: F) -> F:
        return self._register("procfile", ())(checker)

    def uwsgi(self, checker: F) -> F:
        """A checker of a ``.ini`` file's uWSGI options."""
        return self._register("uwsgi", ())(checker)

    def template(self, *, triggers: Sequence[Trigger]) -> Callable[[F], F]:
        return self._register("template", triggers)

    def project(self, checker: F) -> F:
        """A checker of what every file contributed (settings, model fields): runs once."""
        return self._register("project", ())(checker)


RULES: dict[str, Rule] = {}

_loaded = False


def load_rules() -> dict[str, Rule]:
    """Import every rule module (once); the registry, ordered by id."""
    global _loaded
    if not _loaded:
        from berth.doctor import rules

        for module in pkgutil.iter_modules(rules.__path__, rules.__name__ + "."):
            importlib.import_module(module.name)
        _loaded = True
        ordered = dict(sorted(RULES.items()))
        RULES.clear()
        RULES.update(ordered)
    return RULES


def resolve_selection(
    select: Iterable[str] | None, ignore: Iterable[str], rules: dict[str, Rule]
) -> set[str]:
    """Rule ids chosen by ruff's words: ids, id prefixes (``BD1``, ``BD``, ``ALL``) or slugs."""
    chosen = set(rules) if select is None else set()
    for word in select or ():
        chosen |= _match(word, rules)
    for word in ignore:
        chosen -= _match(word, rules)
    return chosen


def _match(word: str, rules: dict[str, Rule]) -> set[str]:
    word = word.strip()
    if word.upper() == "ALL":
        return set(rules)
    by_slug = {rule.id for rule in rules.values() if rule.slug == word.lower()}
    by_prefix = {rule_id for rule_id in rules if rule_id.startswith(word.upper())}
    found = by_slug | by_prefix
    if not found or not word:
        raise UnknownRule(word)
    return found


class UnknownRule(ValueError):
    def __init__(self, word: str) -> None:
        super().__init__(f"{word!r} matches no rule: see berth doctor --list-rules")
        self.word = word
