"""A project fresh from ``django-admin startproject``, with only the README's lines added, served
by ``berth up``: pages answer, and a login made through one replica holds on the other and
after every replica restarts. The same for the two layouts many teams turn it into: settings
split into ``settings/base.py`` + ``settings/production.py`` (cookiecutter-django), and settings
read with django-environ.

startproject's own layout is the README tour's project (tests/up/test_tour.py): the tour runs
these checks on its berth up rather than this module starting another one.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from tests.conftest import fresh_database
from tests.processes import child_environment
from tests.s3_server import S3Bucket
from tests.up.harness import RunningUp, berth_up

from berth.services.postgres import PostgresServer

PASSWORD = "correct-horse-battery-staple"


def startproject(folder: Path, layout: str = "settings") -> Path:
    """The installed Django's startproject, in ``layout``, plus exactly what the README says to
    add: ``berth.configure(globals())`` at the end of the settings module the project runs with,
    and berth's URLs."""
    subprocess.run(
        [sys.executable, "-m", "django", "startproject", "mysite", str(folder)], check=True
    )
    settings = folder / "mysite" / "settings.py"
    if layout == "split":
        settings = _split_settings(folder)
    elif layout == "environ":
        _read_with_django_environ(settings)
    settings.write_text(settings.read_text() + "\nimport berth\n\nberth.configure(globals())\n")
    urls = folder / "mysite" / "urls.py"
    text = urls.read_text().replace(
        "from django.urls import path", "from django.urls import include, path"
    )
    text, added = re.subn(
        r"(urlpatterns = \[\n(?:.*\n)*?)\]", r'\1    path("", include("berth.urls")),\n]', text
    )
    assert added == 1, text
    urls.write_text(text)
    return folder


def _split_settings(folder: Path) -> Path:
    """cookiecutter-django's layout: ``mysite/settings/base.py`` holds startproject's settings,
    ``production.py`` star-imports them and is what manage.py and wsgi.py name."""
    package = folder / "mysite" / "settings"
    package.mkdir()
    (package / "__init__.py").write_text("")
    base = (folder / "mysite" / "settings.py").read_text()
    # One folder deeper, so BASE_DIR needs one more .parent (cookiecutter-django's own edit).
    base = _replace_once(base, ".resolve().parent.parent", ".resolve().parent.parent.parent")
    (package / "base.py").write_text(base)
    (folder / "mysite" / "settings.py").unlink()
    production = package / "production.py"
    production.write_text("from .base import *  # noqa: F403\n")
    for name in ("manage.py", "mysite/wsgi.py", "mysite/asgi.py"):
        module = folder / name
        module.write_text(
            _replace_once(module.read_text(), "'mysite.settings'", "'mysite.settings.production'")
        )
    return production


def _read_with_django_environ(settings: Path) -> None:
    """The settings django-environ's documentation shows: ``environ.Env()`` reads DEBUG,
    SECRET_KEY and the database from the environment (and from a ``.env`` file, if any)."""
    text = settings.read_text()
    text = _replace_once(
        text,
        "from pathlib import Path\n",
        "from pathlib import Path\n\nimport environ\n\nenv = environ.Env(DEBUG=(bool, False))\n",
    )
    text = _replace_once(
        text,
        "BASE_DIR = Path(__file__).resolve().parent.parent\n",
        "BASE_DIR = Path(__file__).resolve().parent.parent\n"
        'environ.Env.read_env(BASE_DIR / ".env")\n',
    )
    text, replaced = re.subn(r"SECRET_KEY = .*\n", "SECRET_KEY = env('SECRET_KEY')\n", text)
    assert replaced == 1, text
    text = _replace_once(text, "DEBUG = True\n", "DEBUG = env('DEBUG')\n")
    text, replaced = re.subn(
        r"DATABASES = \{\n(?:.*\n)*?\}\n", "DATABASES = {'default': env.db()}\n", text
    )
    assert replaced == 1, text
    settings.write_text(text)


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, (old, text)
    return text.replace(old, new)


