"""What ``berth up --watch`` makes of a save: a new image from the served one and the changed
files, whose static files are collected again only when their sources changed."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest
from tests.integration.throwaway import write_project
from tests.processes import child_environment

from berth.project import find_project
from berth.up.errors import UpError
from berth.up.image import build_image, prepare_image, run_in_image, update_image


def test_an_update_copies_the_changed_paths_over_the_served_image(tmp_path: Path) -> None:
    root, served = tmp_path / "project", tmp_path / "image-0"
    for name, text in {
        "shop/views.py": "old",
        "shop/gone.py": "x",
        "shop/icons": "a file, then a folder",
        "staticfiles/app.css": "collected",  # only in the image: the build made it
    }.items():
        (served / name).parent.mkdir(parents=True, exist_ok=True)
        (served / name).write_text(text)
    for name, text in {
        "shop/views.py": "new",
        "shop/added.py": "y",
        "shop/icons/a.svg": "<svg/>",
    }.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    os.symlink("views.py", root / "shop" / "link.py")
    update_image(
        root,
        served,
        tmp_path / "image-1",
        [
            "shop/views.py",
            "shop/gone.py",
            "shop/added.py",
            "shop/icons",
            "shop/icons/a.svg",
            "shop/link.py",
        ],
    )
    image = tmp_path / "image-1"
    files = {
        path.relative_to(image).as_posix(): path.read_text()
        for path in image.rglob("*")
        if path.is_file()
    }
    assert files == {
        "shop/views.py": "new",
        "shop/added.py": "y",
        "shop/icons/a.svg": "<svg/>",
        "shop/link.py": "new",
        "staticfiles/app.css": "collected",
    }
    assert os.readlink(image / "shop" / "link.py") == "views.py"
    assert (served / "shop" / "views.py").read_text() == "old"


def _project(root: Path) -> tuple[Path, dict[str, str]]:
    """The throwaway project with the staticfiles app and one static file of its own."""
    write_project(root)
    settings = root / "throwaway" / "settings.py"
    settings.write_text(
        settings.read_text().replace('"docs"]', '"docs", "django.contrib.staticfiles"]')
    )
    (root / "docs" / "static" / "docs").mkdir(parents=True)
    (root / "docs" / "static" / "docs" / "site.css").write_text("body { margin: 0; }\n")
    project = find_project(root)
    return root, {"DJANGO_SETTINGS_MODULE": project.settings_module, **child_environment()}


def test_static_files_are_collected_again_only_when_their_sources_change(
    tmp_path: Path,
) -> None:
    root, env = _project(tmp_path / "project")
    served = build_image(find_project(root), tmp_path / "image-0", env)
    assert served.static_key

    views = root / "docs" / "views.py"
    views.write_text(views.read_text() + "\n# edited\n")
    update_image(root, tmp_path / "image-0", tmp_path / "image-1", ["docs/views.py"])
    manifest = tmp_path / "image-1" / "staticfiles" / "staticfiles.json"
    collected_at = manifest.stat().st_mtime_ns
    assert prepare_image(tmp_path / "image-1", env, served.static_key) == served.static_key
    assert manifest.stat().st_mtime_ns == collected_at

    css = root / "docs" / "static" / "docs" / "site.css"
    css.write_text("body { margin: 1em; }\n")
    update_image(root, tmp_path / "image-1", tmp_path / "image-2", ["docs/static/docs/site.css"])
    manifest = tmp_path / "image-2" / "staticfiles" / "staticfiles.json"
    before = json.loads(manifest.read_text())["paths"]["docs/site.css"]
    assert prepare_image(tmp_path / "image-2", env, served.static_key) != served.static_key
    assert json.loads(manifest.read_text())["paths"]["docs/site.css"] != before


def test_code_that_does_not_import_is_one_line_naming_file_and_line(tmp_path: Path) -> None:
    root, env = _project(tmp_path / "image")
    views = root / "docs" / "views.py"
    views.write_text(views.read_text() + "\ndef broken(:\n")
    with pytest.raises(UpError, match=r"^docs/views\.py, line \d+: SyntaxError: "):
        prepare_image(root, env, "", "throwaway.wsgi")


def test_a_check_for_a_running_berth_up_has_a_session_of_its_own_and_stops_with_it(
    tmp_path: Path,
) -> None:
    stopping = threading.Event()
    code = "import os, sys, time; print(os.getsid(0), flush=True); time.sleep(30)"
    threading.Timer(0.5, stopping.set).start()
    started = time.monotonic()
    result = run_in_image(tmp_path, child_environment(), [code], 60, stopping)
    assert time.monotonic() - started < 5
    assert result.returncode < 0
    assert int(result.stdout) not in (os.getsid(0), 0)
