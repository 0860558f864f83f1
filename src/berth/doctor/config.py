"""``[tool.berth.doctor]`` in pyproject.toml: which rules, where, and how severe.

```toml
[tool.berth.doctor]
select = ["BD"]                  # ids, prefixes or slugs (ruff's words); default: every rule
ignore = ["BD405"]
exclude = ["legacy/", "*.gen.py"]
fail-on = "error"                # error, warning, info or never
severity = { BD303 = "error", "module-level-state" = "info" }

[tool.berth.doctor.per-file-ignores]
"scripts/*.py" = ["BD102"]
```
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from berth.doctor.engine import Options
from berth.doctor.findings import Severity
from berth.doctor.registry import UnknownRule, load_rules, resolve_selection
from berth.errors import BerthError

__all__ = ["DoctorConfig", "DoctorConfigError", "find_config", "options", "read_config"]

_KEYS = frozenset(
    {"select", "ignore", "exclude", "fail-on", "severity", "per-file-ignores", "per-path-ignores"}
)


class DoctorConfigError(BerthError):
    """A malformed ``[tool.berth.doctor]`` table, or an option naming no rule."""

    exit_code = 2


@dataclass
class DoctorConfig:
    path: Path | None = None
    """The pyproject.toml it came from; None for the defaults."""
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    fail_on: str = "error"
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def folder(self) -> Path | None:
        return self.path.parent if self.path else None


def find_config(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above ``start`` with a ``[tool.berth.doctor]`` table."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            try:
                data = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
                raise DoctorConfigError(f"{candidate}: {error}") from None
            if "doctor" in data.get("tool", {}).get("berth", {}):
                return candidate
        if (folder / ".git").exists():
            break
    return None


def read_config(path: Path | None) -> DoctorConfig:
    if path is None:
        return DoctorConfig()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    table = data.get("tool", {}).get("berth", {}).get("doctor", {})
    where = f"{path}: [tool.berth.doctor]"
    if not isinstance(table, dict):
        raise DoctorConfigError(f"{where} must be a table")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise DoctorConfigError(
            f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})"
        )
    config = DoctorConfig(path=path)
    if "select" in table:
        config.select = _strings(table["select"], f"{where}.select")
    config.ignore = _strings(table.get("ignore", []), f"{where}.ignore")
    config.exclude = _strings(table.get("exclude", []), f"{where}.exclude")
    fail_on = table.get("fail-on", "error")
    if fail_on not in ("error", "warning", "info", "never"):
        raise DoctorConfigError(
            f"{where}.fail-on: {fail_on!r} is not error, warning, info or never"
        )
    config.fail_on = fail_on
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        raise DoctorConfigError(f"{where}.severity must be a table of rule = level")
    for rule, level in severity.items():
        try:
            config.severity[str(rule)] = Severity.parse(str(level))
        except ValueError as error:
            raise DoctorConfigError(f"{where}.severity.{rule}: {error}") from None
    for key in ("per-file-ignores", "per-path-ignores"):
        ignores = table.get(key, {})
        if not isinstance(ignores, dict):
            raise DoctorConfigError(f"{where}.{key} must be a table of pattern = [rules]")
        for pattern, rules in ignores.items():
            config.per_file_ignores.append(
                (str(pattern), _strings(rules, f"{where}.{key}.{pattern}"))
            )
    return config


def _strings(value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DoctorConfigError(f"{where} must be a list of strings")
    return list(value)


def options(
    config: DoctorConfig,
    paths: list[Path],
    base: Path,
    *,
    select: list[str] | None = None,
    ignore: Iterable[str] = (),
    severity: Iterable[tuple[str, Severity]] = (),
    **engine: Any,
) -> Options:
    """The scan of ``paths`` this configuration asks for, command-line words over it: rules
    chosen (``select`` replaces the configured ones, ``ignore`` adds), severities, per-file
    ignores and excludes. ``engine``: the rest of :class:`Options` (jobs, cache, debug)."""
    rules = load_rules()
    try:
        chosen = resolve_selection(select or config.select, [*config.ignore, *ignore], rules)
        levels = {
            rule_id: level
            for word, level in [*config.severity.items(), *severity]
            for rule_id in resolve_selection([word], [], rules)
        }
        per_file = [
            (pattern, resolve_selection(ids, [], rules)) for pattern, ids in config.per_file_ignores
        ]
    except UnknownRule as error:
        raise DoctorConfigError(str(error)) from None
    return Options(
        paths=paths,
        base=base,
        select=chosen,
        severity=levels,
        per_file_ignores=per_file,
        exclude=config.exclude,
        **engine,
    )
