"""BD401-BD407 (Dockerfile), BD501-BD506 (Compose), BD601 (nginx) and entrypoint scripts."""

from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import found, run

from berth.doctor.fixes import plan_fixes

DOCKERFILE = """
FROM python:3.13-slim
ARG GITHUB_TOKEN
ENV DJANGO_SECRET_KEY=abc \\
    DATABASE_URL=postgres://app:hunter2@db/app
WORKDIR /app
COPY . .
RUN pip install -r requirements.txt
VOLUME /app/media
CMD python manage.py migrate && python manage.py collectstatic --noinput && python manage.py runserver 0.0.0.0:8000
"""


def test_a_dockerfile_with_every_problem(tmp_path: Path) -> None:
    assert sorted(found(tmp_path, {"Dockerfile": DOCKERFILE}), key=lambda f: (f[2], f[1])) == [
        ("Dockerfile", 9, "BD401"),
        ("Dockerfile", 9, "BD402"),
        ("Dockerfile", 9, "BD403"),
        ("Dockerfile", 8, "BD404"),
        ("Dockerfile", 1, "BD405"),
        ("Dockerfile", 2, "BD406"),
        ("Dockerfile", 3, "BD406"),
        ("Dockerfile", 3, "BD406"),
        ("Dockerfile", 1, "BD407"),
    ]


def test_unbuffered_is_fixed_after_the_final_from(tmp_path: Path) -> None:
    report = run(
        tmp_path,
        {
            "Dockerfile": 'FROM python:3.13 AS build\nRUN pip wheel .\nFROM python:3.13-slim\nUSER 1000\nCMD ["gunicorn", "p.wsgi"]\n'
        },
    )
    assert [f.rule for f in report.findings] == ["BD407"]
    (fix,) = plan_fixes(report.findings, {d: s.path for d, s in report.sources.items()})
    assert fix.after.splitlines()[3] == "ENV PYTHONUNBUFFERED=1"


def test_the_dockerfile_berth_init_writes_is_clean(tmp_path: Path) -> None:
    golden = Path(__file__).resolve().parents[2] / "scaffold" / "golden"
    assert run(golden, base=golden).findings == []


COMPOSE = """
services:
  web:
    build: .
    container_name: shop-web
    command: sh -c "wait-for-it.sh db:5432 -- python manage.py migrate && gunicorn shop.wsgi"
    ports:
      - "8000:8000"
    volumes:
      - ./media:/app/media
    depends_on:
      - db
  worker:
    build: .
    command: celery -A shop worker
    depends_on:
      db:
        condition: service_healthy
  db:
    image: postgres:17
    container_name: shop-db
  proxy:
    image: nginx:1.27
    ports:
      - "80:80"
"""


def test_a_compose_file_with_every_problem(tmp_path: Path) -> None:
    assert sorted(found(tmp_path, {"compose.yaml": COMPOSE}), key=lambda f: (f[2], f[1])) == [
        ("compose.yaml", 5, "BD403"),
        ("compose.yaml", 4, "BD501"),
        ("compose.yaml", 7, "BD502"),
        ("compose.yaml", 9, "BD503"),
        ("compose.yaml", 18, "BD504"),
        # No BD505 at depends_on (line 10): the command waits for db:5432 itself.
        ("compose.yaml", 5, "BD506"),
    ]


def test_the_development_override_is_not_production(tmp_path: Path) -> None:
    override = """
        services:
          web:
            command: ["python", "manage.py", "runserver", "0.0.0.0:8000"]
            ports: ["8000:8000"]
            volumes: ["./media:/app/media"]
    """
    assert found(tmp_path, {"compose.override.yaml": override}) == []


def test_wait_for_it_gets_strict(tmp_path: Path) -> None:
    report = run(
        tmp_path, {"docker-entrypoint.sh": '#!/bin/sh\nwait-for-it db:5432 -- echo up\nexec "$@"\n'}
    )
    assert [f.rule for f in report.findings] == ["BD506"]
    (fix,) = plan_fixes(report.findings, {d: s.path for d, s in report.sources.items()})
    assert "wait-for-it --strict db:5432 -- echo up" in fix.after


