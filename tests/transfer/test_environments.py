"""A second "environment": a local command with its own DSNs, which the test's environment lacks.

berth reaches its database and bucket only through its exec prefix; the copies are identical.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import fresh_database
from tests.s3_server import S3Bucket
from tests.transfer.helpers import fill, fingerprint, write_environments

from berth.cli import main
from berth.services.postgres import PostgresServer
from berth.transfer.endpoints import local_variables, resolve


def test_pull_database_and_media_from_an_environment_only_its_exec_prefix_reaches(
    postgres_server: PostgresServer,
    s3_bucket: S3Bucket,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    client = s3_bucket.client()
    objects = {f"media/photos/{i}.jpg": os.urandom(1000 + i) for i in range(20)}
    objects["media/big.bin"] = os.urandom(9 << 20)
    for key, body in objects.items():
        client.put_object(Bucket=s3_bucket.name, Key=key, Body=body)
    storage_url = s3_bucket.storage_url.replace("?", "/media?", 1)
    with fresh_database(postgres_server) as source, fresh_database(postgres_server) as local:
        fill(source, note="prod-")
        write_environments(tmp_path, prod={"DATABASE_URL": source, "STORAGE_URL": storage_url})
        monkeypatch.chdir(tmp_path)
        monkeypatch.setenv("DATABASE_URL", local)  # local: this shell's database
        assert source not in os.environ.values() and storage_url not in os.environ.values()
        prod = resolve("prod")
        assert not prod.database_is_direct and not prod.storage_is_direct

        assert main(["db", "pull", "prod", "--yes"]) == 0
        assert main(["media", "pull", "prod"]) == 0

        assert fingerprint(local) == fingerprint(source)
    media = tmp_path / "data" / "media"  # local's embedded file storage
    copied = {
        "media/" + str(path.relative_to(media)): path.read_bytes()
        for path in media.rglob("*")
        if path.is_file()
    }
    assert copied == objects


def test_local_variables_without_a_berth_up_are_the_embedded_defaults(tmp_path: Path) -> None:
    # With a running berth up they are its replicas' (tests/up/test_attach.py).
    assert local_variables(tmp_path, {}) == {
        "DATABASE_URL": f"sqlite:///{tmp_path}/data/db.sqlite3",
        "STORAGE_URL": f"file://{tmp_path}/data/media",
    }
    # The environment's own values win, as they do for berth up.
    assert local_variables(tmp_path, {"DATABASE_URL": "postgres://x@db/x"})["DATABASE_URL"] == (
        "postgres://x@db/x"
    )


def test_local_without_a_berth_up_is_the_database_and_media_django_uses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # startproject's DATABASES (BASE_DIR / "db.sqlite3"), as berth env shows it, not berth's
    # data/db.sqlite3; media stay berth's data/media/, which berth.configure() gives Django.
    from tests.up.test_startproject import startproject

    (tmp_path / "mysite").mkdir()
    project = startproject(tmp_path / "mysite")
    for name in ("DATABASE_URL", "STORAGE_URL", "DEFAULT_STORAGE_DSN", "DJANGO_SETTINGS_MODULE"):
        monkeypatch.delenv(name, raising=False)
    assert local_variables(project, {"PATH": os.environ["PATH"]}) == {
        "DATABASE_URL": f"sqlite:///{project}/db.sqlite3",
        "STORAGE_URL": f"file://{project}/data/media",
    }
    monkeypatch.chdir(project)
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], check=True)
    assert main(["db", "dump", "-o", str(tmp_path / "local.dump")]) == 0
    assert (tmp_path / "local.dump").stat().st_size > 0
