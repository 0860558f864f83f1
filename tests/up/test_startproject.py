"""A project fresh from ``django-admin startproject``, with only the README's lines added, served
by ``berth up``: pages answer, and a login made through one replica holds on the other and
after every replica restarts."""

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
from tests.processes import child_environment
from tests.s3_server import S3Bucket
from tests.up.harness import RunningUp, berth_up

PASSWORD = "correct-horse-battery-staple"


def startproject(folder: Path) -> Path:
    """The installed Django's startproject, plus exactly what the README says to add."""
    subprocess.run(
        [sys.executable, "-m", "django", "startproject", "mysite", str(folder)], check=True
    )
    settings = folder / "mysite" / "settings.py"
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


@pytest.fixture(scope="module")
def up(
    tmp_path_factory: pytest.TempPathFactory,
    module_database_url: str,
    module_s3_bucket: S3Bucket,
) -> Iterator[RunningUp]:
    project = startproject(tmp_path_factory.mktemp("startproject"))
    with tempfile.TemporaryDirectory(prefix="berth-test-up-") as scratch:
        env = child_environment(
            DATABASE_URL=module_database_url,
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


def test_pages_answer_through_the_entry_point(up: RunningUp) -> None:
    """startproject's ALLOWED_HOSTS = [] once made every page a 400 behind a green /readyz."""
    assert requests.get(f"{up.url}/readyz", timeout=10).status_code == 200
    assert requests.get(f"{up.url}/admin/login/", timeout=10).status_code == 200


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
