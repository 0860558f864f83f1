"""What Django will use: a project's settings loaded as manage.py loads them, each of berth's
variables with its value, its source, and for the project's own values the file and line.

The settings load in a child process (``python -m berth.config.effective``): they run the
project's code, which may read a .env file into ``os.environ``, print, or open connections; and
a process can import only one module named ``mysite.settings``. In the child,
``berth.configure(globals())`` records what it resolves (:func:`capturing`) instead of acting
on it, so every error is collected rather than the first one raised.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from berth.config.masking import mask_positions, mask_text, mask_url, url_secrets
from berth.config.resolve import Configuration, capturing, resolve
from berth.config.variables import VARIABLES, Source, environment_secrets, read_environment
from berth.errors import BerthError, ConfigurationError
from berth.project.discovery import find_project

if TYPE_CHECKING:
    # The doctor's static reading of settings modules, imported only in the child, when needed.
    from berth.doctor.project_settings import SettingsView

__all__ = ["Effective", "effective"]

_TIMEOUT = 60.0
_MODULE_VARIABLE = "DJANGO_SETTINGS_MODULE"

# berth's variable -> the Django setting it resolves, and the key in it berth writes.
_SETTINGS: dict[str, tuple[str, ...]] = {
    "DATABASE_URL": ("DATABASES", "default"),
    "STORAGE_URL": ("STORAGES", "default"),
    "CACHE_URL": ("CACHES", "default"),
    "EMAIL_URL": ("EMAIL_BACKEND",),
    "DEBUG": ("DEBUG",),
    "SECRET_KEY": ("SECRET_KEY",),
    "ALLOWED_HOSTS": ("ALLOWED_HOSTS",),
    "TIME_ZONE": ("TIME_ZONE",),
    "STATIC_URL": ("STATIC_URL",),
    "STATIC_ROOT": ("STATIC_ROOT",),
    "LOG_FORMAT": ("LOGGING",),
}
_MISSING = object()


@dataclass(frozen=True)
class Effective:
    """berth env's report, secrets masked in every field."""

    rows: list[dict[str, str]]
    """One per variable shown: name, source, value, resolved, where (``file:line``)."""
    embedded: list[str]
    errors: list[str]
    """One line each, ``VARIABLE: problem``, for every value that could not be resolved."""
    settings: str | None
    """The settings module loaded; None outside a project."""


def effective(
    environ: Mapping[str, str], root: Path | None, *, server: str | None = None
) -> Effective:
    """What a process with ``environ`` (under ``server``, if served) gives Django in the project
    at ``root``; without a project (``root`` None), berth's resolution without its settings."""
    if root is None:
        report = _report(resolve(read_environment(environ), server=server), [])
        report["settings"] = None
    else:
        module = environ.get(_MODULE_VARIABLE) or find_project(root).settings_module
        report = _load(root, {**environ, _MODULE_VARIABLE: module}, server)
    rows, errors = _masked(report, environment_secrets(environ))
    return Effective(
        rows=rows,
        embedded=[str(name) for name in report["embedded"]],
        errors=errors,
        settings=report["settings"],
    )


def _masked(
    report: Mapping[str, Any], secrets: Sequence[str]
) -> tuple[list[dict[str, str]], list[str]]:
    """The report's rows and errors as berth env may show them.

    The rows are masked by position only: resolve.py built them field by field, with each URL's
    password and each secret variable masked, so they read the same whatever the secrets are.
    Errors are free text: there every secret is masked, except one the rows show anyway as
    non-secret text (a password equal to the user name), whose mask would point at it.
    """
    rows = [{k: mask_positions(str(v)) for k, v in row.items()} for row in report["rows"]]
    shown = [cell for row in rows for cell in row.values()]
    errors = [mask_text(str(error), secrets, shown) for error in report["errors"]]
    return rows, errors


def _public(environ: Mapping[str, str]) -> list[str]:
    """What berth env shows of ``environ``'s URLs: each with its secrets masked."""
    return [mask_url(environ[v.name]) for v in VARIABLES if v.url and environ.get(v.name)]


def _load(root: Path, environ: dict[str, str], server: str | None) -> dict[str, Any]:
    module = environ[_MODULE_VARIABLE]
    command = [sys.executable, "-m", "berth.config.effective", str(root), server or ""]
    try:
        result = subprocess.run(
            command, cwd=root, env=environ, capture_output=True, text=True, timeout=_TIMEOUT
        )
    except subprocess.TimeoutExpired:
        raise ConfigurationError(
            _MODULE_VARIABLE, f"{module} did not finish loading in {_TIMEOUT:.0f} s"
        ) from None
    lines = result.stdout.strip().splitlines()
    try:
        report: dict[str, Any] = json.loads(lines[-1])
    except (IndexError, ValueError):
        tail = result.stderr.strip().splitlines()
        last = tail[-1] if tail else f"exit status {result.returncode}"
        raise BerthError(
            f"{module} could not be loaded: "
            + mask_text(last, environment_secrets(environ), _public(environ))
        ) from None
    return report


