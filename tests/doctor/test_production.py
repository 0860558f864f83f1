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


# github:wagtail/bakerydemo docker-compose.yml at 668d57e61be6b56859b76a1964b0fdcff8943566:
# no development word in its name, but the app selects bakerydemo.settings.dev.
BAKERYDEMO_COMPOSE = """
version: '2'

services:
  db:
    environment:
      POSTGRES_DB: app_db
      POSTGRES_USER: app_user
      POSTGRES_PASSWORD: changeme
    restart: unless-stopped
    image: postgres:14.1
    expose:
      - '5432'

  app:
    environment:
      DATABASE_URL: postgres://app_user:changeme@db/app_db
      DJANGO_SETTINGS_MODULE: bakerydemo.settings.dev
    build:
      context: .
      dockerfile: ./Dockerfile
    volumes:
      - ./bakerydemo:/code/bakerydemo
    ports:
      - '8000:8000'
    depends_on:
      - db
"""


def test_a_compose_file_that_selects_development_settings(tmp_path: Path) -> None:
    files = {
        "docker-compose.yml": BAKERYDEMO_COMPOSE,
        # The Dockerfile it builds is still judged: a development Compose file usually
        # builds the production image too.
        "Dockerfile": "FROM python:3.12-slim\nCMD gunicorn bakerydemo.wsgi\n",
    }
    assert found(tmp_path, files) == [("Dockerfile", 1, "BD405"), ("Dockerfile", 1, "BD407")]
    # The same service set up for production is judged.
    production = BAKERYDEMO_COMPOSE.replace(
        "bakerydemo.settings.dev", "bakerydemo.settings.production"
    )
    assert sorted(
        rule for _, _, rule in found(tmp_path / "p", {**files, "docker-compose.yml": production})
    ) == [
        "BD405",
        "BD407",
        "BD502",
        "BD504",
        "BD505",
    ]


def test_a_compose_file_that_runs_a_local_script(tmp_path: Path) -> None:
    # Trimmed from github:apptension/saas-boilerplate@ee01a0e43b75f38d975057badfc09182a7eec5cb
    # docker-compose.yml: the backend's command is scripts/runtime/run_local.sh.
    compose = """
        services:
          db:
            image: postgres:16.1-alpine
            ports:
              - "5432:5432"
          backend:
            build:
              context: ./packages/backend
              target: backend
            command: ["./scripts/runtime/run_local.sh"]
            ports:
              - "5001:5001"
            depends_on:
              - db
    """
    assert found(tmp_path, {"docker-compose.yml": compose}) == []
    # A Node service's own image still runs as root (github:GhostManager/Ghostwriter
    # compose/production/collab-server/Dockerfile at 0a8d74cf20384415ffef4e9da222f964e332e700).
    node = {
        "Dockerfile": """
            FROM node:25.9.0-alpine3.23
            COPY ./javascript /app/
            WORKDIR /app/
            ENTRYPOINT [ "npm", "run", "run-collab-server-prod" ]
        """
    }
    assert found(tmp_path / "node", node) == [("Dockerfile", 1, "BD405")]


# Trimmed from github:testdrivenio/django-on-docker@26be9cd5f891734425e4fe754d6340b92180b471:
# docker-compose.yml (runserver, ./app mounted, .env.dev) builds app/Dockerfile, whose
# entrypoint.sh flushes and migrates a throwaway database; docker-compose.prod.yml builds
# app/Dockerfile.prod, whose entrypoint.prod.sh waits for PostgreSQL with nc -z.
DJANGO_ON_DOCKER = {
    "docker-compose.yml": """
        services:
          web:
            build: ./app
            command: python manage.py runserver 0.0.0.0:8000
            volumes:
              - ./app/:/usr/src/app/
            ports:
              - 8000:8000
            env_file:
              - ./.env.dev
            depends_on:
              - db
          db:
            image: postgres:15
            volumes:
              - postgres_data:/var/lib/postgresql/data/
        volumes:
          postgres_data:
    """,
    "docker-compose.prod.yml": """
        services:
          web:
            build:
              context: ./app
              dockerfile: Dockerfile.prod
            command: gunicorn hello_django.wsgi:application --bind 0.0.0.0:8000
            env_file:
              - ./.env.prod
            depends_on:
              - db
          db:
            image: postgres:15
            volumes:
              - postgres_data:/var/lib/postgresql/data/
          nginx:
            build: ./nginx
            ports:
              - 1337:80
            depends_on:
              - web
        volumes:
          postgres_data:
    """,
    "app/Dockerfile": """
        FROM python:3.11.4-slim-buster
        ENV PYTHONUNBUFFERED 1
        COPY ./entrypoint.sh .
        ENTRYPOINT ["/usr/src/app/entrypoint.sh"]
    """,
    "app/entrypoint.sh": """
        #!/bin/sh
        python manage.py flush --no-input
        python manage.py migrate
        exec "$@"
    """,
    "app/Dockerfile.prod": """
        FROM python:3.11.4-slim-buster
        ENV PYTHONUNBUFFERED 1
        COPY ./entrypoint.prod.sh .
        USER app
        ENTRYPOINT ["/home/app/web/entrypoint.prod.sh"]
    """,
    "app/entrypoint.prod.sh": """
        #!/bin/sh

        if [ "$DATABASE" = "postgres" ]
        then
            echo "Waiting for postgres..."

            while ! nc -z $SQL_HOST $SQL_PORT; do
              sleep 0.1
            done

            echo "PostgreSQL started"
        fi

        exec "$@"
    """,
}


