"""``berth env``: what Django will use, from the project's own settings loaded as manage.py
loads them, each value with its source (down to the settings file and line), secrets masked."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from tests.processes import child_environment
from tests.s3_server import S3Bucket
from tests.up.harness import berth_up
from tests.up.test_startproject import startproject

from berth.cli import main

PASSWORD = "pa55-w0rd-xyzzy"


def test_malformed_database_url_exits_non_zero_without_the_password(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"postgres://app:{PASSWORD}@db:54x2/shop")
    monkeypatch.setenv("SECRET_KEY", "k" * 50)
    assert main(["env"]) == 2
    out, err = capsys.readouterr()
    assert PASSWORD not in out + err
    assert err.strip().splitlines() == [err.strip()], "one line"
    assert err.startswith("berth: DATABASE_URL: ")
    assert "STORAGE_URL=" in out, "every other variable is still shown"


def test_database_url_without_secret_key_shows_every_other_line_and_both_errors(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"postgres://app:{PASSWORD}@db:54x2/shop")
    assert main(["env"]) == 2
    out, err = capsys.readouterr()
    assert [line.split(":")[1] for line in err.splitlines()] == [" DATABASE_URL", " SECRET_KEY"]
    assert "WEB_CONCURRENCY=" in out and PASSWORD not in out + err


def test_malformed_database_url_in_a_real_process() -> None:
    env = {"PATH": "/usr/bin:/bin", "DATABASE_URL": f"postgresql://app:{PASSWORD}@[db/shop"}
    result = subprocess.run(
        [sys.executable, "-m", "berth", "env"], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode != 0
    assert PASSWORD not in result.stdout + result.stderr
    assert "DATABASE_URL" in result.stderr


def test_shows_sources_and_masks_secrets(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"postgres://app:{PASSWORD}@db:5432/shop")
    monkeypatch.setenv(
        "STORAGE_URL", "s3://KEY:S3CRET%2Fx@photos?endpoint_url=http://127.0.0.1:9000"
    )
    monkeypatch.setenv("SECRET_KEY", "very-secret-key-value")
    assert main(["env", "--json"]) == 0
    out = capsys.readouterr().out
    assert PASSWORD not in out and "S3CRET" not in out and "very-secret-key-value" not in out
    rows = {row["name"]: row for row in json.loads(out)["variables"]}
    assert rows["DATABASE_URL"]["source"] == "environment"
    assert rows["DATABASE_URL"]["value"] == "postgres://app:***@db:5432/shop"
    assert rows["DATABASE_URL"]["resolved"] == "django.db.backends.postgresql db:5432/shop"
    assert "bucket=photos endpoint=http://127.0.0.1:9000" in rows["STORAGE_URL"]["resolved"]
    assert rows["SECRET_KEY"]["value"] == "***"
    assert rows["CACHE_URL"]["source"] == "default"
    assert rows["DEBUG"]["value"] == "off"


def test_plain_output_names_the_embedded_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["env"]) == 0
    out = capsys.readouterr().out
    assert "DATABASE_URL=sqlite:///" in out and "[default]" in out
    assert "DEBUG=on  [default]" in out


def test_help_in_a_real_process() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "berth", "--help"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and "env" in result.stdout


# -- in a project: its settings, loaded as manage.py loads them ---------------------------------


@pytest.fixture
def in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    # pytest-django's unit-test settings; manage.py would take an exported one at its word too.
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)


def env_json(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, dict[str, Any], str]:
    code = main(["env", "--json", *args])
    out, err = capsys.readouterr()
    return code, json.loads(out), err


def rows(document: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {row["name"]: row for row in document["variables"]}


def line_of(path: Path, text: str) -> int:
    """The number of the first line of ``path`` holding ``text``."""
    return next(n for n, line in enumerate(path.read_text().splitlines(), 1) if text in line)


@pytest.mark.usefixtures("in_project")
def test_a_fresh_startproject_shows_its_own_database_and_hosts_read_as_unset(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = startproject(tmp_path)
    monkeypatch.chdir(project / "mysite")  # from a subfolder, as manage.py's folder is found
    code, document, err = env_json(capsys)
    assert (code, err) == (0, "")
    assert document["settings"] == "mysite.settings"
    found = rows(document)
    settings = project / "mysite" / "settings.py"
    database = found["DATABASE_URL"]
    assert (database["source"], database["where"]) == (
        "project settings",
        f"mysite/settings.py:{line_of(settings, 'default')}",
    )
    assert database["resolved"] == f"django.db.backends.sqlite3 {project / 'db.sqlite3'}"
    assert "data" not in document["embedded"] and document["embedded"] == ["storage"]
    hosts = found["ALLOWED_HOSTS"]
    assert (hosts["source"], hosts["resolved"]) == (
        "default",
        "ALLOWED_HOSTS = [] in settings read as unset",
    )
    assert found["DEBUG"]["where"] == f"mysite/settings.py:{line_of(settings, 'DEBUG = True')}"
    assert found["SECRET_KEY"]["value"] == "***" and "django-insecure" not in json.dumps(document)

    monkeypatch.setenv("DATABASE_URL", f"postgres://app:{PASSWORD}@db:5432/shop")
    code, document, _ = env_json(capsys)
    database = rows(document)["DATABASE_URL"]
    assert (database["source"], database["where"]) == ("environment", "")
    assert database["value"] == "postgres://app:***@db:5432/shop"


@pytest.mark.usefixtures("in_project")
def test_plain_output_names_the_settings_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = startproject(tmp_path)
    monkeypatch.chdir(project)
    assert main(["env"]) == 0
    out = capsys.readouterr().out
    line = line_of(project / "mysite" / "settings.py", "TIME_ZONE")
    assert f"TIME_ZONE=UTC  [project settings mysite/settings.py:{line}]" in out


@pytest.mark.usefixtures("in_project")
def test_the_terminal_table_folds_rather_than_cuts_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = startproject(tmp_path)
    monkeypatch.chdir(project)
    monkeypatch.setenv("FORCE_COLOR", "1")  # rich draws its table as on a terminal
    line = line_of(project / "mysite" / "settings.py", "TIME_ZONE")
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["env"]) == 0
    out = re.sub(r"\x1b\[[0-9;]*m", "", capsys.readouterr().out)
    assert re.search(rf"TIME_ZONE +project settings mysite/settings.py:{line} +UTC", out)
    assert "Settings: mysite.settings" in out and "django-insecure" not in out
    monkeypatch.setenv("COLUMNS", "60")
    assert main(["env"]) == 0
    assert "\u2026" not in capsys.readouterr().out


def twelve_factor(folder: Path) -> Path:
    """A startproject that leaves DEBUG and SECRET_KEY to the environment."""
    project = startproject(folder)
    settings = project / "mysite" / "settings.py"
    text = re.sub(r"\nSECRET_KEY = .*\n", "\n", settings.read_text())
    settings.write_text(text.replace("\nDEBUG = True\n", "\n"))
    return project


@pytest.mark.usefixtures("in_project")
def test_database_url_without_secret_key_shows_every_other_line_and_the_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(twelve_factor(tmp_path))
    monkeypatch.setenv("DATABASE_URL", f"postgres://app:{PASSWORD}@db:5432/shop")
    assert main(["env"]) == 2
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        "berth: SECRET_KEY: is required when DEBUG is off; set it to a long random value, "
        "e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    ]
    shown = [line.partition("=")[0] for line in out.splitlines()]
    assert shown == [
        "DATABASE_URL",
        "STORAGE_URL",
        "CACHE_URL",
        "EMAIL_URL",
        "DEBUG",
        "ALLOWED_HOSTS",
        "TIME_ZONE",
        "STATIC_URL",
        "STATIC_ROOT",
        "LOG_LEVEL",
        "LOG_FORMAT",
        "SENTRY_DSN",
        "PORT",
        "WEB_CONCURRENCY",
    ]
    assert PASSWORD not in out + err


def split_settings(folder: Path, production: str) -> Path:
    """startproject's settings moved to mysite/settings/base.py, with ``production`` over it."""
    project = startproject(folder)
    package = project / "mysite" / "settings"
    package.mkdir()
    base = (project / "mysite" / "settings.py").read_text()
    (project / "mysite" / "settings.py").unlink()
    base = base.replace(
        "Path(__file__).resolve().parent.parent", "Path(__file__).resolve().parents[2]"
    )
    (package / "__init__.py").write_text("")
    (package / "base.py").write_text(
        base.replace("\nimport berth\n\nberth.configure(globals())\n", "")
    )
    (package / "production.py").write_text(production)
    manage = project / "manage.py"
    manage.write_text(manage.read_text().replace("mysite.settings", "mysite.settings.production"))
    return project