def _report(
    config: Configuration,
    errors: list[str],
    view: SettingsView | None = None,
    module: ModuleType | None = None,
) -> dict[str, Any]:
    """``config`` as rows: each of the project's values with where ``view`` finds it written,
    and those ``module`` (which ran ``configure()``) assigned again after it."""
    rows = []
    for line in config.report:
        row = {
            "name": line.variable,
            "source": line.source.value,
            "value": line.value,
            "resolved": line.resolved,
            "where": "",
        }
        setting = _SETTINGS.get(line.variable)
        if setting is not None and module is not None:
            final = getattr(module, setting[0], _MISSING)
            if setting[0] in config.settings and final != config.settings[setting[0]]:
                # Assigned again below berth.configure(globals()) (a production.py over a
                # base.py that calls it): Django gets that value, not berth's.
                row["source"] = Source.PROJECT.value
                row["value"] = f"({setting[0]} in settings, after berth.configure())"
                row["resolved"] = "replaces what berth resolved"
            if row["source"] == Source.PROJECT.value and view is not None:
                row["where"] = _where(view, setting)
        rows.append(row)
    return {
        "rows": rows,
        "embedded": sorted(config.embedded),
        "errors": [*(str(error) for error in config.errors), *errors],
    }


def _where(view: SettingsView, setting: tuple[str, ...]) -> str:
    from berth.doctor.project_settings import path_of, span_of

    value = view.get(*setting) or view.get(setting[0])
    if value is None:
        return ""
    return f"{path_of(value, view.path)}:{span_of(value).line}"


def _settings_view(root: Path, name: str) -> SettingsView | None:
    """The doctor's static view of settings module ``name``, over the modules it star-imports
    (as loaded in this process); None when it cannot be read."""
    from berth.doctor.files import SourceFile
    from berth.doctor.project_settings import extract, view
    from berth.doctor.python import PythonFile

    facts: dict[str, dict[str, Any]] = {}
    pending, seen = [name], set()
    while pending:
        dotted = pending.pop()
        file = getattr(sys.modules.get(dotted), "__file__", None)
        if dotted in seen or not file:
            continue
        seen.add(dotted)
        path = Path(file)
        try:
            content = path.read_bytes()
            tree = ast.parse(content, filename=str(path))
        except (OSError, SyntaxError, ValueError):
            continue
        try:
            display = path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            display = str(path)
        source = SourceFile(path, display, "python")
        fact = extract(PythonFile(source, content.decode("utf-8", "replace"), tree))
        if fact is None:
            continue
        fact["module"] = dotted
        facts[display] = fact
        pending.extend(a[1] for a in fact["assignments"] if a[0] == "*")
    return view(facts, name)


def _setting_secrets(settings: Mapping[str, Any]) -> list[str]:
    """The secrets a loaded settings module holds: its key, and its services' passwords."""
    found = [str(settings.get("SECRET_KEY") or ""), str(settings.get("EMAIL_HOST_PASSWORD") or "")]
    for name in ("DATABASES", "CACHES", "STORAGES"):
        aliases = settings.get(name)
        for entry in aliases.values() if isinstance(aliases, dict) else ():
            if not isinstance(entry, dict):
                continue
            found.append(str(entry.get("PASSWORD") or ""))
            location = entry.get("LOCATION")
            if isinstance(location, str):
                found.extend(url_secrets(location))
            options = entry.get("OPTIONS")
            for key, value in options.items() if isinstance(options, dict) else ():
                if any(word in key.lower() for word in ("secret", "password", "token", "key")):
                    found.append(str(value))
    return [secret for secret in found if secret]


def _child(argv: Sequence[str]) -> None:
    """In the child: load the settings, print the report as one JSON line."""
    root, server = Path(argv[0]), argv[1] or None
    name = os.environ[_MODULE_VARIABLE]
    sys.path.insert(0, str(root))
    report_to, sys.stdout = sys.stdout, sys.stderr  # the settings' own prints go elsewhere
    errors: list[str] = []
    module: ModuleType | None = None
    before = dict(read_environment().values)
    with capturing(server) as capture:
        try:
            module = importlib.import_module(name)
        except (Exception, SystemExit) as error:
            text = " ".join(str(error).split()) or "(no message)"
            errors.append(
                f"{_MODULE_VARIABLE}: {name} failed to load ({type(error).__name__}: {text}); "
                "shown: berth's resolution without the project's settings"
            )
    namespace = vars(module) if module is not None else {}
    if capture.configurations:
        config = capture.configurations[-1]
    else:
        config = resolve(read_environment(), namespace, server=server)
        if module is not None:
            errors.append(
                f"{_MODULE_VARIABLE}: {name} does not call berth.configure(globals()): "
                "Django gets its own values, not these"
            )
    view = _settings_view(root, name) if module is not None else None
    report = _report(config, errors, view, module if capture.configurations else None)
    report["settings"] = name
    loaded = read_environment().values
    for row in report["rows"]:
        if row["source"] == Source.ENVIRONMENT.value and before.get(row["name"]) != loaded.get(
            row["name"]
        ):
            # A .env file the settings read (django-environ's read_env): not this shell's.
            row["where"] = f"set in os.environ by {name} as it loaded"
    secrets = [*environment_secrets(), *_setting_secrets(namespace)]
    report["rows"], report["errors"] = _masked(report, secrets)
    report_to.write(json.dumps(report) + "\n")
    report_to.flush()


if __name__ == "__main__":
    _child(sys.argv[1:])