def test_an_entrypoint_that_migrates_before_serving(tmp_path: Path) -> None:
    files = {
        "docker-entrypoint.sh": """
            #!/bin/sh
            set -e
            python manage.py migrate --noinput
            exec "$@"
        """,
        "bin/release.sh": """
            #!/bin/sh
            python manage.py migrate --noinput
        """,
        "start-locked.sh": """
            #!/bin/sh
            flock /tmp/migrate.lock python manage.py migrate
            exec gunicorn shop.wsgi
        """,
    }
    assert found(tmp_path, files) == [("docker-entrypoint.sh", 3, "BD403")]


def test_nginx_that_resolves_once(tmp_path: Path) -> None:
    files = {
        "deploy/nginx.conf": """
            upstream app { server web:8000; }
            server {
                location / { proxy_pass http://app; }
                location /api/ { proxy_pass http://api:9000; }
                location /static/ { proxy_pass http://127.0.0.1:9000; }
            }
        """,
        "deploy/good.conf": """
            server {
                resolver 127.0.0.11 valid=10s;
                set $web http://web:8000;
                location / { proxy_pass $web; }
            }
        """,
    }
    assert found(tmp_path, files) == [
        ("deploy/nginx.conf", 1, "BD601"),
        ("deploy/nginx.conf", 4, "BD601"),
    ]


# Trimmed from cookiecutter-django's docker-compose.production.yml, rendered with use_celery=y
# (github:cookiecutter/cookiecutter-django@00b5731677bb079d88d3afdad028b5900b540a1a), with a
# web service publishing two ports added.
PRODUCTION_COMPOSE = """
services:
  django: &django
    build:
      context: .
      dockerfile: ./compose/production/django/Dockerfile
    command: gunicorn config.wsgi --bind 0.0.0.0:5000
    ports:
      - "5000:5000"
      - "5001:5001"
  migrations:
    <<: *django
    container_name: shop_production_migrations
    ports: []
    command: ["/bin/bash", "/app/compose/production/django/start-migrations"]
  traefik:
    build:
      context: .
      dockerfile: ./compose/production/traefik/Dockerfile
    image: shop_production_traefik
    depends_on:
      - django
    ports:
      - '0.0.0.0:80:80'
      - '0.0.0.0:443:443'
      - '0.0.0.0:5555:5555'
  celeryworker:
    <<: *django
    depends_on:
      migrations:
        condition: service_completed_successfully
    ports: []
    command: celery -A config.celery_app worker -l INFO
"""


def test_one_finding_per_service_and_none_for_the_proxy_or_a_one_off(tmp_path: Path) -> None:
    # The proxy publishes the ports BD502's fix says to publish; the migrations service, which
    # celeryworker waits to complete, runs once, so its container_name cannot block scaling.
    report = run(tmp_path, {"compose.yaml": PRODUCTION_COMPOSE})
    assert [(f.line, f.rule, f.message) for f in report.findings] == [
        (
            8,
            "BD502",
            "django publishes a fixed host port (2 of them): a second replica cannot start",
        ),
    ]


# Trimmed from github:IFRCGo/go-api's Dockerfile (the uv 0.6.2 version; its LABEL names the
# repository): wait-for-it is a package apt installs, after a comment inside the continuation.
GO_API_DOCKERFILE = """
FROM python:3.11-bullseye
ENV PYTHONUNBUFFERED=1
RUN apt-get update -y && \\
    apt-get install -y --no-install-recommends \\
        # FIXME: Make sure all packages are used/required
        nginx mdbtools vim tidy less gettext \\
        cron \\
        wait-for-it \\
        binutils libproj-dev gdal-bin poppler-utils && \\
    apt-get autoremove -y && \\
    rm -rf /var/lib/apt/lists/*
USER 1000
ENTRYPOINT ["./main/entrypoint.sh"]
"""


def test_wait_for_it_installed_as_a_package_is_neither_reported_nor_rewritten(
    tmp_path: Path,
) -> None:
    files = {
        "Dockerfile": GO_API_DOCKERFILE,
        "bin/setup.sh": "#!/bin/sh\napt-get install -y wait-for-it curl\necho wait-for-it\n",
        # A file of that name copied into an image (DefectDojo's Dockerfile.django-alpine).
        "docker/Dockerfile": "FROM python:3.13\nENV PYTHONUNBUFFERED=1\nCOPY wait-for-it.sh /wait-for-it.sh\nUSER 1000\n",
    }
    report = run(tmp_path, files)
    assert [f for f in report.findings if f.rule == "BD506"] == []
    assert plan_fixes(report.findings, {d: s.path for d, s in report.sources.items()}) == []


