"""The package's shape (docs/architecture.md): a near-empty top level, and dotted paths that import."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest
from django.utils.module_loading import import_string

import berth
from berth.config.resolve import resolve
from berth.config.variables import read_environment

SRC = Path(berth.__file__).resolve().parent
TOP_LEVEL_FILES = {"__init__.py", "__main__.py", "errors.py", "urls.py", "py.typed"}


def subpackages() -> list[Path]:
    return sorted(path.parent for path in SRC.rglob("__init__.py") if path.parent != SRC)


def test_the_top_level_holds_only_the_entry_points_and_subpackages() -> None:
    files = {path.name for path in SRC.iterdir() if path.is_file()}
    folders = {path.name for path in SRC.iterdir() if path.is_dir() and path.name != "__pycache__"}
    assert files == TOP_LEVEL_FILES
    assert all((SRC / folder / "__init__.py").is_file() for folder in folders)


@pytest.mark.parametrize("package", subpackages(), ids=lambda path: str(path.relative_to(SRC)))
def test_each_subpackage_opens_with_one_line_saying_what_it_holds(package: Path) -> None:
    docstring = ast.get_docstring(ast.parse((package / "__init__.py").read_text()))
    assert docstring, f"{package} has no docstring"
    assert docstring.splitlines()[0].endswith("."), (
        "the first line says what it holds, in one sentence"
    )


def test_every_dotted_path_configure_writes_imports(tmp_path: Path) -> None:
    config = resolve(read_environment({"STORAGE_URL": _proxied_storage_url()}), {}, tmp_path)
    namespace: dict[str, Any] = {"BASE_DIR": tmp_path}
    berth.configure(namespace)
    paths = [
        *namespace["MIDDLEWARE"],
        config.settings["STORAGES"]["default"]["BACKEND"],
        namespace["LOGGING"]["formatters"]["berth"]["()"],
        *(entry["()"] for entry in namespace["LOGGING"]["filters"].values()),
    ]
    for dotted in paths:
        assert import_string(dotted), dotted
    for app in namespace["INSTALLED_APPS"]:
        __import__(app)


def test_the_two_lines_users_write_keep_working() -> None:
    from django.urls import include

    assert callable(berth.configure)
    module, _, _ = include("berth.urls")
    assert [pattern.name for pattern in module.urlpatterns[:2]] == ["berth-healthz", "berth-readyz"]


def _proxied_storage_url() -> str:
    return "s3://KEY:SECRET@media?endpoint_url=http://storage:9000&public_url=/storage"
