"""Which container files serve in production: judged from what the project's files point at."""

from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import found, write

from berth.doctor.engine import analyze
from berth.doctor.files import discover
from berth.doctor.production import Production

# Trimmed from cookiecutter-django's template, rendered with use_celery=y, cloud_provider=None
# (github:cookiecutter/cookiecutter-django, docker-compose.{local,production,docs}.yml at
# 00b5731677bb079d88d3afdad028b5900b540a1a and 0f51f3c64c3aeaaeecfbbbc93e8f31cf483eb58c,
# compose/local/docs/Dockerfile at 0100638a791224d39e1bbdcb51443cebf322e75c).
COOKIECUTTER = {
    "docker-compose.local.yml": """
        services:
          django: &django
            build:
              context: .
              dockerfile: ./compose/local/django/Dockerfile
            image: shop_local_django
            container_name: shop_local_django
            depends_on:
              - postgres
            volumes:
              - .:/app:z
            ports:
              - '8000:8000'
            command: ["/bin/bash", "/app/compose/local/django/start"]
          celeryworker:
            <<: *django
            container_name: shop_local_celeryworker
            ports: []
            command: celery -A config.celery_app worker -B -l INFO
          postgres:
            image: docker.io/postgres:16
            container_name: shop_local_postgres
    """,
    "docker-compose.docs.yml": """
        services:
          docs:
            image: shop_local_docs
            container_name: shop_local_docs
            build:
              context: .
              dockerfile: ./compose/local/docs/Dockerfile
            ports:
              - '9000:9000'
            command: /start-docs
    """,
    "docker-compose.production.yml": """
        volumes:
          production_postgres_data: {}
        services:
          django:
            build:
              context: .
              dockerfile: ./compose/production/django/Dockerfile
            image: shop_production_django
            command: ["/bin/bash", "/app/compose/production/django/start"]
          postgres:
            image: docker.io/postgres:16
            volumes:
              - production_postgres_data:/var/lib/postgresql/data
    """,
    "compose/local/django/Dockerfile": """
        FROM docker.io/python:3.12-slim
        COPY ./compose/local/django/start /start
        RUN chmod +x /start
        WORKDIR /app
    """,
    "compose/local/django/start": """
        #!/bin/bash
        set -o errexit
        python manage.py migrate
        python manage.py runserver_plus 0.0.0.0:8000
    """,
    "compose/local/docs/Dockerfile": """
        FROM docker.io/python:3.12-slim AS python
        COPY ./compose/local/docs/start /start-docs
        RUN chmod +x /start-docs
        WORKDIR /docs
    """,
    "compose/local/docs/start": """
        #!/bin/bash
        exec make livehtml
    """,
    "compose/production/django/Dockerfile": """
        FROM docker.io/python:3.12-slim
        ENV PYTHONUNBUFFERED=1
        COPY --chown=django:django ./compose/production/django/start /start
        USER django
        ENV DJANGO_SETTINGS_MODULE=config.settings.production
    """,
    "compose/production/django/start": """
        #!/bin/sh
        set -o errexit
        python /app/manage.py migrate
        /usr/local/bin/gunicorn config.wsgi --bind 0.0.0.0:5000 --chdir=/app
    """,
}


def test_only_what_production_builds_and_runs_is_held_to_its_rules(tmp_path: Path) -> None:
    # The local and docs Compose files, the Dockerfiles only they build and the scripts only
    # those copy never serve; the production script is judged, and its migrate is reported.
    assert found(tmp_path, COOKIECUTTER) == [("compose/production/django/start", 3, "BD403")]


def test_a_development_name_is_overruled_by_what_production_builds(tmp_path: Path) -> None:
    files = {
        "compose.yaml": """
            services:
              web:
                build: {context: ., dockerfile: docker/dev/Dockerfile}
                command: gunicorn shop.wsgi
        """,
        # Named for development, but it is what the production Compose file builds.
        "docker/dev/Dockerfile": """
            FROM python:3.13-slim
            ENV PYTHONUNBUFFERED=1
            CMD ["gunicorn", "shop.wsgi"]
        """,
    }
    assert found(tmp_path, files) == [("docker/dev/Dockerfile", 1, "BD405")]


# A test-runner image beside the served one: the shape of a public project's tox image
# (find_string "CMD [\"tox\"", a Django project's Dockerfile with libpq-dev and poetry).
def test_an_image_that_runs_tox_never_serves(tmp_path: Path) -> None:
    files = {
        "Dockerfile": """
            FROM python:3.10-bookworm
            ENV PYTHONUNBUFFERED=1
            WORKDIR /app
            COPY . /app/
            RUN python3 -m pip install -U tox
            CMD ["tox"]
        """,
        # The Compose file that runs it: a service with no command of its own, so the
        # image's (tox) is what it runs.
        "docker-compose.yml": """
            services:
              app:
                build: .
                depends_on:
                  - db
              db:
                image: postgres:16
                volumes:
                  - db-data:/var/lib/postgresql/data
        """,
    }
    assert found(tmp_path, files) == []


def test_the_api_the_python_side_reads(tmp_path: Path) -> None:
    write(tmp_path, COOKIECUTTER)
    facts = {
        source.display: analyze(source, source.path.read_bytes())["facts"]
        for source in discover([tmp_path], tmp_path)
    }
    production = Production(facts)
    assert production.settings_modules() == {"config.settings.production"}
    assert production.never_serves("compose/production/django/Dockerfile") is None
    assert production.never_serves("compose/local/docs/start") == (
        "used only by compose/local/docs/Dockerfile, which never serves (built only by "
        "docker-compose.docs.yml (a docs or tooling service))"
    )
    assert production.never_serves("docker-compose.local.yml") == (
        "a development Compose file by its name"
    )