def test_wait_for_it_is_fixed_only_where_it_runs(tmp_path: Path) -> None:
    files = {
        "compose.yaml": """
            services:
              web:
                build: .
                command: sh -c "./wait-for-it.sh db:5432 -- gunicorn shop.wsgi"
              worker:
                build: .
                command: ["wait-for-it", "db:5432", "--", "celery", "-A", "shop", "worker"]
        """,
        "Dockerfile": """
            FROM python:3.13-slim
            ENV PYTHONUNBUFFERED=1
            USER 1000
            CMD wait-for-it -t 30 db:5432 -- gunicorn shop.wsgi
        """,
    }
    report = run(tmp_path, files)
    assert [(f.path, f.line, f.rule, bool(f.edits)) for f in report.findings] == [
        ("Dockerfile", 4, "BD506", True),
        ("compose.yaml", 4, "BD506", True),
        # The exec form is reported; a fix would have to edit a list: not offered.
        ("compose.yaml", 7, "BD506", False),
    ]
    fixes = plan_fixes(report.findings, {d: s.path for d, s in report.sources.items()})
    after = {fix.display: fix.after for fix in fixes}
    assert "CMD wait-for-it --strict -t 30 db:5432 -- gunicorn" in after["Dockerfile"]
    assert 'sh -c "./wait-for-it.sh --strict db:5432 -- gunicorn' in after["compose.yaml"]


# Trimmed from cookiecutter-django (github:cookiecutter/cookiecutter-django): the production
# Compose file at 00b5731677bb079d88d3afdad028b5900b540a1a (use_celery=y), and the
# entrypoint at 017c9e74cd346852514c5aea0778d61518b87e41, whose Python heredoc waits for
# PostgreSQL before exec "$@".
ANCHORED_COMPOSE = """
services:
  django: &django
    build:
      context: .
      dockerfile: ./compose/production/django/Dockerfile
    depends_on:
      - postgres
      - redis
    command: /start
  celeryworker:
    <<: *django
    command: /start-celeryworker
  celerybeat:
    <<: *django
    command: /start-celerybeat
  postgres:
    image: docker.io/postgres:16
    volumes:
      - production_postgres_data:/var/lib/postgresql/data
  redis:
    image: docker.io/redis:7.2
"""
ENTRYPOINT = """
#!/bin/bash
set -o errexit
export DATABASE_URL="postgres://${POSTGRES_USER}:${POSTGRES_PASSWORD}@${POSTGRES_HOST}:${POSTGRES_PORT}/${POSTGRES_DB}"
python << END
import sys
import time
import psycopg2
suggest_unrecoverable_after = 30
start = time.time()
while True:
    try:
        psycopg2.connect(dbname="${POSTGRES_DB}", user="${POSTGRES_USER}", host="${POSTGRES_HOST}")
        break
    except psycopg2.OperationalError as error:
        sys.stderr.write("Waiting for PostgreSQL to become available...\\n")
    time.sleep(1)
END
exec "$@"
"""
DJANGO_DOCKERFILE = """
FROM docker.io/python:3.12-slim
ENV PYTHONUNBUFFERED=1
COPY ./compose/production/django/entrypoint /entrypoint
USER django
ENTRYPOINT ["/entrypoint"]
"""


def test_depends_on_is_reported_once_at_an_anchor(tmp_path: Path) -> None:
    files = {"compose.yaml": ANCHORED_COMPOSE}
    assert [(f.line, f.message) for f in run(tmp_path, files).findings] == [
        (
            6,
            "django, celeryworker and celerybeat depend on postgres, redis without a health condition",
        ),
    ]


def test_depends_on_is_not_reported_when_the_entrypoint_waits(tmp_path: Path) -> None:
    files = {
        "compose.yaml": ANCHORED_COMPOSE,
        "compose/production/django/Dockerfile": DJANGO_DOCKERFILE,
        "compose/production/django/entrypoint": ENTRYPOINT,
    }
    assert found(tmp_path, files) == []