def test_the_development_stack_beside_a_production_one(tmp_path: Path) -> None:
    assert found(tmp_path, DJANGO_ON_DOCKER) == []


def test_the_dockerfile_a_platform_builds_beside_the_development_one(tmp_path: Path) -> None:
    # Trimmed from github:python/pythondotorg@0a7e8d1fef1796dd6f0dcebb08ed5b0f8d0deed9: the
    # development Compose file builds Dockerfile (runserver, the source mounted); the
    # platform builds Dockerfile.cabotage, which no Compose file names.
    files = {
        "docker-compose.yml": """
            services:
              web:
                build: .
                image: pythondotorg:docker-compose
                command: uv run python manage.py runserver 0.0.0.0:8000
                volumes:
                  - .:/code
                ports:
                  - "8000:8000"
        """,
        "Dockerfile": """
            FROM python:3.14.7-bookworm
            ENV PYTHONUNBUFFERED=1
            COPY . /code/
        """,
        "Dockerfile.cabotage": """
            FROM python:3.14.7-bookworm
            ENV PYTHONUNBUFFERED=1
            COPY . /code/
        """,
    }
    assert found(tmp_path, files) == [("Dockerfile.cabotage", 1, "BD405")]


def test_a_service_under_a_development_profile(tmp_path: Path) -> None:
    # Compose starts a service with profiles only when one is asked for (docker compose
    # --profile dev up): the shape of a debugging service beside the production ones.
    compose = """
        services:
          web:
            build: .
            command: gunicorn shop.wsgi
          devserver:
            build: .
            profiles: ["dev"]
            command: python manage.py runserver 0.0.0.0:8000
            ports:
              - "8000:8000"
    """
    files = {
        "compose.yaml": compose,
        "Dockerfile": "FROM python:3.13\nENV PYTHONUNBUFFERED=1\nUSER 1000\n",
    }
    assert found(tmp_path, files) == []


def test_compose_files_by_their_content(tmp_path: Path) -> None:
    # github:GhostManager/Ghostwriter@0a8d74cf20384415ffef4e9da222f964e332e700 names its
    # Compose files production.yml and local.yml (cookiecutter-django's older names).
    files = {
        "production.yml": """
            services:
              collab-server:
                build:
                  context: .
                  dockerfile: ./compose/production/collab-server/Dockerfile
                image: ghostwriter_production_collab_server
                restart: unless-stopped
                depends_on:
                  - graphql_engine
                  - django
        """,
        "local.yml": """
            services:
              django:
                build: .
                ports:
                  - "8000:8000"
        """,
        "mkdocs.yml": "site_name: Docs\nnav:\n  - index.md\n",
        "deploy/chart/templates/web.yaml": "services:\n  {{ .Values.name }}: {{ .Values.x }\n",
    }
    assert found(tmp_path, files) == [("production.yml", 8, "BD505")]


def test_a_development_target_says_nothing_of_the_final_stage(tmp_path: Path) -> None:
    # Trimmed from github:mathesar-foundation/mathesar@e214743031f1e5aa762b22ac53b321755223da57:
    # the development Compose file builds the Dockerfile's development stage; the final,
    # production stage is what the project publishes, and it runs as root.
    files = {
        "docker-compose.dev.yml": """
            services:
              dev-service:
                container_name: mathesar_service_dev
                build:
                  context: .
                  target: development
                  dockerfile: Dockerfile
        """,
        "Dockerfile": """
            FROM python:3.14-bookworm AS base
            ENV PYTHONUNBUFFERED=1
            FROM base AS development
            CMD ["bash", "./bin/mathesar_dev"]
            FROM base AS production
            COPY . .
            CMD ["bash", "./bin/mathesar", "run", "-fnse"]
        """,
    }
    assert found(tmp_path, files) == [("Dockerfile", 5, "BD405")]
