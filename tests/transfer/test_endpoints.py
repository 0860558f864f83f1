"""Which of an environment's DSNs berth uses from here, and which only its containers' berth reaches."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.processes import child_environment
from tests.transfer.helpers import fingerprint

from berth.cli import main
from berth.services.postgres import PostgresServer
from berth.transfer.endpoints import resolve
from berth.transfer.errors import TransferError


def _project(folder: Path, env_file: dict[str, str], prefix: dict[str, str] | None) -> None:
    """Environment ``prod``: ``env_file`` here; inside its "containers" (``env`` as the exec
    prefix), the variables ``prefix`` sets; None: no exec prefix (``exec = []``)."""
    (folder / "prod.env").write_text("".join(f"{k}={v}\n" for k, v in env_file.items()))
    words = [] if prefix is None else ["env", *(f"{k}={v}" for k, v in prefix.items())]
    (folder / "berth.toml").write_text(
        "[environments.prod]\n"
        "exec = [" + ", ".join(f'"{word}"' for word in words) + "]\n"
        'env_file = "prod.env"\n'
        f'berth = ["{sys.executable}", "-m", "berth"]\n'
    )
    (folder / "manage.py").write_text("")


def test_push_into_a_sidecar_on_localhost_goes_to_the_environment_not_this_machine(
    tmp_path: Path, source_url: str, local_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """production's env_file names localhost:5432 (its Cloud SQL proxy); so does the laptop's own
    PostgreSQL, which answers: the push must still go through the containers."""
    here_too = local_url.replace("127.0.0.1", "localhost")
    _project(tmp_path, {"DATABASE_URL": here_too}, {"DATABASE_URL": source_url})
    monkeypatch.chdir(tmp_path)
    local_before = fingerprint(local_url)
    assert not resolve("prod").database_is_direct
    assert main(["db", "push", "prod", "--yes"]) == 0
    assert fingerprint(source_url) == fingerprint(local_url) == local_before


@pytest.mark.parametrize(
    "url",
    [
        "postgres://app:pw@127.0.0.1:{port}/app",
        "postgres://app:pw@[::1]:{port}/app",
        "postgres://app:pw@%2Frun%2Fpostgresql/app",
        "postgres://app:pw@/app",
        "sqlite:///data/db.sqlite3",
        "sqlite:///{here}/db.sqlite3",
    ],
)
def test_a_dsn_on_the_environments_own_machine_is_reached_through_its_containers(
    tmp_path: Path, postgres_server: PostgresServer, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = url.format(port=postgres_server.port, here=tmp_path)
    (tmp_path / "data").mkdir()
    for path in (tmp_path / "data" / "db.sqlite3", tmp_path / "db.sqlite3"):
        path.write_bytes(b"")  # a file of the same name here is not the environment's
    _project(tmp_path, {"DATABASE_URL": url}, {})
    monkeypatch.chdir(tmp_path)
    assert not resolve("prod").database_is_direct


@pytest.mark.parametrize(
    ("url", "named"),
    [
        ("postgres://app:secret@localhost:5432/app", "localhost"),
        ("postgres://app:secret@/app", "a unix socket"),
        ("sqlite:///data/db.sqlite3", "a relative SQLite path (data/db.sqlite3)"),
    ],
)
def test_without_an_exec_prefix_such_a_dsn_is_refused_in_one_line(
    tmp_path: Path,
    url: str,
    named: str,
    local_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _project(tmp_path, {"DATABASE_URL": url}, None)
    monkeypatch.chdir(tmp_path)
    prod = resolve("prod")  # its storage is still reached: the database is looked at when asked
    with pytest.raises(TransferError, match=re.escape(f"on {named}, which here is this machine")):
        prod.database_is_direct  # noqa: B018 - the property refuses
    before = fingerprint(local_url)
    assert main(["db", "push", "prod", "--yes"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "secret" not in err
    assert err.startswith("berth: environment 'prod': its env_file's DATABASE_URL is on ")
    assert fingerprint(local_url) == before


def test_locals_own_env_file_on_localhost_is_this_machine(
    tmp_path: Path, local_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "local.env").write_text(f"DATABASE_URL={local_url}\n")
    (tmp_path / "berth.toml").write_text('[environments.local]\nenv_file = "local.env"\n')
    monkeypatch.chdir(tmp_path)
    local = resolve("local")
    assert local.database_is_direct and local.database().url == local_url


@pytest.mark.parametrize(
    "database_url",
    [
        "postgres://app:secret@db:54x2/app",  # malformed
        "postgres://app:secret@localhost:5432/app",  # refused for an environment without a prefix
    ],
)
def test_media_never_looks_at_the_database_url(
    tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    media = tmp_path / "prod-media"
    (media / "photos").mkdir(parents=True)
    (media / "photos" / "a.jpg").write_bytes(b"jpeg")
    _project(tmp_path, {"DATABASE_URL": database_url, "STORAGE_URL": f"file://{media}"}, None)
    monkeypatch.chdir(tmp_path)
    assert main(["media", "pull", "prod"]) == 0
    assert (tmp_path / "data" / "media" / "photos" / "a.jpg").read_bytes() == b"jpeg"


def test_resolving_local_loads_neither_djangos_templates_nor_berth_init(tmp_path: Path) -> None:
    # local is berth up's (berth.up.attach), whose trees share berth init's .dockerignore
    # matcher: a db pull or media push from local must not load init's template engine
    # (0.1-0.2 s) before the other side starts.
    (tmp_path / "manage.py").write_text("")
    script = (
        "import sys; from berth.transfer.endpoints import LOCAL, resolve; "
        f"resolve(LOCAL, __import__('pathlib').Path({str(tmp_path)!r})); "
        "print(sorted(m for m in sys.modules if m.startswith(('django.template', "
        "'berth.scaffold.render'))))"
    )
    found = subprocess.run(
        [sys.executable, "-c", script],
        env=child_environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    assert found.stdout.strip() == "[]"


_LITERAL_POSTGRES = """
SECRET_KEY = "k" * 50
INSTALLED_APPS = []
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop",
        "USER": "app",
        "PASSWORD": "p@ss word",
        "HOST": "db.internal",
        "PORT": 5432,
        "OPTIONS": {"sslmode": "verify-full", "application_name": "shop web", "pool": True},
    }
}
"""


def test_local_from_literal_postgresql_settings_keeps_their_libpq_options(tmp_path: Path) -> None:
    """`local` built from a project's own DATABASES dropped OPTIONS: a transfer connected
    without the sslmode its settings require."""
    (tmp_path / "manage.py").write_text(
        "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop_settings')\n"
    )
    (tmp_path / "shop_settings.py").write_text(_LITERAL_POSTGRES)
    script = (
        "import json; from berth.transfer.endpoints import LOCAL, resolve; "
        f"d = resolve(LOCAL, __import__('pathlib').Path({str(tmp_path)!r})).database(); "
        "print(json.dumps(d.connect_options()))"
    )
    found = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=child_environment(),
        capture_output=True,
        text=True,
        check=True,
    )
    options = json.loads(found.stdout.strip().splitlines()[-1])
    assert options == {
        "dbname": "shop",
        "host": "db.internal",
        "port": 5432,
        "user": "app",
        "password": "p@ss word",
        "sslmode": "verify-full",
        "application_name": "shop web",
        "connect_timeout": 3,  # berth's own, as for any DATABASE_URL that sets none
    }
