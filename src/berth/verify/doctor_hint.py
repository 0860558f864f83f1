"""When a flow loses state: what ``berth doctor`` finds in the files that handle it.

berth verify knows the URL paths a flow requested; the project's URLconf, read statically,
says which views serve them. The doctor's engine then scans the project in this process
(nothing is imported or run) and the findings of the rules that can lose state are shown for
those views, the project modules they import (models, forms, storages), the URLconfs and the
settings. When no view can be named, every such finding in the project is shown instead.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from berth.verify.handlers import handler_files, imported_files, urlconf_files
from berth.verify.runner import AFTER_RESTART, OTHER_REPLICA, Report

__all__ = ["DoctorHint", "doctor_hints"]

_SHOWN = 6
"""Findings listed under one flow; the command names every file."""


@dataclass(frozen=True)
class HintFinding:
    path: str
    line: int
    rule: str
    message: str


@dataclass
class DoctorHint:
    handlers: list[str]
    """The files whose views serve the flow's paths (empty when none could be told)."""
    findings: list[HintFinding] = field(default_factory=list)

    @property
    def files(self) -> list[str]:
        return list(dict.fromkeys([*self.handlers, *(f.path for f in self.findings)]))

    @property
    def command(self) -> str:
        return " ".join(["berth doctor", *self.files])

    def lines(self) -> list[str]:
        shown = [f"doctor: {f.path}:{f.line} {f.rule} {f.message}" for f in self.findings]
        if len(shown) > _SHOWN:
            shown[_SHOWN:] = [f"doctor: and {len(shown) - _SHOWN} more"]
        return [*shown, f"try: {self.command}"] if self.files else shown

    def as_dict(self) -> dict[str, Any]:
        return {
            "handlers": self.handlers,
            "findings": [vars(f) for f in self.findings],
            "command": self.command if self.files else None,
        }


def doctor_hints(report: Report, folders: list[Path]) -> dict[str, DoctorHint]:
    """A hint per flow whose state was lost, keyed by its name; none when no project is found
    in ``folders`` (the first that is in a project wins) or its doctor configuration is broken."""
    # Only state lost between replicas or at a restart: a flow that fails on the replica
    # that wrote it is a bug of the flow or the project, which no finding explains.
    lost = [
        flow
        for flow in report.flows
        if any(failure.phase in (OTHER_REPLICA, AFTER_RESTART) for failure in flow.failures)
    ]
    project = _project(folders)
    if not lost or project is None:
        return {}
    root, settings_file = project
    # Imported here: a run where every flow held never pays for the doctor.
    from berth.doctor.cache import cache_folder
    from berth.doctor.config import DoctorConfigError, find_config, read_config
    from berth.doctor.config import options as scan_options
    from berth.doctor.engine import scan
    from berth.doctor.registry import RULES

    try:
        config = read_config(find_config(root))
        scanned = scan(
            scan_options(config, [root], config.folder or root, cache_folder=cache_folder())
        )
    except (DoctorConfigError, OSError):
        return {}  # berth doctor itself reports a broken configuration
    here = Path.cwd()
    state = [
        (_shown_path(scanned.sources[f.path].path, here), f)
        for f in scanned.findings
        if f.path in scanned.sources and RULES[f.rule].loses_state
    ]
    # The settings module, the bases it star-imports and the URLconfs: every flow goes through them.
    settings = [settings_file, *imported_files(root, [settings_file])] if settings_file else []
    urlconfs = urlconf_files(root, settings_file)
    hints: dict[str, DoctorHint] = {}
    for flow in lost:
        handlers = handler_files(root, settings_file, flow.paths)
        if handlers:
            related = {
                p.resolve()
                for p in (
                    *handlers,
                    *imported_files(root, handlers),
                    *urlconfs,
                    *settings,
                )
            }
            shown = [(p, f) for p, f in state if (here / p).resolve() in related]
        else:
            shown = list(state)
        if flow.doctor_rules:
            shown = [(p, f) for p, f in shown if f.rule in flow.doctor_rules]
        named = [_shown_path(p, here) for p in handlers]
        # The views' own findings first: the most specific to this flow.
        shown.sort(key=lambda pair: pair[0] not in named)
        hints[flow.name] = DoctorHint(
            named, [HintFinding(p, f.line, f.rule, f.message) for p, f in shown]
        )
    return hints


def _project(folders: list[Path]) -> tuple[Path, Path | None] | None:
    from berth.project.discovery import ProjectNotFound, find_project

    for folder in folders:
        try:
            project = find_project(folder)
        except ProjectNotFound:
            continue
        return project.root, project.settings_file
    return None


def _shown_path(path: Path, here: Path) -> str:
    """As the user would type it where berth verify runs: relative when below, else absolute."""
    absolute = path.resolve()
    try:
        return absolute.relative_to(here.resolve()).as_posix()
    except ValueError:
        return os.fspath(absolute)
