"""Process configuration outside Python and Dockerfiles: Procfiles, uWSGI .ini files, and
what every replica starts (BD403 migrate, BD402 collectstatic, BD408 a scheduler, BD409
loaddata)."""

from __future__ import annotations

from pathlib import Path

from tests.doctor.conftest import found

# github:tvo25/graditude Procfile (code search): migrate on the release line, once per
# deploy; a worker process that embeds beat, besides a beat process of its own.
GRADITUDE_PROCFILE = """
release: python manage.py migrate
web: gunicorn config.wsgi:application
worker_beat: celery --app=config.celery_app worker -B -l info --scheduler django_celery_beat.schedulers:DatabaseScheduler
worker: celery worker --app=config.celery_app --loglevel=info
beat: celery --app=config.celery_app beat -l info --scheduler django_celery_beat.schedulers:DatabaseScheduler
"""
# github:uktrade/market-access-api Procfile (code search): migrate in the web line.
MARKET_ACCESS_PROCFILE = """
web: python manage.py migrate --noinput && gunicorn config.wsgi:application --bind 0.0.0.0:$PORT --worker-class gevent --worker-connections 1000 --timeout 120 --log-file -
celeryworker: celery -A config.wsgi:application worker -l info -Q celery
celerybeat: celery -A config.wsgi:application beat -l info -S django
"""


def test_procfile_release_and_web_lines(tmp_path: Path) -> None:
    assert found(tmp_path / "a", {"Procfile": GRADITUDE_PROCFILE}) == [("Procfile", 3, "BD408")]
    assert found(tmp_path / "b", {"Procfile": MARKET_ACCESS_PROCFILE}) == [("Procfile", 1, "BD403")]


def test_a_development_procfile_is_not_production(tmp_path: Path) -> None:
    assert found(tmp_path, {"Procfile.dev": MARKET_ACCESS_PROCFILE}) == []


# Trimmed from github:healthchecks/healthchecks docker/uwsgi.ini (code search): migrations
# run by each instance as the app loads; the attached daemons are the project's own loops.
HEALTHCHECKS_UWSGI = """
[uwsgi]
master
die-on-term
http-socket = :8000
module = hc.wsgi:application
static-gzip-dir = static-collected/CACHE
hook-pre-app = exec:./manage.py migrate
attach-daemon = ./manage.py sendalerts
attach-daemon = ./manage.py sendreports --loop
"""


def test_uwsgi_hooks_and_daemons(tmp_path: Path) -> None:
    files = {
        "docker/uwsgi.ini": HEALTHCHECKS_UWSGI,
        "deploy/beat.ini": """
            [uwsgi]
            module = shop.wsgi
            attach-daemon = celery -A shop beat -l info
            cron = 0 3 -1 -1 -1 ./manage.py clearsessions
        """,
        "tox.ini": "[tox]\nenvlist = py312\n[testenv]\ncommands = python manage.py migrate\n",
    }
    assert found(tmp_path, files) == [
        ("deploy/beat.ini", 3, "BD408"),
        ("deploy/beat.ini", 4, "BD408"),
        ("docker/uwsgi.ini", 7, "BD403"),
    ]


def test_celery_beat_in_every_replica(tmp_path: Path) -> None:
    files = {
        "compose.yaml": """
            services:
              web:
                build: .
                command: gunicorn shop.wsgi
              worker:
                build: .
                command: celery -A shop worker -B -l info
              beat:
                build: .
                command: celery -A shop beat -l info
        """,
        "docker-entrypoint.sh": """
            #!/bin/sh
            celery -A shop beat -l info &
            exec gunicorn shop.wsgi
        """,
    }
    assert found(tmp_path, files, "BD408") == [
        ("compose.yaml", 7, "BD408"),
        ("docker-entrypoint.sh", 2, "BD408"),
    ]


# A public project's docker entrypoint (code search: "loaddata demo-shops.yaml"): fixtures
# loaded at every start, before exec "$@" starts gunicorn.
LOADDATA_ENTRYPOINT = """
#!/usr/bin/env bash

# if command starts with an option, prepend gunicorn
if [ "${1:0:1}" = '-' ]; then
	set -- gunicorn "$@"
fi

_update_data() {
	echo "Initializing data..."
    python manage.py migrate
    python manage.py collectstatic --noinput
    python manage.py loaddata areas.yaml
	echo "done"
}

_update_data

echo "Booting gunicorn"
exec "$@"
"""


def test_loaddata_at_every_start(tmp_path: Path) -> None:
    assert found(tmp_path / "a", {"docker-entrypoint.sh": LOADDATA_ENTRYPOINT}, "BD409") == [
        ("docker-entrypoint.sh", 12, "BD409")
    ]
    # An opt-in (a code-search example: LOAD_FIXTURES=True for a demo) is not every start.
    opt_in = """
        #!/bin/sh
        python manage.py migrate
        if [ "${LOAD_FIXTURES:-}" = "True" ]; then
            python manage.py loaddata data/fixtures/journeys/data.json
        fi
        python -m gunicorn core.asgi:application -k uvicorn.workers.UvicornWorker
    """
    assert found(tmp_path / "b", {"docker-entrypoint.sh": opt_in}, "BD409") == []


