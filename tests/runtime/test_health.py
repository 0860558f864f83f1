"""/healthz and /readyz: what they check, what they answer, and what they never reveal."""

from __future__ import annotations

import contextlib
import importlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import caches
from django.core.files.storage import storages
from django.db import OperationalError, connections
from django.db.backends.postgresql.base import DatabaseWrapper as PostgresWrapper
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

import berth.runtime.urls
from berth.config.dsn.cache import REDIS_TIMEOUT, parse_cache_url
from berth.config.dsn.database import DEFAULT_CONNECT_TIMEOUT, parse_database_url
from berth.runtime import health
from berth.runtime.health import READINESS_TIMEOUT, readyz
from berth.up.replica import PROBE_TIMEOUT

SECRET = "hunter2-s3cr3t-Pa55"
STATICFILES = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
ALL_OK = {"database": "ok", "storage": "ok", "cache": "ok"}


@pytest.fixture(autouse=True)
def no_check_in_flight() -> None:
    # A check still running from an earlier test (a hung server it gave up on, on a loaded
    # machine) would count as timed out in this one: each test starts with none.
    health._in_flight.clear()


def storages_with(backend: str, **options: Any) -> dict[str, Any]:
    return {"default": {"BACKEND": backend, "OPTIONS": options}, "staticfiles": STATICFILES}


def get_readyz() -> tuple[int, dict[str, Any], str]:
    response = Client().get("/readyz")
    text = response.content.decode()
    return response.status_code, json.loads(text), text


def assert_unavailable(failed: list[str]) -> str:
    status, body, text = get_readyz()
    assert status == 503, text
    assert body["status"] == "unavailable"
    assert body["failed"] == failed
    assert body["checks"] == {name: "unavailable" if name in failed else "ok" for name in ALL_OK}
    return text


@pytest.fixture
def swap_database(django_db_blocker: Any) -> Iterator[Any]:
    """Replace the ``default`` connection, in this thread, with a file SQLite one at a path."""
    original = connections["default"]
    made: list[DatabaseWrapper] = []

    def swap(path: Path) -> DatabaseWrapper:
        settings = {**connections.settings["default"], "NAME": str(path), "CONN_MAX_AGE": None}
        wrapper = DatabaseWrapper(settings, alias="default")
        made.append(wrapper)
        connections["default"] = wrapper
        return wrapper

    with django_db_blocker.unblock():
        try:
            yield swap
        finally:
            connections["default"] = original
            for wrapper in made:
                wrapper.close()


# -- healthz ---------------------------------------------------------------------------------


def test_healthz() -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]


@override_settings(ALLOWED_HOSTS=["shop.example"])
def test_healthz_asked_for_the_host_answers_as_a_page_would() -> None:
    """Probes skip the Host check (orchestrators probe by address); berth up asks for it."""
    assert Client(HTTP_HOST="10.1.2.3").get("/healthz").status_code == 200
    assert Client(HTTP_HOST="shop.example").get("/healthz?host").status_code == 200
    assert Client(HTTP_HOST="127.0.0.1:8000").get("/healthz?host").status_code == 400


def test_healthz_touches_no_backing_service(monkeypatch: pytest.MonkeyPatch) -> None:
    # No django_db mark: any database access would raise.
    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("liveness must not touch the cache")

    monkeypatch.setattr(caches["default"], "get", refuse)
    monkeypatch.setattr(caches["default"], "set", refuse)
    assert Client().get("/healthz").status_code == 200


def test_urls_are_named() -> None:
    assert reverse("berth-healthz") == "/healthz"
    assert reverse("berth-readyz") == "/readyz"


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_only_get_and_head(path: str) -> None:
    client = Client()
    assert client.post(path).status_code == 405
    assert client.put(path).status_code == 405
    assert client.delete(path).status_code == 405


# -- readyz: all up --------------------------------------------------------------------------


@pytest.mark.django_db
def test_readyz_all_ok() -> None:
    response = Client().get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": ALL_OK}
    assert "no-cache" in response["Cache-Control"]
    assert Client().head("/readyz").status_code == 200


@pytest.mark.django_db
def test_readyz_leaves_no_probe_key_in_the_cache() -> None:
    cache = caches["default"]
    cache.clear()
    assert Client().get("/readyz").status_code == 200
    assert list(cache._cache) == []  # type: ignore[attr-defined]


@pytest.mark.django_db
@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_dummy_cache_counts_as_ok() -> None:
    assert get_readyz()[0] == 200


@pytest.mark.django_db
@override_settings(STORAGES=storages_with("django.core.files.storage.InMemoryStorage"))
def test_other_storages_get_a_best_effort_check() -> None:
    assert get_readyz()[0] == 200


# -- readyz: database ------------------------------------------------------------------------


