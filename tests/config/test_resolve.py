from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sentry_sdk

from berth.config.resolve import DEVELOPMENT_SECRET_KEY, capturing, configure, resolve
from berth.config.variables import Source, read_environment
from berth.errors import ConfigurationError

PROD = {"DATABASE_URL": "postgres://app:pw@db:5432/shop", "SECRET_KEY": "k" * 50}


def settings_for(
    environ: dict[str, str], project: dict[str, Any] | None = None, base: Path = Path("/srv/app")
) -> dict[str, Any]:
    return resolve(read_environment(environ), project, base).checked().settings


def test_embedded_defaults_live_under_base_dir_data(tmp_path: Path) -> None:
    namespace: dict[str, Any] = {"BASE_DIR": tmp_path}
    config = configure(namespace, environ={})
    assert namespace["DATABASES"]["default"]["NAME"] == str(tmp_path / "data" / "db.sqlite3")
    assert namespace["STORAGES"]["default"] == {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(tmp_path / "data" / "media"), "base_url": "/media/"},
    }
    assert namespace["MEDIA_URL"] == "/media/" and namespace["MEDIA_ROOT"] == str(
        tmp_path / "data" / "media"
    )
    assert namespace["DEBUG"] is True and namespace["SECRET_KEY"] == DEVELOPMENT_SECRET_KEY
    assert config.embedded == {"database", "storage"}
    assert (tmp_path / "data" / "media").is_dir(), "runserver just works: the folders exist"


def test_environment_wins_over_project_which_wins_over_defaults() -> None:
    project = {
        "DEBUG": True,
        "TIME_ZONE": "Europe/Zurich",
        "ALLOWED_HOSTS": ["example.org"],
        "SECRET_KEY": "project-key",
    }
    settings = settings_for({**PROD, "DEBUG": "0"}, project)
    assert settings["DEBUG"] is False  # environment beats project
    assert settings["TIME_ZONE"] == "Europe/Zurich"  # project beats default
    assert settings["ALLOWED_HOSTS"] == ["example.org"]
    assert settings["SECRET_KEY"] == "k" * 50


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        (PROD, ["localhost", "127.0.0.1", "[::1]"]),
        ({**PROD, "DOMAIN": "shop.example"}, ["shop.example"]),
        ({**PROD, "ALLOWED_HOSTS": "a.example"}, ["a.example"]),
    ],
)
def test_startprojects_empty_allowed_hosts_counts_as_unset(
    environ: dict[str, str], expected: list[str]
) -> None:
    """With DEBUG off, [] refuses every request: a 400 on every page behind a green /readyz."""
    config = resolve(read_environment(environ), {"ALLOWED_HOSTS": []}, server="gunicorn")
    assert config.settings["DEBUG"] is False
    assert config.settings["ALLOWED_HOSTS"] == expected


def test_project_databases_are_kept_and_extended() -> None:
    replica = {"ENGINE": "django.db.backends.postgresql", "NAME": "ro"}
    settings = settings_for(PROD, {"DATABASES": {"replica": replica}})
    assert settings["DATABASES"]["replica"] == replica
    assert settings["DATABASES"]["default"]["HOST"] == "db"


def test_debug_is_off_once_a_database_is_configured() -> None:
    assert settings_for(PROD)["DEBUG"] is False


def test_secret_key_is_required_when_debug_is_off() -> None:
    with pytest.raises(ConfigurationError, match="SECRET_KEY: is required when DEBUG is off"):
        settings_for({"DATABASE_URL": "postgres://db/shop"})


