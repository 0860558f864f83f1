"""Literals written before ``berth.configure(globals())`` are governed by berth's rules: the
doctor reports only what a served process would really get (docs/configuration.md, What wins)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.doctor.conftest import found
from tests.up.test_startproject import startproject

from berth.cli import main

_SETTINGS = """
    SECRET_KEY = {key!r}
    DEBUG = True
    DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": "db.sqlite3"}}}}
    {configure}
    {after}
"""


def _found(tmp_path: Path, key: str, configure: str, after: str = "") -> list[str]:
    text = _SETTINGS.format(key=key, configure=configure, after=after)
    return sorted(rule for _, _, rule in found(tmp_path, {"mysite/settings.py": text}))


def test_a_fresh_startproject_with_the_readmes_lines_has_nothing_to_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    startproject(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["doctor"]) == 0, capsys.readouterr().out


def test_each_import_form_of_configure_governs_what_comes_before_it(tmp_path: Path) -> None:
    key = "django-insecure-" + "k" * 40
    for configure in (
        "import berth\nberth.configure(globals())",
        "from berth import configure\nconfigure(globals())",
        "import berth as b\nb.configure(globals())",
    ):
        assert _found(tmp_path, key, configure.replace("\n", "\n    ")) == [], configure


def test_what_berth_would_let_through_is_still_reported(tmp_path: Path) -> None:
    configure = "import berth\n    berth.configure(globals())"
    # A key berth does not refuse is a real secret in the repository.
    assert _found(tmp_path, "a-real-key-" + "k" * 40, configure) == ["BD209"]
    # Assigned again after the call: Django gets the literal.
    assert _found(tmp_path, "django-insecure-x", configure, "DEBUG = True") == ["BD208"]
    # Without the call, every literal is what production gets.
    assert _found(tmp_path, "django-insecure-x", "") == [
        "BD201",
        "BD208",
        "BD209",
    ]
