"""berth's own tables in the project's ``berth.toml`` or ``pyproject.toml`` (``[tool.berth]``):
which file holds them, and a reader whose errors name the file, the table and the key.

``berth.toml`` wins within one folder; the two are never merged.
"""

from __future__ import annotations

import shlex
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from berth.errors import ConfigurationError

__all__ = [
    "BERTH_TOML",
    "PYPROJECT_TOML",
    "ConfigTableError",
    "TableReader",
    "berth_table",
    "find_config_file",
    "read_toml",
    "section",
]

BERTH_TOML = "berth.toml"
PYPROJECT_TOML = "pyproject.toml"


class ConfigTableError(ConfigurationError):
    """A table of berth's configuration is malformed; names the file, the table and the key."""

    def __init__(self, file: Path | None, table: str, key: str | None, problem: str) -> None:
        self.file = file
        self.table = table
        self.key = key
        where = f"[{table}]" if file is None else f"{file} [{table}]"
        super().__init__(f"{where} {key}" if key else where, problem)


def find_config_file(start: Path | None = None) -> Path | None:
    """The nearest ``berth.toml``, or ``pyproject.toml`` with a ``[tool.berth]`` table, at or above ``start``.

    The walk stops at the repository root (the folder holding ``.git``), so that a file in a home
    folder never configures an unrelated checkout.
    """
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / BERTH_TOML).is_file():
            return folder / BERTH_TOML
        pyproject = folder / PYPROJECT_TOML
        if pyproject.is_file() and "berth" in read_toml(pyproject).get("tool", {}):
            return pyproject
        if (folder / ".git").exists():
            break
    return None


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except OSError as error:
        raise ConfigurationError(str(path), f"cannot read: {error.strerror}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigurationError(str(path), f"is not valid TOML: {error}") from None


def berth_table(name: str, known: tuple[str, ...], start: Path | None = None) -> TableReader:
    """The project's ``[tool.berth.NAME]`` (``[NAME]`` in berth.toml), whose keys must be among
    ``known``; an empty table when the project configures none."""
    config_file = find_config_file(start)
    if config_file is None:
        return TableReader(None, f"tool.berth.{name}", {})
    shown, table = section(config_file, name)
    if not isinstance(table, dict):
        raise ConfigTableError(config_file, shown, None, "must be a table")
    reader = TableReader(config_file, shown, table)
    reader.only(known)
    return reader


def section(config_file: Path, name: str) -> tuple[str, object]:
    """``[NAME]`` of berth.toml, ``[tool.berth.NAME]`` of pyproject.toml: shown name and value."""
    document = read_toml(config_file)
    if config_file.name == BERTH_TOML:
        return name, document.get(name, {})
    return f"tool.berth.{name}", document.get("tool", {}).get("berth", {}).get(name, {})


@dataclass(frozen=True)
class TableReader:
    """One table of berth's configuration, whose malformed values are errors naming the key."""

    file: Path | None
    name: str
    table: Mapping[str, Any]

    def fail(self, key: str, problem: str) -> NoReturn:
        raise ConfigTableError(self.file, self.name, key, problem)

    def only(self, known: tuple[str, ...]) -> None:
        unknown = sorted(set(self.table) - set(known))
        if unknown:
            self.fail(unknown[0], f"unknown key (known: {', '.join(known)})")

    def string(self, key: str) -> str:
        value = self.table[key]
        if not isinstance(value, str) or not value.strip():
            self.fail(key, "must be a non-empty string")
        return str(value)

    def flag(self, key: str) -> bool:
        value = self.table[key]
        if not isinstance(value, bool):
            self.fail(key, "must be true or false")
        return value

    def command(self, key: str, *, allow_empty: bool = False) -> tuple[str, ...]:
        value = self.table[key]
        if isinstance(value, str):
            try:
                words = shlex.split(value)
            except ValueError as error:
                self.fail(key, f"cannot be split like a shell command: {error}")
        elif isinstance(value, list) and all(isinstance(word, str) for word in value):
            words = value
        else:
            self.fail(key, "must be a list of strings or a string")
        if not words and not allow_empty:
            self.fail(key, "must not be empty")
        return tuple(words)
