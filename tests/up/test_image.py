"""The image replicas start from: the project copied once, with its static files collected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.integration.throwaway import write_project
from tests.processes import REPO, child_environment

from berth.project import find_project
from berth.up.errors import UpError
from berth.up.image import build_image


def test_the_reference_project_gets_its_static_files_and_manifest(tmp_path: Path) -> None:
    build_image(find_project(REPO / "example"), tmp_path / "image", child_environment())
    manifest = json.loads((tmp_path / "image" / "staticfiles" / "staticfiles.json").read_text())
    assert "gallery/gallery.css" in manifest["paths"]
    assert (tmp_path / "image" / "manage.py").is_file()
    assert not list((tmp_path / "image").rglob("__pycache__"))


def test_a_project_without_the_staticfiles_app_is_copied_only(tmp_path: Path) -> None:
    project = find_project(write_project(tmp_path / "project"))
    build_image(project, tmp_path / "image", child_environment())
    assert (tmp_path / "image" / "throwaway" / "settings.py").is_file()
    assert not (tmp_path / "image" / "staticfiles").exists()


def test_settings_that_fail_to_load_fail_the_build(tmp_path: Path) -> None:
    project = find_project(write_project(tmp_path / "project"))
    with (project.root / "throwaway" / "settings.py").open("a") as settings:
        settings.write("raise RuntimeError('broken settings')\n")
    with pytest.raises(UpError, match=r"^collectstatic failed: .*RuntimeError: broken settings$"):
        build_image(project, tmp_path / "image", child_environment())


def test_files_the_build_writes_through_storage_are_named(tmp_path: Path) -> None:
    project = find_project(write_project(tmp_path / "project"))
    # What django-photologue does at import: a marker file saved through default_storage.
    with (project.root / "docs" / "models.py").open("a") as models:
        models.write(
            "\nfrom django.core.files.base import ContentFile\n"
            "from django.core.files.storage import default_storage\n"
            "if not default_storage.exists('cache/CACHEDIR.TAG'):\n"
            "    default_storage.save('cache/CACHEDIR.TAG', ContentFile(b'Signature'))\n"
        )
    image = build_image(project, tmp_path / "image", child_environment())
    assert image.written == ["data/media/cache/CACHEDIR.TAG"]
    assert (
        build_image(find_project(REPO / "example"), tmp_path / "again", child_environment()).written
        == []
    )


def test_the_image_leaves_out_data_dumps_secrets_and_what_the_dockerignore_does(
    tmp_path: Path,
) -> None:
    project = find_project(write_project(tmp_path / "project"))
    root = project.root
    for name in (
        "data/db.sqlite3",
        "data/media/photo.jpg",
        "db.sqlite3",
        "prod.dump",
        "backups/2026/prod.dump",
        ".env",
        ".env.production",
        ".env.example",
        ".berth/postgres/PG_VERSION",
        "notes/private.txt",
        "notes/README.md",
        "docs/data/fixture.json",
    ):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(name)
    # The project's own .dockerignore counts, as docker build reads it.
    (root / ".dockerignore").write_text("# mine\nnotes\n!notes/README.md\n")
    build_image(project, tmp_path / "image", child_environment())
    image = tmp_path / "image"
    copied = {str(path.relative_to(image)) for path in image.rglob("*") if path.is_file()}
    assert {
        "manage.py",
        ".env.example",
        ".dockerignore",
        "notes/README.md",
        "docs/data/fixture.json",
    } <= copied
    assert copied.isdisjoint(
        {
            "data/db.sqlite3",
            "data/media/photo.jpg",
            "db.sqlite3",
            "prod.dump",
            "backups/2026/prod.dump",
            ".env",
            ".env.production",
            ".berth/postgres/PG_VERSION",
            "notes/private.txt",
        }
    )