# github:PetHelp/PetHelp backend/docker-entrypoint.sh at
# 85578bdc49ad1f9a18b035ebaf19dc5722b90294: migrate runs only when the command is gunicorn.
PETHELP_ENTRYPOINT = """
#!/bin/bash
set -e

if [ "$1" = 'gunicorn' ]; then
    python3 manage.py migrate --noinput
    exec gunicorn config.wsgi:application --bind 0.0.0.0:8000
fi

exec "$@"
"""
# The start script of github:ministryofjustice/manchester_traffic_offences_pleas (found with
# the code search): migrate runs only when DOCKER_STATE says so, which a one-off job sets.
MAKE_A_PLEA_RUN = """
#!/bin/bash

case ${DOCKER_STATE} in
migrate)
    echo "running migrate"
    ./manage.py migrate
    ;;
esac

gunicorn make_a_plea.wsgi --bind=0.0.0.0:9080
"""


def _image(entrypoint: str, cmd: str) -> str:
    return (
        "FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nUSER 1000\n"
        f'COPY {entrypoint} /{entrypoint}\nENTRYPOINT ["/{entrypoint}"]\nCMD {cmd}\n'
    )


def test_a_migrate_under_a_condition_counts_when_the_start_meets_it(tmp_path: Path) -> None:
    gunicorn = {
        "docker-entrypoint.sh": PETHELP_ENTRYPOINT,
        "Dockerfile": _image("docker-entrypoint.sh", '["gunicorn", "config.wsgi"]'),
    }
    assert found(tmp_path / "a", gunicorn) == [("docker-entrypoint.sh", 5, "BD403")]
    worker = {
        "docker-entrypoint.sh": PETHELP_ENTRYPOINT,
        "Dockerfile": _image("docker-entrypoint.sh", '["celery", "-A", "config", "worker"]'),
    }
    assert found(tmp_path / "b", worker) == []


def test_a_migrate_in_a_branch_only_a_job_takes_is_not_reported(tmp_path: Path) -> None:
    served = {"run.sh": MAKE_A_PLEA_RUN, "Dockerfile": _image("run.sh", "[]")}
    assert found(tmp_path / "a", served) == []
    # The same script where the serving Compose service sets the variable: every start.
    compose = """
        services:
          web:
            build: .
            environment:
              DOCKER_STATE: migrate
    """
    assert found(tmp_path / "b", {**served, "compose.yaml": compose}) == [("run.sh", 6, "BD403")]


def test_migrate_check_changes_nothing(tmp_path: Path) -> None:
    script = """
        #!/bin/sh
        set -e
        python manage.py migrate --check || { echo "unapplied migrations" >&2; exit 1; }
        exec gunicorn shop.wsgi
    """
    assert found(tmp_path, {"docker-entrypoint.sh": script}) == []


# The shape of cookiecutter-django's production Compose file (django: &django, celeryworker
# and celerybeat merging it; github:cookiecutter/cookiecutter-django@00b5731677bb079d88d3afdad
# 028b5900b540a1a), with the media volume it declares for cloud_provider=None, scaled.
SCALED_MEDIA = """
volumes:
  production_django_media: {}
services:
  django: &django
    build: .
    volumes:
      - ./media:/app/shop/media
    command: /start
  celeryworker:
    <<: *django
    command: /start-celeryworker
  celerybeat:
    <<: *django
    command: /start-celerybeat
  web:
    build: .
    command: gunicorn shop.wsgi
    deploy:
      replicas: 3
    volumes:
      - production_django_media:/app/shop/media
"""


def test_media_on_an_anchor_once_and_on_a_scaled_local_volume(tmp_path: Path) -> None:
    report = run(tmp_path, {"compose.yaml": SCALED_MEDIA})
    assert [(f.line, f.rule, f.message) for f in report.findings] == [
        (
            7,
            "BD503",
            "django bind-mounts ./media over /app/shop/media "
            "(also celeryworker, celerybeat, through a YAML anchor)",
        ),
        (
            21,
            "BD503",
            "web (3 replicas) keeps /app/shop/media on the local volume "
            "production_django_media: each host has its own",
        ),
    ]


