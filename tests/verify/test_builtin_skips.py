"""The built-in flows against this process's own Django (the unit tests' settings: no admin, no
messages, a LocMemCache, a FileSystemStorage), through ``manage.py berth_verify`` run in-process
in place of a replica's: what each says it lacks, and what it makes and reads back."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.management import call_command
from django.test import override_settings

from berth.verify import Lost, ReplicaClient, Skipped
from berth.verify.builtin import builtin_flows


class InProcess:
    """The operator's channel, answered by this process instead of a replica's."""

    def call(self, action: str, name: str | None = None, *, stdin: str = "") -> dict[str, Any]:
        out = io.StringIO()
        call_command("berth_verify", action, *([name] if name else []), stdout=out)
        answer: dict[str, Any] = json.loads(out.getvalue())
        return answer


def client(replica: str = "web-1", *, operator: bool = True) -> ReplicaClient:
    return ReplicaClient(
        replica,
        "http://127.0.0.1:9",
        {},
        [],
        InProcess() if operator else None,  # type: ignore[arg-type]
    )


def test_without_the_admin_login_and_messages_are_skipped() -> None:
    login, messages, _, _ = builtin_flows()
    for flow in (login, messages):
        with pytest.raises(Skipped, match="^django.contrib.admin is not in INSTALLED_APPS$"):
            flow.write(client())


def test_replicas_given_by_url_skip_every_builtin_flow() -> None:
    for flow in builtin_flows():
        with pytest.raises(Skipped, match="^replicas given by URL: berth cannot enter them to "):
            flow.write(client(operator=False))


def test_a_stored_file_is_made_read_and_deleted() -> None:
    *_, storage, _ = builtin_flows()
    state = storage.write(client())
    storage.read(client("web-2"), state)
    storage.cleanup(client())
    with pytest.raises(
        Lost, match=r"^berth-verify/berth-verify-\w+\.txt is not in default_storage here$"
    ):
        storage.read(client("web-2"), state)


def test_a_cache_entry_in_another_process_is_lost_naming_the_backend() -> None:
    *_, cache = builtin_flows()
    state = cache.write(client())
    cache.read(client(), state)  # the writer's: read back in the writing process already
    cache.read(client("web-2"), state)  # this process is every replica here: it is found
    cache.cleanup(client())
    with pytest.raises(
        Lost,
        match=r"^the entry set on web-1 is not in the cache here \(CACHES\['default'\] is LocMemCache\)$",
    ):
        cache.read(client("web-2"), state)


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_a_dummy_cache_is_skipped() -> None:
    *_, cache = builtin_flows()
    with pytest.raises(
        Skipped, match="^the default cache is DummyCache: it keeps nothing to lose$"
    ):
        cache.write(client())


@override_settings(
    INSTALLED_APPS=[
        "django.contrib.admin",
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "berth.runtime",
    ]
)
def test_database_sessions_without_the_sessions_app_are_skipped() -> None:
    login, *_ = builtin_flows()
    with pytest.raises(
        Skipped,
        match=r"^django.contrib.sessions is not in INSTALLED_APPS: django.contrib.sessions.backends.db has no table",
    ):
        login.write(client())
