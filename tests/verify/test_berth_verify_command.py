"""``manage.py berth_verify``, the operator channel's command, in this process: it only ever
touches names berth verify made, and each action answers one JSON line."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from django.core.management import CommandError, call_command


def berth_verify(*args: str) -> dict[str, Any]:
    out = io.StringIO()
    call_command("berth_verify", *args, stdout=out)
    answer: dict[str, Any] = json.loads(out.getvalue())
    return answer


@pytest.mark.parametrize(
    "action",
    [
        "user-create",
        "user-delete",
        "group-delete",
        "storage-write",
        "storage-read",
        "storage-delete",
        "cache-write",
        "cache-read",
        "cache-delete",
    ],
)
@pytest.mark.parametrize(
    "name", ["admin", "photos/cat.jpg", "berth-verify/berth-verify-../../../etc/passwd", None]
)
def test_a_name_it_did_not_make_is_refused(action: str, name: str | None) -> None:
    with pytest.raises(CommandError, match=f"^{action}: the name must start with 'berth-verify-'"):
        berth_verify(action, *([name] if name else []))


def test_a_stored_file_round_trip() -> None:
    written = berth_verify("storage-write", "berth-verify/berth-verify-1a2b.txt")
    assert written["name"] == "berth-verify/berth-verify-1a2b.txt"
    assert berth_verify("storage-read", written["name"]) == {"content": written["content"]}
    berth_verify("storage-delete", written["name"])
    assert berth_verify("storage-read", written["name"]) == {"content": None}


def test_a_cache_entry_is_read_back_in_the_process_that_set_it() -> None:
    written = berth_verify("cache-write", "berth-verify-1a2b")
    assert written["read_back"] is True
    assert berth_verify("cache-read", "berth-verify-1a2b") == {"value": written["value"]}
    berth_verify("cache-delete", "berth-verify-1a2b")
    assert berth_verify("cache-read", "berth-verify-1a2b") == {"value": None}


def test_the_probe_names_what_the_project_lacks() -> None:
    facts = berth_verify("probe")
    assert facts["apps"] == {"admin": False, "auth": True, "sessions": True, "messages": False}
    assert facts["urls"] == {"admin_login": None, "admin_index": None, "group_add": None}
    assert facts["session_middleware"] is True
    assert facts["session_engine"] == "django.contrib.sessions.backends.db"
    assert facts["cache_backend"] == "django.core.cache.backends.locmem.LocMemCache"
    assert facts["storage_backend"] == "django.core.files.storage.filesystem.FileSystemStorage"
