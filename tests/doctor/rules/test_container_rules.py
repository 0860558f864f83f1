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
        ("compose.yaml", 10, "BD505"),
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
