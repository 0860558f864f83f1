"""Served processes fail closed; runserver and manage.py on a fresh checkout just work.

docs/configuration.md's table, in real processes: gunicorn (as the image runs it) and uvicorn.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import requests
from tests.integration.throwaway import write_project
from tests.processes import child_environment, free_port, gunicorn, wait_for_http

REFUSAL = (
    "berth: SECRET_KEY: is required when DEBUG is off; set it to a long random value, "
    "e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'"
)
GUNICORN = [sys.executable, "-m", "gunicorn", "-c", "python:berth.runtime.gunicorn_conf"]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path)


def test_gunicorn_with_nothing_set_refuses_in_one_line(project: Path) -> None:
    # As the image runs it: DJANGO_SETTINGS_MODULE set, nothing else.
    result = subprocess.run(
        [*GUNICORN, "--bind", f"127.0.0.1:{free_port()}", "throwaway.wsgi"],
        cwd=project,
        env=child_environment(DJANGO_SETTINGS_MODULE="throwaway.settings"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 4
    assert result.stderr.splitlines() == [REFUSAL]
    assert "Booting worker" not in result.stdout


def test_uvicorn_with_nothing_set_refuses_in_one_line(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "uvicorn", "--port", str(free_port()), "throwaway.asgi:application"],
        cwd=project,
        env=child_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 4
    assert REFUSAL in result.stderr.splitlines()
    assert "Traceback" not in result.stderr


def test_gunicorn_on_the_embedded_database_is_not_in_debug(project: Path) -> None:
    env = child_environment(SECRET_KEY="k" * 50)
    with gunicorn("throwaway.wsgi", env=env, cwd=project) as base:
        page = requests.get(f"{base}/no-such-page", timeout=10)
    assert page.status_code == 404
    assert "URLconf" not in page.text, "DEBUG's technical 404 page was served"


def test_uvicorn_honours_debug_set_by_name(project: Path) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "--port", str(port), "throwaway.asgi:application"],
        cwd=project,
        env=child_environment(DEBUG="on"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_http(f"http://127.0.0.1:{port}/healthz", process)  # type: ignore[arg-type]
        page = requests.get(f"http://127.0.0.1:{port}/no-such-page", timeout=10)
        assert "URLconf" in page.text
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_manage_py_on_a_fresh_checkout_just_works_in_debug(project: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings; print(settings.DEBUG, settings.SECRET_KEY[:15])",
        ],
        cwd=project,
        env=child_environment(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.splitlines()[-1].split() == ["True", "django-insecure"], result.stderr
