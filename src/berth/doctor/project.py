"""What every file of a scan contributed, for the rules that need more than one file."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

from berth.doctor.files import SourceFile
from berth.doctor.never_serves import NeverServes, gather, test_urlconfs
from berth.doctor.production import Production
from berth.doctor.project_settings import SettingsView, views

__all__ = ["Project", "dotted_match"]


class Project:
    def __init__(
        self,
        facts: dict[str, dict[str, Any]],
        sources: Iterable[SourceFile] = (),
        roots: list[Path] | None = None,
    ) -> None:
        self.facts = facts
        """File (as displayed) -> its facts."""
        self.sources = list(sources)
        self.roots = roots or []
        """The scan's base first, then the folders it was asked for."""

    def each(self, name: str) -> Iterator[tuple[str, Any]]:
        for path, facts in self.facts.items():
            if name in facts:
                yield path, facts[name]

    @cached_property
    def settings(self) -> list[SettingsView]:
        """Production settings modules, each merged over the bases it star-imports."""
        return views(
            {path: fact for path, fact in self.each("settings") if fact},
            self.never_serves.settings_reason,
            sorted(self.production.settings_modules()),
        )

    @cached_property
    def test_urlconfs(self) -> dict[str, str]:
        """URLconf files only test or development settings name, each with why."""
        settings = {path: fact for path, fact in self.each("settings") if fact}
        served = [v.string("ROOT_URLCONF") or "" for v in self.settings]
        python = [source.display for source in self.sources if source.kind == "python"]
        return test_urlconfs(self.never_serves, settings, python, filter(None, served))

    @cached_property
    def never_serves(self) -> NeverServes:
        """Python code that never serves: test projects, Sphinx's settings, from evidence."""
        base = self.roots[0] if self.roots else Path(".")
        return gather(self.sources, self.roots, base, self.production.settings_modules())

    @cached_property
    def file_fields(self) -> frozenset[str]:
        """Names of FileField/ImageField attributes declared on any model of the scan."""
        return frozenset(name for _, names in self.each("file_fields") for name in names)

    @cached_property
    def has_proxy(self) -> bool:
        """A reverse proxy is configured in the scan (an nginx config, a Compose proxy)."""
        return any(True for _ in self.each("proxy"))

    @cached_property
    def production(self) -> Production:
        """Which container files serve in production, from what the others point at."""
        return Production(self.facts)


def dotted_match(names: Iterable[str], name: str) -> str | None:
    """The one of ``names`` that ``name`` refers to across files: equal, or either a suffix of
    the other past a package root that the scanned folder adds or drops (``src.shop.jobs.start``
    for ``shop.jobs.start``), with at least a module and a name on each side."""
    found = set(names) if not isinstance(names, set | dict) else names
    if name in found:
        return name
    if name.count(".") < 2:
        return None
    for candidate in found:
        if candidate.count(".") >= 2 and (
            candidate.endswith("." + name) or name.endswith("." + candidate)
        ):
            return candidate
    return None