def test_root_is_reported_only_for_the_project_image_that_keeps_it(tmp_path: Path) -> None:
    files = {
        # github:cookiecutter/cookiecutter-django compose/production/traefik/Dockerfile at
        # 00a8e56944bc3c9b7d5f3a8f9bde98b070a61a7e: the proxy's image runs no project code.
        "compose/production/traefik/Dockerfile": """
            FROM docker.io/traefik:3.6.0
            RUN mkdir -p /etc/traefik/acme \\
              && touch /etc/traefik/acme/acme.json \\
              && chmod 600 /etc/traefik/acme/acme.json
            COPY ./compose/production/traefik/traefik.yml /etc/traefik
        """,
        # Trimmed from github:taigaio/taiga-back docker/Dockerfile at
        # b6eac2c503eaa955e5d81bc29b2e8a988b7cb36b: gosu steps down from root in the entrypoint.
        "docker/Dockerfile": """
            FROM python:3.11-slim
            ENV PYTHONUNBUFFERED=1
            COPY . /taiga-back
            ENV GOSU_VERSION 1.12
            RUN set -eux; \\
                wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-amd64"; \\
                chmod +x /usr/local/bin/gosu; \\
                python -m pip install -r requirements.txt
            ENTRYPOINT ["./docker/entrypoint.sh"]
        """,
        "Dockerfile": """
            FROM python:3.11-slim
            ENV PYTHONUNBUFFERED=1
            CMD ["gunicorn", "shop.wsgi"]
        """,
    }
    assert found(tmp_path, files) == [("Dockerfile", 1, "BD405")]


# cookiecutter-django's compose/production/django/entrypoint, the wait-for-it version
# (github:cookiecutter/cookiecutter-django; the stored copy found with find_string): with no
# command after --, wait-for-it exits non-zero on a timeout, and errexit stops the start.
COOKIECUTTER_WAIT_ENTRYPOINT = """
#!/bin/bash

set -o errexit
set -o pipefail
set -o nounset

if [ -z "${POSTGRES_USER}" ]; then
    base_postgres_image_default_user='postgres'
    export POSTGRES_USER="${base_postgres_image_default_user}"
fi
export DATABASE_URL="postgres://${POSTGRES_USER}:${POSTGRES_PASSWORD}@${POSTGRES_HOST}:${POSTGRES_PORT}/${POSTGRES_DB}"

wait-for-it "${POSTGRES_HOST}:${POSTGRES_PORT}" -t 30

>&2 echo 'PostgreSQL is available'

exec "$@"
"""


def test_wait_for_it_without_a_command_is_strict_under_errexit_or_and(tmp_path: Path) -> None:
    assert found(tmp_path / "a", {"entrypoint": COOKIECUTTER_WAIT_ENTRYPOINT}) == []
    loose = COOKIECUTTER_WAIT_ENTRYPOINT.replace("set -o errexit\n", "")
    assert found(tmp_path / "b", {"entrypoint": loose}) == [("entrypoint", 12, "BD506")]
    chained = {
        "docker-entrypoint.sh": "#!/bin/sh\nwait-for-it db:5432 -t 30 && exec gunicorn shop.wsgi\n"
    }
    assert found(tmp_path / "c", chained) == []