@pytest.fixture(scope="module", params=["split", "environ"])
def up(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    postgres_server: PostgresServer,
    module_s3_bucket: S3Bucket,
) -> Iterator[RunningUp]:
    project = startproject(tmp_path_factory.mktemp("startproject"), request.param)
    # A database per layout: each creates the same superuser.
    with (
        fresh_database(postgres_server) as database_url,
        tempfile.TemporaryDirectory(prefix="berth-test-up-") as scratch,
    ):
        env = child_environment(
            DATABASE_URL=database_url,
            STORAGE_URL=module_s3_bucket.storage_url,
            TMPDIR=scratch,
            AWS_EC2_METADATA_DISABLED="true",
        )
        with berth_up(project, env, replicas=2) as running:
            running.wait_ready(2)
            yield running


def _login(session: requests.Session, base: str) -> None:
    page = session.get(f"{base}/admin/login/", timeout=10)
    assert page.status_code == 200, page.text[:500]
    token = session.cookies["csrftoken"]
    answer = session.post(
        f"{base}/admin/login/?next=/admin/",
        data={"username": "admin", "password": PASSWORD, "csrfmiddlewaretoken": token},
        allow_redirects=False,
        timeout=10,
    )
    assert answer.status_code == 302, answer.text[:500]


def _logged_in(session: requests.Session, base: str) -> bool:
    answer = session.get(f"{base}/admin/", allow_redirects=False, timeout=10)
    return answer.status_code == 200 and "Site administration" in answer.text


def check_pages_answer(up: RunningUp) -> None:
    """startproject's ALLOWED_HOSTS = [] once made every page a 400 behind a green /readyz."""
    assert requests.get(f"{up.url}/readyz", timeout=10).status_code == 200
    assert requests.get(f"{up.url}/admin/login/", timeout=10).status_code == 200


def check_a_login_holds_on_every_replica_and_after_a_restart(up: RunningUp) -> None:
    """The superuser ``admin`` (PASSWORD) signs in on one replica, is signed in on the other,
    and still is once every replica has restarted."""
    first, second = (replica["url"] for replica in up.replicas().values())
    with requests.Session() as session:
        _login(session, first)
        assert _logged_in(session, second)
        before = {name: replica["pid"] for name, replica in up.replicas().items()}
        os.kill(up.process.pid, signal.SIGUSR1)

        def all_fresh() -> bool:
            now = up.replicas()
            return (
                up.state()["status"] == "ready"
                and len(now) == 2
                and all(
                    now[name]["pid"] != pid and now[name]["ready"] for name, pid in before.items()
                )
            )

        up.wait_until(all_fresh, "every replica restarted", timeout=120)
        assert all(_logged_in(session, up.url) for _ in range(4))


def check_verify_holds(project: Path) -> None:
    """docs/verify.md: the built-in flows hold for any project (the cache only warns). After a
    restart too: the login check restarts, and the tour runs verify with its restart."""
    done = subprocess.run(
        [sys.executable, "-m", "berth", "verify", "--no-restart"],
        cwd=project,
        env=child_environment(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 of 4 flows held across 2 replicas, without a restart (1 warned)" in done.stdout


def test_pages_answer_through_the_entry_point(up: RunningUp) -> None:
    check_pages_answer(up)


def test_a_login_holds_on_every_replica_and_after_a_restart(up: RunningUp) -> None:
    created = subprocess.run(
        [sys.executable, "-m", "berth", "run", "--", "python", "manage.py", "createsuperuser"]
        + ["--noinput", "--username", "admin", "--email", "admin@example.com"],
        cwd=up.project,
        env=child_environment(DJANGO_SUPERUSER_PASSWORD=PASSWORD),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert created.returncode == 0, created.stderr
    check_a_login_holds_on_every_replica_and_after_a_restart(up)


def test_verify_holds(up: RunningUp) -> None:
    check_verify_holds(up.project)