def test_only_the_file_named_procfile_is_production(tmp_path: Path) -> None:
    # github:heroku/python-getting-started@f7c8d9929a782e90bc0bb9320f2cb43a3d62958d: the
    # Windows variant is what `heroku local -f Procfile.windows` runs on a laptop.
    files = {
        "Procfile": "web: gunicorn --config gunicorn.conf.py gettingstarted.wsgi\n",
        "Procfile.windows": "web: python manage.py runserver %PORT%\n",
    }
    assert found(tmp_path, files) == []


def test_uwsgi_static_map_of_media_and_s6_services(tmp_path: Path) -> None:
    files = {
        # github:wagtail/bakerydemo@8e2b625755d8942412d5b7627b146a795933b8b2 etc/uwsgi.ini
        "etc/uwsgi.ini": """
            [uwsgi]
            http-socket=:$(PORT)
            master=true
            workers=2
            lazy-apps=true
            static-map=/media/=/code/bakerydemo/media/
            wsgi-file=bakerydemo/wsgi.py
        """,
        # github:paperless-ngx/paperless-ngx@b0e0e8a35373a5d9d588a507cb63c79e50a23403:
        # s6-overlay runs these in every container: a scheduler service and the migrations.
        "docker/rootfs/etc/s6-overlay/s6-rc.d/svc-scheduler/run": """
            #!/command/with-contenv /usr/bin/bash
            # shellcheck shell=bash

            cd ${PAPERLESS_SRC_DIR}

            if [[ -n "${USER_IS_NON_ROOT}" ]]; then
                exec /usr/local/bin/celery --app paperless beat --loglevel INFO
            else
                exec s6-setuidgid paperless /usr/local/bin/celery --app paperless beat --loglevel INFO
            fi
        """,
        "docker/rootfs/etc/s6-overlay/s6-rc.d/init-migrations/run": """
            #!/command/with-contenv /usr/bin/bash
            cd "${PAPERLESS_SRC_DIR}"
            exec s6-setuidgid paperless python3 manage.py migrate --skip-checks --no-input
        """,
        # A migrate in a plain script nothing starts with the container is not reported.
        "scripts/upgrade.sh": "#!/bin/sh\npython3 manage.py migrate\n",
    }
    assert found(tmp_path, files) == [
        ("docker/rootfs/etc/s6-overlay/s6-rc.d/init-migrations/run", 3, "BD403"),
        ("docker/rootfs/etc/s6-overlay/s6-rc.d/svc-scheduler/run", 7, "BD408"),
        ("etc/uwsgi.ini", 6, "BD602"),
    ]


def test_a_server_named_in_an_echo_does_not_make_a_start_script(tmp_path: Path) -> None:
    # Trimmed from github:netbox-community/netbox@43fe81f9e833228c9869f7ddadb67e6c5f145060
    # upgrade.sh: run by hand after an upgrade; gunicorn is only in its closing advice.
    script = """
        #!/bin/bash
        COMMAND="python3 netbox/manage.py migrate"
        echo "Applying database migrations ($COMMAND)..."
        eval $COMMAND || exit 1
        COMMAND="python3 netbox/manage.py collectstatic --no-input"
        eval $COMMAND || exit 1
        python3 netbox/manage.py migrate --plan
        echo "Python and gunicorn executables. (If this is a new installation,"
        echo "  ${VIRTUALENV}/bin/gunicorn"
    """
    assert found(tmp_path / "a", {"upgrade.sh": script}) == []
    # Launched through gosu or uv, or handed over with exec "$@", the server counts.
    for start in (
        "exec gosu app gunicorn shop.wsgi",
        "uv run gunicorn shop.wsgi",
        'exec su app -c "gunicorn shop.wsgi"',
        'exec "$@"',
    ):
        files = {"start.sh": f"#!/bin/sh\npython manage.py migrate\n{start}\n"}
        assert found(tmp_path / str(len(start)), files) == [("start.sh", 2, "BD403")], start


def test_only_uwsgi_sections_and_process_managers(tmp_path: Path) -> None:
    files = {
        # An application's own settings file: its cron is not uWSGI's.
        "config/app.ini": "[scheduler]\ncron = 0 3 * * *\n[uwsgi-like]\nhook-pre-app = x\n",
        # An entrypoint that hands over to supervisord, which starts gunicorn.
        "docker-entrypoint.sh": "#!/bin/sh\npython manage.py migrate\nexec supervisord -c /etc/supervisord.conf\n",
    }
    assert found(tmp_path, files) == [("docker-entrypoint.sh", 2, "BD403")]
