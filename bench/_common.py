"""What the benchmarks share: a small project in two variants, a PostgreSQL database, gunicorn.

The project is written twice over the same apps, templates, views, database and storage:
``benchsite.settings_berth`` ends with ``berth.configure(globals())`` and includes
``berth.urls``; ``benchsite.settings_plain`` is the anchor, plain Django settings with the
same values written out by hand and a minimal ``/readyz`` doing ``SELECT 1``.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from textwrap import dedent

from berth.config.masking import redact
from berth.config.variables import VARIABLES
from berth.services.postgres import PostgresServer

HOST = "127.0.0.1"
BERTH = "berth"
PLAIN = "anchor"
SETTINGS = {BERTH: "benchsite.settings_berth", PLAIN: "benchsite.settings_plain"}
LABELS = {BERTH: "berth (`berth.configure`)", PLAIN: "anchor (plain Django)"}
SECRET_KEY = "bench-" + "x" * 50

_FILES = {
    "manage.py": """
        import os
        import sys

        if __name__ == "__main__":
            os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchsite.settings_berth")
            from django.core.management import execute_from_command_line

            execute_from_command_line(sys.argv)
    """,
    "benchsite/__init__.py": "",
    "benchsite/common.py": """
        from pathlib import Path

        BASE_DIR = Path(__file__).resolve().parent.parent
        INSTALLED_APPS = ["django.contrib.contenttypes", "django.contrib.auth", "pages"]
        MIDDLEWARE = [
            "django.middleware.security.SecurityMiddleware",
            "django.middleware.common.CommonMiddleware",
        ]
        TEMPLATES = [
            {"BACKEND": "django.template.backends.django.DjangoTemplates", "APP_DIRS": True},
        ]
        DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
    """,
    "benchsite/settings_berth.py": """
        import berth

        from benchsite.common import *  # noqa: F403

        ROOT_URLCONF = "benchsite.urls_berth"

        berth.configure(globals())
    """,
    # {database} and {media} are filled in by write_project.
    "benchsite/settings_plain.py": """
        from benchsite.common import *  # noqa: F403

        ROOT_URLCONF = "benchsite.urls_plain"
        DEBUG = False
        SECRET_KEY = {secret_key!r}
        ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
        DATABASES = {{"default": {database!r}}}
        STORAGES = {{
            "default": {{
                "BACKEND": "django.core.files.storage.FileSystemStorage",
                "OPTIONS": {{"location": {media!r}, "base_url": "/media/"}},
            }},
            "staticfiles": {{"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}},
        }}
        MEDIA_URL = "/media/"
        STATIC_URL = "/static/"
        TIME_ZONE = "UTC"
        USE_TZ = True
    """,
    "benchsite/urls_berth.py": """
        from django.urls import include, path

        from pages.views import page

        urlpatterns = [path("page", page), path("", include("berth.urls"))]
    """,
    "benchsite/urls_plain.py": """
        from django.urls import path

        from pages.views import page, readyz

        urlpatterns = [path("page", page), path("readyz", readyz)]
    """,
    "benchsite/wsgi.py": """
        from django.core.wsgi import get_wsgi_application

        application = get_wsgi_application()
    """,
    "pages/__init__.py": "",
    "pages/views.py": """
        from django.db import connection
        from django.http import JsonResponse
        from django.shortcuts import render


        def page(request):
            return render(request, "pages/page.html", {"name": "berth", "items": [1, 2, 3]})


        def readyz(request):
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
            return JsonResponse({"status": "ok"})
    """,
    "pages/templates/pages/page.html": """
        <!doctype html>
        <title>{{ name }}</title>
        <ul>{% for item in items %}<li>{{ item }}</li>{% endfor %}</ul>
    """,
}


@dataclass(frozen=True)
class Site:
    """The project folder and, per variant, the environment its processes run with."""

    folder: Path
    environments: Mapping[str, Mapping[str, str]]
    secrets: tuple[str, ...]
    """Masked in anything the benchmark prints."""


def child_environment(**values: str) -> dict[str, str]:
    """This process's environment without what would steer berth, Django or boto3, plus ``values``.

    A developer's own DATABASE_URL or AWS_* must not leak into what is measured.
    """
    steering = {variable.name for variable in VARIABLES} | {"DJANGO_SETTINGS_MODULE"}
    # Which PostgreSQL programs run is the machine's to choose, not a setting measured.
    kept = {"BERTH_PG_BIN", "BERTH_POSTGRES_BIN"}
    env = {
        name: value
        for name, value in os.environ.items()
        if name in kept or (name not in steering and not name.startswith(("AWS_", "BERTH_")))
    }
    # Images ship compiled bytecode (pip compiles what it installs); a cold start that
    # compiled whatever happened to lack a .pyc would measure the compiler. The warm-up runs
    # write the project's .pyc files.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(values)
    return env


def write_project(folder: Path, server: PostgresServer, database: str) -> Site:
    """Write the project into ``folder`` for ``database`` on ``server``; return both environments."""
    media = folder / "media"
    media.mkdir(parents=True)
    # STATIC_ROOT of the berth variant: an image has it filled by collectstatic at build time.
    (folder / "staticfiles").mkdir()
    plain_database = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": database,
        "USER": server.user,
        "PASSWORD": server.password,
        "HOST": HOST,
        "PORT": str(server.port),
        # What berth's DATABASE_URL resolves to as well, so both hold their connection alike.
        "CONN_MAX_AGE": 60,
        "CONN_HEALTH_CHECKS": True,
    }
    for name, text in _FILES.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = dedent(text).lstrip()
        if name.endswith("settings_plain.py"):
            text = text.format(secret_key=SECRET_KEY, database=plain_database, media=str(media))
        path.write_text(text)
    berth_env = child_environment(
        DJANGO_SETTINGS_MODULE=SETTINGS[BERTH],
        DATABASE_URL=server.url(database),
        STORAGE_URL=f"file://{media}?url=/media/",
        SECRET_KEY=SECRET_KEY,
        # What a replica runs with: DEBUG is off, so these are berth's defaults spelled out.
        LOG_FORMAT="json",
        LOG_LEVEL="INFO",
    )
    plain_env = child_environment(DJANGO_SETTINGS_MODULE=SETTINGS[PLAIN])
    return Site(folder, {BERTH: berth_env, PLAIN: plain_env}, (server.password, SECRET_KEY))


@contextmanager
def bench_site(folder: Path) -> Iterator[Site]:
    """The project in ``folder`` on a fresh, migrated PostgreSQL database; the server stops after."""
    # PostgresServer runs as another account when we are root, which must enter this folder
    # (a temporary one: 0700); berth changes no folder's mode, so the benchmark opens its own.
    folder.chmod(0o711)
    with PostgresServer(folder / "postgres") as server:
        server.create_database("bench")
        site = write_project(folder / "project", server, "bench")
        migrate = subprocess.run(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"],
            cwd=site.folder,
            env=dict(site.environments[BERTH]),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
        )
        # On success it only repeats berth.W002 (media on the local disk), wanted here.
        if migrate.returncode != 0:
            output = redact(migrate.stdout + migrate.stderr, site.secrets)
            raise SystemExit(f"migrate failed:\n{output}")
        yield site


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass(frozen=True)
class Server:
    process: subprocess.Popen[bytes]
    port: int
    started: float
    """``time.perf_counter()`` just before the process was spawned."""


@contextmanager
def gunicorn(
    site: Site,
    variant: str,
    *,
    output: Path,
    workers: int = 1,
    config: str | None = None,
    env: Mapping[str, str] | None = None,
) -> Iterator[Server]:
    """Spawn gunicorn (sync workers) for ``variant`` on a free loopback port, without waiting.

    stdout and stderr go to ``output``, as a container's go to its runtime. The process gets a
    session of its own so that it and its workers are stopped together, even on Ctrl-C.
    ``config`` is gunicorn's ``-c`` (berth's is ``python:berth.runtime.gunicorn_conf``), ``env``
    variables added to the variant's.
    """
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        *(["-c", config] if config else []),
        "benchsite.wsgi",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        "sync",
    ]
    with output.open("ab") as log:
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=site.folder,
            env={**site.environments[variant], **(env or {})},
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        yield Server(process, port, started)
    except (Exception, SystemExit):
        tail = output.read_text(errors="replace")[-3000:]
        sys.stderr.write(f"gunicorn output (last lines):\n{redact(tail, site.secrets)}\n")
        raise
    finally:
        _stop(process)


def _stop(process: subprocess.Popen[bytes]) -> None:
    for how, grace in ((signal.SIGTERM, 10.0), (signal.SIGKILL, 5.0)):
        with suppress(ProcessLookupError):
            os.killpg(process.pid, how)
        try:
            process.wait(timeout=grace)
            return
        except subprocess.TimeoutExpired:
            continue


def wait_for_ok(server: Server, path: str, *, timeout: float, interval: float = 0.01) -> float:
    """Poll ``path`` every ``interval`` seconds until it answers 200; return when it did.

    Before gunicorn binds, a connection is refused at once; after, the request waits in the
    listen queue until the worker takes it, so the answer comes as soon as the worker can.
    """
    deadline = time.perf_counter() + timeout
    while True:
        if server.process.poll() is not None:
            raise SystemExit(
                f"gunicorn exited with {server.process.returncode} before {path} answered 200"
            )
        connection = http.client.HTTPConnection(HOST, server.port, timeout=timeout)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            if response.status == 200:
                return time.perf_counter()
        except (ConnectionError, http.client.RemoteDisconnected):
            pass
        finally:
            connection.close()
        if time.perf_counter() > deadline:
            raise SystemExit(f"{path} did not answer 200 within {timeout:g} s")
        time.sleep(interval)


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A markdown table, first column left-aligned and the others (numbers) right-aligned."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]

    def line(cells: Sequence[str]) -> str:
        padded = [
            cell.ljust(width) if index == 0 else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "| " + " | ".join(padded) + " |"

    rule = ["-" * widths[0]] + ["-" * (width - 1) + ":" for width in widths[1:]]
    return "\n".join([line(headers), "| " + " | ".join(rule) + " |", *map(line, rows)])


def interruptible(main: Callable[[], int]) -> int:
    """Run ``main``; SIGTERM and Ctrl-C stop servers and remove folders on their way out."""

    def interrupt(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    try:
        return main()
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        return 130