@pytest.mark.usefixtures("in_project")
def test_split_settings_name_the_base_module_that_wrote_each_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = split_settings(
        tmp_path,
        "from .base import *  # noqa\n\nTIME_ZONE = 'Europe/Zurich'\n\n"
        "import berth\n\nberth.configure(globals())\n",
    )
    monkeypatch.chdir(project)
    code, document, err = env_json(capsys)
    assert (code, err, document["settings"]) == (0, "", "mysite.settings.production")
    found = rows(document)
    base = project / "mysite" / "settings" / "base.py"
    assert found["DATABASE_URL"]["where"] == f"mysite/settings/base.py:{line_of(base, 'default')}"
    assert found["DATABASE_URL"]["resolved"].endswith(str(project / "db.sqlite3"))
    assert (found["TIME_ZONE"]["value"], found["TIME_ZONE"]["where"]) == (
        "Europe/Zurich",
        "mysite/settings/production.py:3",
    )


@pytest.mark.usefixtures("in_project")
def test_a_value_assigned_after_configure_is_shown_as_the_one_django_gets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = split_settings(
        tmp_path,
        "from .base import *  # noqa\nimport berth\n\nberth.configure(globals())\n\n"
        "ALLOWED_HOSTS = ['shop.example.com']\n",
    )
    monkeypatch.chdir(project)
    _, document, _ = env_json(capsys)
    hosts = rows(document)["ALLOWED_HOSTS"]
    assert hosts == {
        "name": "ALLOWED_HOSTS",
        "source": "project settings",
        "value": "(ALLOWED_HOSTS in settings, after berth.configure())",
        "resolved": "replaces what berth resolved",
        "where": "mysite/settings/production.py:6",
    }