def test_stages_compose_tags_schedulers_and_other_programs_images(tmp_path: Path) -> None:
    files = {
        # github:DefectDojo/django-DefectDojo@7cfa159a6767b0ac6e66f3b1597a997e607e7308
        # docker-compose.override.unit_tests.yml: Compose's own !reset and !override tags.
        "docker-compose.override.unit_tests.yml": """
            ---
            services:
              nginx: !reset
              uwsgi:
                build:
                  target: django-unittests
                depends_on: !override
                  postgres:
                    condition: service_started
        """,
        # Trimmed from github:apptension/saas-boilerplate@ee01a0e43b75f38d975057badfc09182a7eec5cb
        # packages/backend/Dockerfile: the SECRET_KEY is set in a build stage the final
        # image does not start from; and its production Compose file's beat service.
        "packages/backend/Dockerfile": """
            FROM python:3.13-slim AS backend_build
            ENV PYTHONUNBUFFERED=1
            RUN pip install -r requirements.txt
            FROM backend_build AS static_files
            ENV DJANGO_SECRET_KEY='build'
            RUN python manage.py collectstatic --no-input
            FROM backend_build AS backend
            COPY --from=static_files /app/static /app/static
            USER 1000
            CMD ["./scripts/runtime/run.sh"]
        """,
        "docker-compose.prod.yml": """
            services:
              celery_beat:
                build:
                  context: ./packages/backend
                  target: backend
                container_name: celery_beat
                restart: unless-stopped
                command: ["./scripts/runtime/run_celery_beat.sh"]
        """,
        # github:GhostManager/Ghostwriter@0a8d74cf20384415ffef4e9da222f964e332e700
        # compose/production/hasura/Dockerfile: another program's image, configured.
        "compose/production/hasura/Dockerfile": """
            FROM hasura/graphql-engine:v2.45.6.cli-migrations-v3

            COPY ./hasura-docker/metadata /metadata
        """,
        # Trimmed from github:allegro/ralph@c33ead2c5c99808e6e027af5b411a9c7bb160aad
        # docker/Dockerfile-deb: the image the Makefile runs to build the .deb package.
        "docker/Dockerfile-deb": """
            FROM ubuntu:bionic
            RUN apt-get update && apt-get install -y python3 python3-dev git-buildpackage
            COPY . $RALPH_DIR
            WORKDIR $RALPH_DIR
            ENTRYPOINT ["make", "-f", "Makefile.docker"]
        """,
    }
    assert found(tmp_path, files) == []


def test_a_fix_keeps_crlf_line_ends_and_lands_where_the_scan_meant(tmp_path: Path) -> None:
    dockerfile = tmp_path / "Dockerfile"
    dockerfile.write_bytes(b'FROM python:3.13-slim\r\nUSER 1000\r\nCMD ["gunicorn", "p.wsgi"]\r\n')
    report = run(tmp_path)
    (fix,) = plan_fixes(report.findings, {d: s.path for d, s in report.sources.items()})
    fix.write()
    assert dockerfile.read_bytes() == (
        b'FROM python:3.13-slim\r\nENV PYTHONUNBUFFERED=1\r\nUSER 1000\r\nCMD ["gunicorn", "p.wsgi"]\r\n'
    )
    assert [p.name for p in tmp_path.iterdir()] == ["Dockerfile"]


def test_nginx_one_finding_per_host(tmp_path: Path) -> None:
    # The shape of github:GhostManager/Ghostwriter@0a8d74cf20384415ffef4e9da222f964e332e700
    # compose/production/nginx/nginx_common.conf: several locations pass to one host.
    conf = """
        server {
            location / { proxy_pass http://django:8000; }
            location /admin { proxy_pass http://django:8000; }
            location /api { proxy_pass http://django:8000/api; }
            location /graphql { proxy_pass http://graphql_engine:8080/v1/graphql; }
            location /console { proxy_pass http://graphql_engine:8080/console; }
        }
    """
    assert found(tmp_path, {"nginx/nginx_common.conf": conf}) == [
        ("nginx/nginx_common.conf", 2, "BD601"),
        ("nginx/nginx_common.conf", 5, "BD601"),
    ]


def test_a_lock_counts_when_a_command_takes_it_not_when_a_comment_names_it(tmp_path: Path) -> None:
    # github:paperless-ngx/paperless-ngx@b0e0e8a35373a5d9d588a507cb63c79e50a23403
    # docker/rootfs/etc/s6-overlay/s6-rc.d/init-migrations/run takes s6-setlock.
    locked = """
        #!/command/with-contenv /usr/bin/bash
        cd "${PAPERLESS_SRC_DIR}"
        # The whole migrate, with flock, needs to run as the right user
        exec s6-setlock -n "${data_dir}/migration_lock" python3 manage.py migrate --no-input
    """
    run_file = "docker/rootfs/etc/s6-overlay/s6-rc.d/init-migrations/run"
    assert found(tmp_path / "a", {run_file: locked}) == []
    unlocked = locked.replace('s6-setlock -n "${data_dir}/migration_lock" ', "")
    assert found(tmp_path / "b", {run_file: unlocked}) == [(run_file, 4, "BD403")]