def test_storage_url_sets_storage_and_media_url() -> None:
    settings = settings_for(
        {**PROD, "STORAGE_URL": "s3://K:S@photos?endpoint_url=http://127.0.0.1:9000"}
    )
    assert settings["STORAGES"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert settings["MEDIA_URL"] == "http://127.0.0.1:9000/photos/"
    assert settings["STORAGES"]["staticfiles"] == {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    }
    assert "MEDIA_ROOT" not in settings


def test_divio_alias_and_precedence() -> None:
    divio = "s3://K:S@media-1.s3.amazonaws.com/?auth=s3v4"
    config = resolve(read_environment({**PROD, "DEFAULT_STORAGE_DSN": divio}), {}, Path("/srv"))
    assert config.settings["STORAGES"]["default"]["OPTIONS"]["bucket_name"] == "media-1"
    assert (
        next(line for line in config.report if line.variable == "STORAGE_URL").source
        is Source.ALIAS
    )
    both = resolve(
        read_environment({**PROD, "DEFAULT_STORAGE_DSN": divio, "STORAGE_URL": "s3://K:S@photos"}),
        {},
        Path("/srv"),
    )
    assert both.settings["STORAGES"]["default"]["OPTIONS"]["bucket_name"] == "photos"


def test_domain_derives_hosts_and_csrf_origins() -> None:
    settings = settings_for(
        {**PROD, "DOMAIN": "Photos.Example.com"},
        {"CSRF_TRUSTED_ORIGINS": ["https://admin.example.com"]},
    )
    assert settings["ALLOWED_HOSTS"] == ["photos.example.com"]
    assert settings["CSRF_TRUSTED_ORIGINS"] == [
        "https://admin.example.com",
        "https://photos.example.com",
    ]


def test_allowed_hosts_list_and_proxy_header() -> None:
    settings = settings_for(
        {
            **PROD,
            "ALLOWED_HOSTS": "a.example, b.example ,",
            "SECURE_PROXY_SSL_HEADER": "X-Forwarded-Proto: https",
        }
    )
    assert settings["ALLOWED_HOSTS"] == ["a.example", "b.example"]
    assert settings["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")


def test_logging_follows_log_format() -> None:
    json_handler = settings_for(PROD)["LOGGING"]["handlers"]
    console = settings_for({**PROD, "LOG_FORMAT": "console", "LOG_LEVEL": "debug"})["LOGGING"]
    assert json_handler and console
    assert all("filename" not in handler for handler in json_handler.values())
    assert console["root"]["level"] == "DEBUG"


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("DEBUG", "maybe", "DEBUG: the value must be a boolean"),
        ("TIME_ZONE", "Mars/Olympus", "TIME_ZONE: is not a known IANA time zone"),
        ("LOG_LEVEL", "LOUD", "LOG_LEVEL: must be one of"),
        ("LOG_FORMAT", "xml", "LOG_FORMAT: must be json or console"),
        ("DOMAIN", "https://example.com/", "DOMAIN: must be a host name"),
        ("SECURE_PROXY_SSL_HEADER", "X Forwarded", "SECURE_PROXY_SSL_HEADER: must look like"),
        ("SENTRY_DSN", "not a dsn", "SENTRY_DSN: must look like"),
        (
            "SENTRY_TRACES_SAMPLE_RATE",
            "2",
            "SENTRY_TRACES_SAMPLE_RATE: must be a number from 0 to 1",
        ),
        ("PORT", "http", "PORT: the port must be a whole number"),
        ("WEB_CONCURRENCY", "0", "WEB_CONCURRENCY: the worker count must be between"),
    ],
)
def test_bad_values_name_the_variable(name: str, value: str, message: str) -> None:
    with pytest.raises(ConfigurationError, match=message):
        settings_for({**PROD, name: value})


def test_every_variable_is_resolved_when_others_fail() -> None:
    config = resolve(
        read_environment(
            {
                "DATABASE_URL": "postgres://app:pw@db:54x2/shop",
                "DOMAIN": "https://example.com/",
                "TIME_ZONE": "Mars/Olympus",
                "SENTRY_TRACES_SAMPLE_RATE": "2",
                "PORT": "http",
            }
        ),
        {"ALLOWED_HOSTS": []},
        Path("/srv/app"),
    )
    failed = ["DATABASE_URL", "SECRET_KEY", "DOMAIN", "TIME_ZONE", "SENTRY_TRACES_SAMPLE_RATE"]
    assert [error.variable for error in config.errors] == [*failed, "PORT"]
    shown = [line.variable for line in config.report]
    assert not set(shown) & set(failed)
    assert shown == [
        "STORAGE_URL",
        "CACHE_URL",
        "EMAIL_URL",
        "DEBUG",
        "ALLOWED_HOSTS",
        "STATIC_URL",
        "STATIC_ROOT",
        "LOG_LEVEL",
        "LOG_FORMAT",
        "SENTRY_DSN",
        "WEB_CONCURRENCY",
    ]
    with pytest.raises(ConfigurationError, match="^DATABASE_URL: "):
        config.checked()


def test_configure_adds_berth_middleware_and_app_once(tmp_path: Path) -> None:
    namespace: dict[str, Any] = {
        "BASE_DIR": tmp_path,
        "INSTALLED_APPS": ["django.contrib.auth", "django.contrib.staticfiles"],
        "MIDDLEWARE": [
            "django.middleware.security.SecurityMiddleware",
            "django.middleware.common.CommonMiddleware",
        ],
    }
    configure(namespace, environ={})
    configure(namespace, environ={})
    assert namespace["MIDDLEWARE"] == [
        "berth.runtime.health.HealthProbeMiddleware",
        "berth.runtime.request_id.RequestIdMiddleware",
        "django.middleware.security.SecurityMiddleware",
        "whitenoise.middleware.WhiteNoiseMiddleware",
        "django.middleware.common.CommonMiddleware",
    ]
    assert namespace["INSTALLED_APPS"] == [
        "django.contrib.auth",
        "whitenoise.runserver_nostatic",
        "django.contrib.staticfiles",
        "berth.runtime",
    ]


def test_empty_variables_count_as_unset() -> None:
    assert settings_for({"DATABASE_URL": "  ", "STORAGE_URL": ""})["DEBUG"] is True


def test_build_mode_needs_no_secret_and_creates_nothing(tmp_path: Path) -> None:
    # collectstatic in an image build: DEBUG off, no SECRET_KEY, no services, no writes.
    namespace: dict[str, Any] = {"BASE_DIR": tmp_path}
    configure(namespace, environ={"BERTH_BUILD": "1", "DEBUG": "off"})
    assert namespace["SECRET_KEY"]
    assert list(tmp_path.iterdir()) == []