DJANGO_ENVIRON = """
import environ

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

SECRET_KEY = env("SECRET_KEY")
DEBUG = env.bool("DEBUG", default=False)
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'app.sqlite3'}")}

import berth

berth.configure(globals())
"""


@pytest.mark.usefixtures("in_project")
def test_a_django_environ_project_reads_its_env_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = startproject(tmp_path)
    settings = project / "mysite" / "settings.py"
    text = settings.read_text().replace("\nimport berth\n\nberth.configure(globals())\n", "")
    text = re.sub(r"\nSECRET_KEY = .*\n", "\n", text).replace("\nDEBUG = True\n", "\n")
    text = re.sub(r"\nDATABASES = \{.*?\n\}\n", "\n", text, flags=re.S)
    settings.write_text(text + DJANGO_ENVIRON)
    monkeypatch.chdir(project)

    # Without SECRET_KEY, django-environ stops the settings: named, and berth's own shown.
    code, document, err = env_json(capsys)
    assert code == 2 and document["errors"] == [err.removeprefix("berth: ").strip()]
    assert err.startswith(
        "berth: DJANGO_SETTINGS_MODULE: mysite.settings failed to load (ImproperlyConfigured: "
        "Set the SECRET_KEY environment variable); shown: berth's resolution without"
    )

    secret = "env-file-secret-value-123456"
    (project / ".env").write_text(f"SECRET_KEY={secret}\n")
    code, document, err = env_json(capsys)
    assert (code, err) == (0, "")
    found = rows(document)
    assert found["DATABASE_URL"]["where"] == f"mysite/settings.py:{line_of(settings, 'env.db(')}"
    assert (
        found["DATABASE_URL"]["resolved"] == f"django.db.backends.sqlite3 {project / 'app.sqlite3'}"
    )
    assert found["DEBUG"]["value"] == "off"
    # read_env put it in os.environ, so berth reads it as the environment's: said so.
    assert found["SECRET_KEY"] == {
        "name": "SECRET_KEY",
        "source": "environment",
        "value": "***",
        "resolved": "",
        "where": "set in os.environ by mysite.settings as it loaded",
    }
    assert secret not in json.dumps(document)

    monkeypatch.setenv("DATABASE_URL", f"postgres://app:{PASSWORD}@db:5432/shop")
    _, document, _ = env_json(capsys)
    assert rows(document)["DATABASE_URL"]["source"] == "environment"
    assert PASSWORD not in json.dumps(document)


def test_settings_that_do_not_call_configure_are_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("DJANGO_SETTINGS_MODULE", raising=False)
    subprocess.run(
        [sys.executable, "-m", "django", "startproject", "mysite", str(tmp_path)], check=True
    )
    monkeypatch.chdir(tmp_path)
    code, document, err = env_json(capsys)
    assert code == 2
    assert err == (
        "berth: DJANGO_SETTINGS_MODULE: mysite.settings does not call "
        "berth.configure(globals()): Django gets its own values, not these\n"
    )
    # What berth would resolve from them: nothing is "assigned after configure()".
    found = rows(document)
    assert found["DATABASE_URL"]["value"] == "(DATABASES in settings)"
    assert found["STORAGE_URL"]["source"] == found["ALLOWED_HOSTS"]["source"] == "default"