def test_unreachable_database(swap_database: Any, tmp_path: Path) -> None:
    wrapper = swap_database(tmp_path / "missing-dir" / "db.sqlite3")
    assert_unavailable(["database"])
    assert wrapper.connection is None


def test_atomic_requests_do_not_turn_an_outage_into_a_500(
    swap_database: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    swap_database(tmp_path / "missing-dir" / "db.sqlite3")
    # Django decides on ATOMIC_REQUESTS from the configured settings, not the connection's.
    monkeypatch.setitem(connections.settings["default"], "ATOMIC_REQUESTS", True)
    assert Client().get("/healthz").status_code == 200
    assert_unavailable(["database"])


def test_database_that_comes_back_is_picked_up(swap_database: Any, tmp_path: Path) -> None:
    directory = tmp_path / "later"
    wrapper = swap_database(directory / "db.sqlite3")
    assert_unavailable(["database"])
    directory.mkdir()
    assert get_readyz()[0] == 200
    assert wrapper.connection is not None


def test_stale_connection_is_dropped_and_replaced(swap_database: Any, tmp_path: Path) -> None:
    wrapper = swap_database(tmp_path / "db.sqlite3")
    assert get_readyz()[0] == 200
    stale = wrapper.connection
    # What a database restart leaves behind: a connection object whose server side is gone.
    stale.close()
    assert_unavailable(["database"])
    assert wrapper.connection is None, "the broken connection is closed, not kept"
    assert get_readyz()[0] == 200
    assert wrapper.connection is not stale


def test_database_error_text_never_leaks(
    swap_database: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    wrapper = swap_database(tmp_path / "db.sqlite3")

    def fail() -> None:
        raise OperationalError(
            f'connection to "postgres://app:{SECRET}@db.internal:5432/app" failed'
        )

    monkeypatch.setattr(wrapper, "ensure_connection", fail)
    text = assert_unavailable(["database"])
    assert SECRET not in text
    assert "postgres" not in text
    assert [r.getMessage() for r in caplog.records if r.name == "berth.health"] == [
        "readiness check failed: database (OperationalError)"
    ]
    assert all(r.levelname == "WARNING" for r in caplog.records if r.name == "berth.health")
    assert SECRET not in caplog.text


# -- readyz: storage -------------------------------------------------------------------------


@pytest.mark.django_db
def test_missing_media_directory(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    storage_settings = storages_with(
        "django.core.files.storage.FileSystemStorage", location=str(tmp_path / "gone")
    )
    with override_settings(STORAGES=storage_settings):
        assert_unavailable(["storage"])
        (tmp_path / "gone").mkdir()
        assert get_readyz()[0] == 200
    assert "readiness check failed: storage (FileNotFoundError)" in caplog.text


@pytest.mark.django_db
def test_media_location_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a directory")
    with override_settings(
        STORAGES=storages_with(
            "django.core.files.storage.FileSystemStorage", location=str(tmp_path / "file")
        )
    ):
        assert_unavailable(["storage"])


@pytest.mark.django_db
@override_settings(STORAGES=storages_with("django.core.files.storage.InMemoryStorage"))
def test_storage_error_text_never_leaks(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def fail(name: str) -> bool:
        raise ConnectionError(f"https://AKIAEXAMPLE:{SECRET}@storage.internal/bucket unreachable")

    monkeypatch.setattr(storages["default"], "exists", fail)
    text = assert_unavailable(["storage"])
    assert SECRET not in text
    assert SECRET not in caplog.text
    assert "readiness check failed: storage (ConnectionError)" in caplog.text


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def s3_storages(**options: Any) -> dict[str, Any]:
    defaults = {
        "bucket_name": "berth-readyz",
        "access_key": "AKIAEXAMPLE",
        "secret_key": SECRET,
        "region_name": "us-east-1",
        "addressing_style": "path",
    }
    return storages_with("storages.backends.s3.S3Storage", **{**defaults, **options})


@pytest.mark.django_db
def test_s3_endpoint_down(caplog: pytest.LogCaptureFixture) -> None:
    with override_settings(STORAGES=s3_storages(endpoint_url=f"http://127.0.0.1:{closed_port()}")):
        started = time.monotonic()
        text = assert_unavailable(["storage"])
        assert time.monotonic() - started < 5
    assert SECRET not in text
    assert "AKIAEXAMPLE" not in text
    assert SECRET not in caplog.text
    assert "readiness check failed: storage (EndpointConnectionError)" in caplog.text


@pytest.mark.django_db
def test_s3_endpoint_that_hangs_is_given_up_on_without_retrying() -> None:
    """A server that accepts connections and never answers: a bounded, single attempt."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except TimeoutError:
                continue

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        endpoint = f"http://127.0.0.1:{listener.getsockname()[1]}"
        with override_settings(STORAGES=s3_storages(endpoint_url=endpoint)):
            started = time.monotonic()
            assert_unavailable(["storage"])
            elapsed = time.monotonic() - started
    finally:
        stop.set()
        acceptor.join()
        for connection in accepted:
            connection.close()
        listener.close()
    assert 1.5 < elapsed < 4, elapsed
    assert len(accepted) == 1, "no retry"


@pytest.mark.django_db
def test_s3_bucket_reachable(s3_bucket: Any) -> None:
    options = {
        "bucket_name": s3_bucket.name,
        "endpoint_url": s3_bucket.endpoint_url,
        "access_key": s3_bucket.access_key,
        "secret_key": s3_bucket.secret_key,
        "region_name": s3_bucket.region,
    }
    with override_settings(STORAGES=s3_storages(**options)):
        status, body, text = get_readyz()
        assert status == 200, text
        assert body == {"status": "ok", "checks": ALL_OK}
        # The probe's client is made once per storage, not once per probe.
        assert get_readyz()[0] == 200


@pytest.mark.django_db
def test_s3_bucket_missing(s3_bucket: Any, caplog: pytest.LogCaptureFixture) -> None:
    options = {
        "bucket_name": f"{s3_bucket.name}-absent",
        "endpoint_url": s3_bucket.endpoint_url,
        "access_key": s3_bucket.access_key,
        "secret_key": s3_bucket.secret_key,
        "region_name": s3_bucket.region,
    }
    with override_settings(STORAGES=s3_storages(**options)):
        text = assert_unavailable(["storage"])
    assert s3_bucket.secret_key not in text
    assert "readiness check failed: storage (ClientError)" in caplog.text


# -- readyz: cache ---------------------------------------------------------------------------


FORGETFUL = {"default": {"BACKEND": "tests.runtime.forgetful_cache.ForgetfulCache"}}


def redis_caches(port: int) -> dict[str, Any]:
    # As CACHE_URL=redis://… resolves, timeouts included.
    return {"default": parse_cache_url(f"redis://:{SECRET}@127.0.0.1:{port}/0")}


@pytest.mark.django_db
def test_cache_down(caplog: pytest.LogCaptureFixture) -> None:
    with override_settings(CACHES=redis_caches(closed_port())):
        text = assert_unavailable(["cache"])
    assert SECRET not in text
    assert SECRET not in caplog.text
    assert "readiness check failed: cache (ConnectionError)" in caplog.text


@pytest.mark.django_db
@override_settings(CACHES=FORGETFUL)
def test_cache_that_loses_what_it_is_given() -> None:
    assert_unavailable(["cache"])


# -- readyz: several failures ----------------------------------------------------------------


@override_settings(CACHES=FORGETFUL)
def test_failures_are_listed_in_check_order(swap_database: Any, tmp_path: Path) -> None:
    swap_database(tmp_path / "nowhere" / "db.sqlite3")
    with override_settings(
        STORAGES=storages_with(
            "django.core.files.storage.FileSystemStorage", location=str(tmp_path / "gone")
        )
    ):
        assert_unavailable(["database", "storage", "cache"])


# -- readyz: bounded in time -----------------------------------------------------------------


@contextmanager
def silent_server() -> Iterator[int]:
    """A port that accepts connections and never says a word: a hung Redis, S3 or database."""
    listener = socket.create_server(("127.0.0.1", 0))
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                accepted.append(listener.accept()[0])

    acceptor = threading.Thread(target=accept, daemon=True)
    acceptor.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        acceptor.join()
        for connection in accepted:
            connection.close()
        listener.close()


@pytest.mark.django_db
def test_a_hung_redis_is_a_503_within_its_socket_timeout() -> None:
    with silent_server() as port, override_settings(CACHES=redis_caches(port)):
        started = time.monotonic()
        assert_unavailable(["cache"])
        elapsed = time.monotonic() - started
    assert elapsed < REDIS_TIMEOUT + 1, elapsed


@pytest.mark.django_db
def test_hung_storage_and_cache_together_still_answer_before_the_probes_give_up() -> None:
    with silent_server() as s3_port, silent_server() as redis_port:
        settings = {
            "CACHES": redis_caches(redis_port),
            "STORAGES": s3_storages(endpoint_url=f"http://127.0.0.1:{s3_port}"),
        }
        with override_settings(**settings):
            started = time.monotonic()
            assert_unavailable(["storage", "cache"])
            elapsed = time.monotonic() - started
    # Side by side, under one deadline; the probes berth init writes wait 5 s.
    assert elapsed < READINESS_TIMEOUT + 0.5, elapsed
    assert READINESS_TIMEOUT < 5


def test_a_hung_database_is_a_503_within_its_connect_timeout(django_db_blocker: Any) -> None:
    original = connections["default"]
    with silent_server() as port:
        settings = {
            **connections.settings["default"],
            **parse_database_url(f"postgres://app:{SECRET}@127.0.0.1:{port}/app"),
        }
        wrapper = PostgresWrapper(settings, alias="default")
        connections["default"] = wrapper
        try:
            with django_db_blocker.unblock():
                started = time.monotonic()
                text = assert_unavailable(["database"])
                elapsed = time.monotonic() - started
        finally:
            connections["default"] = original
            wrapper.close()
    assert elapsed < DEFAULT_CONNECT_TIMEOUT + 1, elapsed
    assert SECRET not in text


def test_every_bound_is_shorter_than_whoever_waits_on_it() -> None:
    # libpq's connect, then /readyz's deadline, then the probes (5 s) and berth up's probe.
    assert DEFAULT_CONNECT_TIMEOUT < READINESS_TIMEOUT < PROBE_TIMEOUT
    assert REDIS_TIMEOUT < READINESS_TIMEOUT


def test_a_check_that_never_returns_is_a_timeout_and_is_not_started_twice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = threading.Event()
    calls: list[int] = []

    def hang() -> None:
        calls.append(1)
        release.wait(30)

    monkeypatch.setattr(health, "SERVICE_CHECKS", (("cache", hang),))
    try:
        started = time.monotonic()
        assert health.check_services(timeout=0.3) == {"cache": "timeout"}
        assert health.check_services(timeout=0.3) == {"cache": "timeout"}
        assert time.monotonic() - started < 0.3 * 2 + 0.5
        assert calls == [1], "the hung check is not started again while it runs"
    finally:
        release.set()


def test_view_can_be_called_directly(swap_database: Any, tmp_path: Path) -> None:
    swap_database(tmp_path / "db.sqlite3")
    response = readyz(RequestFactory().get("/readyz"))
    assert response.status_code == 200


# -- media under DEBUG -----------------------------------------------------------------------


@pytest.fixture
def reload_berth_urls() -> Iterator[None]:
    try:
        yield
    finally:
        importlib.reload(berth.runtime.urls)


def pattern_names() -> list[str | None]:
    return [getattr(p, "name", None) for p in berth.runtime.urls.urlpatterns]


def test_no_media_patterns_without_debug(reload_berth_urls: None) -> None:
    importlib.reload(berth.runtime.urls)
    assert pattern_names() == ["berth-healthz", "berth-readyz"]


def test_local_media_is_served_under_debug(reload_berth_urls: None, tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_text("pixels")
    storage_settings = storages_with(
        "django.core.files.storage.FileSystemStorage", location=str(tmp_path), base_url="/uploads/"
    )
    with override_settings(DEBUG=True, STORAGES=storage_settings):
        importlib.reload(berth.runtime.urls)
        media = berth.runtime.urls.urlpatterns[2:]
        assert len(media) == 1
        match = media[0].resolve("uploads/photo.txt")
        assert match is not None
        response = match.func(
            RequestFactory().get("/uploads/photo.txt"), *match.args, **match.kwargs
        )
        assert response.status_code == 200
        try:
            assert b"".join(response.streaming_content) == b"pixels"
        finally:
            # Not response.close(): that also sends request_finished, a whole request's end.
            response.file_to_stream.close()


@pytest.mark.parametrize(
    "storage_settings",
    [
        storages_with("django.core.files.storage.InMemoryStorage"),
        storages_with(
            "django.core.files.storage.FileSystemStorage", base_url="https://cdn.example.com/media/"
        ),
    ],
)
def test_no_media_patterns_for_remote_media(
    reload_berth_urls: None, storage_settings: dict[str, Any]
) -> None:
    with override_settings(DEBUG=True, STORAGES=storage_settings):
        importlib.reload(berth.runtime.urls)
        assert pattern_names() == ["berth-healthz", "berth-readyz"]


# -- probes before host validation -----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
@override_settings(ALLOWED_HOSTS=["example.com"], SECURE_SSL_REDIRECT=True)
def test_probes_answer_any_host_over_plain_http(path: str) -> None:
    # Kubernetes probes a pod by its IP, over HTTP: neither may cost the replica its life.
    response = Client().get(path, HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "ok"


@override_settings(ALLOWED_HOSTS=["example.com"], SECURE_SSL_REDIRECT=True)
def test_other_paths_still_validate_the_host() -> None:
    assert Client().get("/healthz/extra", HTTP_HOST="10.1.2.3:8000").status_code == 400


def test_probes_write_no_access_line(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("INFO", logger="berth.request"):
        Client().get("/healthz")
    assert not [record for record in caplog.records if record.name == "berth.request"]


@pytest.mark.django_db(transaction=True)
def test_probes_under_asgi() -> None:
    import asyncio

    from django.test import AsyncClient

    response = asyncio.run(AsyncClient().get("/healthz", HTTP_HOST="10.1.2.3"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