def test_without_build_mode_the_secret_is_still_required(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="SECRET_KEY"):
        configure({"BASE_DIR": tmp_path}, environ={"BERTH_BUILD": "0", "DEBUG": "off"})


# What a served process gets (gunicorn, uvicorn, an image berth init writes): never DEBUG or a
# public key unless DEBUG was set; docs/configuration.md has the table.
def served(environ: dict[str, str], project: dict[str, Any] | None = None) -> dict[str, Any]:
    config = resolve(read_environment(environ), project, Path("/srv/app"), server="gunicorn")
    return config.checked().settings


def test_a_served_process_with_nothing_set_refuses_naming_secret_key() -> None:
    with pytest.raises(ConfigurationError, match=r"^SECRET_KEY: is required when DEBUG is off"):
        served({})


def test_a_served_process_is_never_in_debug_on_the_embedded_database() -> None:
    settings = served({"SECRET_KEY": "k" * 50})
    assert settings["DEBUG"] is False
    assert settings["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"


def test_debug_set_by_name_is_honoured_with_the_development_key() -> None:
    settings = served({"DEBUG": "on"})
    assert (settings["DEBUG"], settings["SECRET_KEY"]) == (True, DEVELOPMENT_SECRET_KEY)


def test_debug_true_in_settings_py_does_not_reach_a_served_process() -> None:
    config = resolve(
        read_environment({"SECRET_KEY": "k" * 50}), {"DEBUG": True}, Path("/srv"), server="uvicorn"
    )
    assert config.settings["DEBUG"] is False
    (line,) = [line for line in config.report if line.variable == "DEBUG"]
    assert (
        line.resolved
        == "served by uvicorn: on only when DEBUG is set; DEBUG = True in settings ignored"
    )


@pytest.mark.parametrize(
    "key", ["django-insecure-5y$k@3b!x^", DEVELOPMENT_SECRET_KEY], ids=["startproject", "berth"]
)
def test_a_public_key_in_settings_py_is_refused_when_served(key: str) -> None:
    with pytest.raises(ConfigurationError, match="SECRET_KEY: settings.py holds a public"):
        served({"DATABASE_URL": PROD["DATABASE_URL"]}, {"SECRET_KEY": key})
    # The same settings still just work for manage.py and runserver.
    assert (
        settings_for({"DATABASE_URL": PROD["DATABASE_URL"]}, {"SECRET_KEY": key})["SECRET_KEY"]
        == key
    )


def test_a_real_key_in_settings_py_serves() -> None:
    assert served({}, {"SECRET_KEY": "s" * 50})["SECRET_KEY"] == "s" * 50


def test_an_image_build_needs_no_key_even_under_a_server_module() -> None:
    namespace: dict[str, Any] = {"BASE_DIR": Path("/srv/app")}
    configure(namespace, environ={"BERTH_BUILD": "1"}, server="gunicorn")
    assert namespace["SECRET_KEY"] == DEVELOPMENT_SECRET_KEY


def test_a_refusal_under_a_server_names_every_failure_one_line_each(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        configure({"BASE_DIR": tmp_path}, environ={"PORT": "http"}, server="gunicorn")
    assert stop.value.code == 4
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(":")[:2] for line in lines] == [["berth", " SECRET_KEY"], ["berth", " PORT"]]


def test_capturing_configure_changes_only_the_settings(tmp_path: Path) -> None:
    namespace: dict[str, Any] = {"BASE_DIR": tmp_path}
    with capturing("gunicorn") as capture:
        config = configure(namespace, environ={"SENTRY_DSN": "https://k@o0.ingest.sentry.io/1"})
    assert capture.configurations == [config]
    assert [error.variable for error in config.errors] == ["SECRET_KEY"]
    assert namespace["DEBUG"] is False, "as served by gunicorn"
    assert list(tmp_path.iterdir()) == [], "no data/ folders made"
    assert config.sentry and not sentry_sdk.get_client().is_active()


def test_a_refusal_under_a_server_is_one_line_and_the_app_load_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        configure({"BASE_DIR": tmp_path}, environ={}, server="gunicorn")
    assert stop.value.code == 4  # gunicorn's "App failed to load": it halts instead of rebooting
    assert capsys.readouterr().err == (
        "berth: SECRET_KEY: is required when DEBUG is off; set it to a long random value, "
        "e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'\n"
    )


@pytest.mark.parametrize(
    ("imports", "server"),
    [
        ("import gunicorn.config", "None"),  # a settings import of gunicorn: not serving
        ("import gunicorn.arbiter", "gunicorn"),
        ("import uvicorn", "uvicorn"),
        ("import django.core.management", "None"),  # manage.py, runserver
    ],
)
def test_the_server_is_known_by_what_it_loaded(imports: str, server: str) -> None:
    code = f"{imports}\nfrom berth.config.server import serving_process\nprint(serving_process())"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == server, result.stderr