# -- berth env ENVIRONMENT ----------------------------------------------------------------------


@pytest.mark.usefixtures("in_project")
def test_a_named_environment_shows_its_env_file_not_this_shell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = twelve_factor(tmp_path)
    (project / "berth.toml").write_text(
        '[environments.production]\nexec = ["true"]\nenv_file = "production.env"\n'
    )
    (project / "production.env").write_text(
        f"DATABASE_URL=postgres://app:{PASSWORD}@prod-db:5432/shop\nSECRET_KEY=prod-key-0123456789\n"
    )
    monkeypatch.chdir(project)
    monkeypatch.setenv("CACHE_URL", "redis://localhost:6379/0")  # this shell's, not production's
    code, document, err = env_json(capsys, "production")
    assert (code, err, document["environment"]) == (0, "", "production")
    found = rows(document)
    assert found["DATABASE_URL"]["value"] == "postgres://app:***@prod-db:5432/shop"
    assert found["CACHE_URL"]["source"] == "default"
    assert found["DEBUG"]["resolved"] == "served by its server: on only when DEBUG is set"
    assert "prod-key" not in json.dumps(document) and PASSWORD not in json.dumps(document)


@pytest.mark.usefixtures("in_project")
def test_an_environment_without_env_file_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = startproject(tmp_path)
    (project / "berth.toml").write_text('[environments.production]\nexec = ["true"]\n')
    monkeypatch.chdir(project)
    assert main(["env", "production"]) == 1
    assert capsys.readouterr().err == (
        "berth: environment 'production' has no env_file, so its variables are only in its "
        "containers: berth exec production -- berth env shows them there\n"
    )


@pytest.mark.usefixtures("in_project")
def test_local_without_berth_up_is_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project = startproject(tmp_path)
    monkeypatch.chdir(project)
    assert main(["env", "local"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    assert err.startswith(
        f"berth: local is what berth up's replicas get: no berth up is running in {project}"
    )


REPLICA_SETTINGS = (
    "import json; from django.conf import settings as s; "
    "print(json.dumps([s.DEBUG, s.ALLOWED_HOSTS, s.DATABASES['default']['HOST'], "
    "s.DATABASES['default']['NAME'], s.STORAGES['default']['OPTIONS']['bucket_name']]))"
)


def test_local_is_exactly_what_berth_ups_replicas_get(
    tmp_path: Path, module_database_url: str, module_s3_bucket: S3Bucket
) -> None:
    project = startproject(tmp_path)
    env = child_environment(
        DATABASE_URL=module_database_url, STORAGE_URL=module_s3_bucket.storage_url
    )
    with berth_up(project, env, replicas=1) as running:
        running.wait_ready(1)

        def berth(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [sys.executable, "-m", "berth", *args],
                cwd=project,
                env=child_environment(),  # nothing of berth up's: it must come from berth up
                capture_output=True,
                text=True,
                timeout=120,
            )

        shown = berth("env", "local", "--json")
        inside = berth("shell", "local", "--replica", "web-1", "-c", REPLICA_SETTINGS)
    assert shown.returncode == 0, shown.stderr
    assert inside.returncode == 0, inside.stderr
    debug, hosts, host, name, bucket = json.loads(inside.stdout.strip().splitlines()[-1])
    found = rows(json.loads(shown.stdout))
    assert found["DEBUG"]["value"] == ("on" if debug else "off")
    assert found["ALLOWED_HOSTS"]["value"] == ",".join(hosts)
    assert f"postgresql {host}:" in found["DATABASE_URL"]["resolved"]
    assert found["DATABASE_URL"]["resolved"].endswith(f"/{name}")
    assert f"bucket={bucket}" in found["STORAGE_URL"]["resolved"]
    assert found["SECRET_KEY"] == {
        "name": "SECRET_KEY",
        "source": "environment",
        "value": "***",
        "resolved": "",
        "where": "",
    }
    # berth up's own key, which the replicas sign with: shown as *** only.
    key = (project / ".berth" / "secret_key").read_text().strip()
    assert key and key not in shown.stdout + shown.stderr
