from __future__ import annotations

from pathlib import Path

import pytest

from berth.project import find_project
from berth.scaffold.detect import DEFAULT_PYTHON, ScaffoldError, detect_stack


def _project(root: Path, settings: str = "", files: dict[str, str] | None = None) -> Path:
    (root / ".git").mkdir(parents=True)
    (root / "manage.py").write_text(
        'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")\n'
    )
    (root / "shop").mkdir()
    (root / "shop" / "__init__.py").write_text("")
    (root / "shop" / "settings.py").write_text(settings)
    (root / "shop" / "wsgi.py").write_text("application = None\n")
    (root / "shop" / "asgi.py").write_text("application = None\n")
    for name, text in (
        files if files is not None else {"requirements.txt": "django-berth\n"}
    ).items():
        (root / name).write_text(text)
    return root


def test_reads_the_settings_module_and_prefers_wsgi_when_both_exist(tmp_path: Path) -> None:
    stack = detect_stack(find_project(_project(tmp_path)))
    assert stack.settings_module == "shop.settings"
    assert (stack.application, stack.asgi) == ("shop.wsgi:application", False)
    assert stack.name == "shop"
    assert stack.python_version == DEFAULT_PYTHON
    assert stack.has_berth_dependency


def test_asgi_when_the_settings_ask_for_it(tmp_path: Path) -> None:
    root = _project(tmp_path, 'ASGI_APPLICATION = "shop.asgi.application"\n')
    stack = detect_stack(find_project(root))
    assert (stack.application, stack.asgi) == ("shop.asgi:application", True)


def test_asgi_when_it_is_the_only_entry_point(tmp_path: Path) -> None:
    root = _project(tmp_path)
    (root / "shop" / "wsgi.py").unlink()
    assert detect_stack(find_project(root)).asgi


@pytest.mark.parametrize(
    ("files", "kind", "name"),
    [
        ({"requirements.txt": "django\n"}, "requirements", "requirements.txt"),
        ({"pyproject.toml": "[project]\n"}, "pyproject", "pyproject.toml"),
        ({"pyproject.toml": "[project]\n", "uv.lock": ""}, "uv", "uv.lock"),
        ({"pyproject.toml": "[project]\n", "poetry.lock": ""}, "poetry", "poetry.lock"),
        ({"requirements.txt": "", "uv.lock": "", "pyproject.toml": ""}, "uv", "uv.lock"),
    ],
)
def test_dependency_file(tmp_path: Path, files: dict[str, str], kind: str, name: str) -> None:
    stack = detect_stack(find_project(_project(tmp_path, files=files)))
    assert (stack.dependency_kind, stack.dependency_file) == (kind, name)
    assert not stack.has_berth_dependency


def test_no_dependency_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(
        ScaffoldError, match="requirements.txt, pyproject.toml, uv.lock or poetry.lock"
    ):
        detect_stack(find_project(_project(tmp_path, files={})))


def test_a_pyproject_without_a_project_table_is_no_dependency_file(tmp_path: Path) -> None:
    # Just berth's own table: `uv pip install -r pyproject.toml` would fail at build time.
    root = _project(tmp_path, files={"pyproject.toml": "[tool.berth]\nreplicas = 2\n"})
    with pytest.raises(ScaffoldError) as refused:
        detect_stack(find_project(root))
    assert str(refused.value) == (
        f"{root / 'pyproject.toml'} names no dependencies (no [project] or [tool.poetry] table): "
        "the image installs the project's dependencies from requirements.txt, pyproject.toml, "
        "uv.lock or poetry.lock; `pip freeze --exclude-editable > requirements.txt` makes a start"
    )


def test_a_dependency_file_outside_the_build_context_is_refused(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\n")
    root = _project(tmp_path / "src", files={})
    (root / ".git").rmdir()
    (tmp_path / ".git").mkdir()
    with pytest.raises(ScaffoldError, match="outside the build context"):
        detect_stack(find_project(root))


def test_python_version_from_dot_python_version(tmp_path: Path) -> None:
    root = _project(tmp_path, files={"requirements.txt": "", ".python-version": "3.12.4\n"})
    assert detect_stack(find_project(root)).python_version == "3.12"
