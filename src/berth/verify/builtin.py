"""The flows that hold for every Django project, run before a project's own ``berth_flows.py``.

What a visitor does goes over HTTP: an admin login, and a success message set by an admin
"add" that redirects. What has no URL goes through the operator's channel
(:mod:`berth.verify.operator`): a ``default_storage`` round trip and a cache round trip. Each
is skipped, with the reason, when the project lacks the piece it needs.
"""

from __future__ import annotations

import html
import re
import secrets
from typing import Any

from berth.verify.client import ReplicaClient
from berth.verify.flows import Flow, Lost, Skipped
from berth.verify.operator import Operator

__all__ = ["builtin_flows"]

_DUMMY_CACHE = "django.core.cache.backends.dummy.DummyCache"
_DATABASE_SESSIONS = (
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
)
_SESSION_MESSAGES = "django.contrib.messages.storage.session.SessionStorage"
# Sessions in SQLite, in files, in a FileBasedCache or a LocMemCache.
_SESSION_RULES = ("BD201", "BD202", "BD203", "BD204")
_MESSAGE_LIST = re.compile(r'<ul class="messagelist">(.*?)</ul>', re.DOTALL)


def builtin_flows() -> list[Flow]:
    """A login, a message, a stored file, a cache entry: sharing one look at the project."""
    probe = _Probe()
    return [AdminLogin(probe), AdminMessage(probe), StorageRoundTrip(), CacheRoundTrip(probe)]


def _throwaway_name(file: bool = False) -> str:
    """A name manage.py berth_verify takes: only those starting with its prefix."""
    # Imported here: the command module loads Django, which berth verify --help does without.
    from berth.runtime.management.commands.berth_verify import PREFIX, STORAGE_FOLDER

    name = f"{PREFIX}{secrets.token_hex(4)}"
    return f"{STORAGE_FOLDER}/{name}.txt" if file else name


def _operator(client: ReplicaClient, what: str) -> Operator:
    if client.operator is None:
        raise Skipped(
            f"replicas given by URL: berth cannot enter them to {what} (run it beside berth up)"
        )
    return client.operator


class _Probe:
    """What the project has (apps, admin URLs, backends), asked of the first replica once."""

    def __init__(self) -> None:
        self._facts: dict[str, Any] | None = None

    def facts(self, client: ReplicaClient, what: str) -> dict[str, Any]:
        if self._facts is None:
            self._facts = _operator(client, what).call("probe")
        return self._facts

    def admin(self, client: ReplicaClient) -> dict[str, str]:
        """The admin's login, index and group "add" paths, or Skipped saying what is missing."""
        facts = self.facts(client, "make a throwaway admin")
        installed = facts["apps"]
        for label in ("admin", "auth"):
            if not installed[label]:
                raise Skipped(f"django.contrib.{label} is not in INSTALLED_APPS")
        if not facts["session_middleware"]:
            raise Skipped("no SessionMiddleware in MIDDLEWARE: nobody can sign in")
        if facts["session_engine"] in _DATABASE_SESSIONS and not installed["sessions"]:
            raise Skipped(
                f"django.contrib.sessions is not in INSTALLED_APPS: {facts['session_engine']} "
                "has no table to keep sessions in"
            )
        urls: dict[str, str] = facts["urls"]
        if not urls["admin_login"] or not urls["admin_index"]:
            raise Skipped("the admin is not routed (no URL named admin:login in ROOT_URLCONF)")
        return urls


class _ThrowawayAdmin(Flow):
    """Signs in through the admin as a superuser made for this run and deleted after it."""

    def __init__(self, probe: _Probe) -> None:
        self.probe = probe
        self.username = _throwaway_name()
        self.created = False

    def sign_in(self, client: ReplicaClient, urls: dict[str, str]) -> None:
        password = secrets.token_urlsafe(24)
        operator = _operator(client, "make a throwaway admin")
        # Before the call: interrupted, it may have made the user all the same.
        self.created = True
        operator.call("user-create", self.username, stdin=password + "\n")
        login, index = urls["admin_login"], urls["admin_index"]
        answer = client.post(
            login, data={"username": self.username, "password": password, "next": index}
        )
        if answer.status_code != 200 or not answer.url.endswith(index):
            raise Lost(
                f"signing in through {login} did not reach {index} (HTTP {answer.status_code})"
            )

    def cleanup(self, client: ReplicaClient) -> None:
        if self.created:
            _operator(client, "delete the throwaway admin").call("user-delete", self.username)


class AdminLogin(_ThrowawayAdmin):
    name = "login: an admin session made on one replica, signed in on the others"
    likely_cause = (
        "sessions kept on the replica (a file, local-memory or cache SESSION_ENGINE on a "
        "LocMemCache) or replicas with different SECRET_KEYs: keep sessions in the database "
        "(Django's default) or a shared cache (CACHE_URL), and give every replica one SECRET_KEY"
    )
    doctor_rules = _SESSION_RULES

    def write(self, client: ReplicaClient) -> str:
        urls = self.probe.admin(client)
        self.sign_in(client, urls)
        return urls["admin_index"]

    def read(self, client: ReplicaClient, index: str) -> None:
        page = client.get(index, allow_redirects=False)
        if page.status_code != 200:
            raise Lost(f"not signed in here: {index} answers HTTP {page.status_code}")


class AdminMessage(_ThrowawayAdmin):
    name = "messages: a success message set on one replica, shown by the others"
    likely_cause = (
        "replicas signing cookies with different SECRET_KEYs (messages travel in a signed "
        "cookie), or messages kept in a session the others cannot read: give every replica "
        "one SECRET_KEY"
    )
    doctor_rules = _SESSION_RULES

    def __init__(self, probe: _Probe) -> None:
        super().__init__(probe)
        self.group = _throwaway_name()

    def write(self, client: ReplicaClient) -> dict[str, str]:
        urls = self.probe.admin(client)
        facts = self.probe.facts(client, "make a throwaway admin")
        if not facts["apps"]["messages"]:
            raise Skipped("django.contrib.messages is not in INSTALLED_APPS")
        if facts["message_storage"] == _SESSION_MESSAGES:
            # The first page that shows a session-kept message removes it for every replica:
            # the login flow already proves the session is shared.
            raise Skipped("MESSAGE_STORAGE is SessionStorage: a message can be shown only once")
        if not urls["group_add"]:
            raise Skipped("auth.Group is not in the admin: no admin 'add' to make a message")
        self.sign_in(client, urls)
        added = client.post(urls["group_add"], data={"name": self.group}, allow_redirects=False)
        if added.status_code != 302:
            raise Lost(
                f"adding a group through {urls['group_add']} answered HTTP {added.status_code}"
            )
        return {"page": added.headers["Location"], "group": self.group}

    def read(self, client: ReplicaClient, state: dict[str, str]) -> None:
        page = client.get(state["page"], allow_redirects=False)
        if page.status_code != 200:
            raise Lost(f"not signed in here: {state['page']} answers HTTP {page.status_code}")
        shown = " ".join(_MESSAGE_LIST.findall(page.text))
        if state["group"] not in html.unescape(shown):
            raise Lost(f"the message set by the 'add' is not shown on {state['page']}")

    def cleanup(self, client: ReplicaClient) -> None:
        if self.created:
            _operator(client, "delete the throwaway group").call("group-delete", self.group)
        super().cleanup(client)


class StorageRoundTrip(Flow):
    name = "default_storage: a file saved on one replica, read on the others"
    likely_cause = (
        "a default storage on the replica's disk (FileSystemStorage under MEDIA_ROOT): set "
        "STORAGE_URL to object storage"
    )
    # A FileSystemStorage, or media on a volume or bind mount of one container.
    doctor_rules = ("BD101", "BD404", "BD503")

    def __init__(self) -> None:
        self.saved: str | None = None

    def write(self, client: ReplicaClient) -> dict[str, str]:
        operator = _operator(client, "save a file")
        # Named before the call: interrupted, it may have saved the file all the same.
        self.saved = _throwaway_name(file=True)
        answer = operator.call("storage-write", self.saved)
        # A storage may save under another name when this one is taken.
        self.saved = str(answer["name"])
        return {"name": self.saved, "content": str(answer["content"])}

    def read(self, client: ReplicaClient, state: dict[str, str]) -> None:
        answer = _operator(client, "read a file").call("storage-read", state["name"])
        if answer["content"] is None:
            raise Lost(f"{state['name']} is not in default_storage here")
        if answer["content"] != state["content"]:
            raise Lost(f"{state['name']} holds other content here")

    def cleanup(self, client: ReplicaClient) -> None:
        if self.saved is not None:
            _operator(client, "delete a file").call("storage-delete", self.saved)


class CacheRoundTrip(Flow):
    name = "cache: an entry set on one replica, read on the others"
    likely_cause = (
        "a cache each process keeps for itself (LocMemCache: berth's default without "
        "CACHE_URL) or on the replica's disk (FileBasedCache): set CACHE_URL=redis://… . "
        "Only a miss for a pure cache; lost state for what is kept there (sessions, rate "
        "limits, locks)"
    )
    doctor_rules = ("BD203", "BD204")
    # A cache may forget: not shared is a warning. What a project keeps there as state (rate
    # limits, locks) is its own flow's to prove.
    warns_only = True

    def __init__(self, probe: _Probe) -> None:
        self.probe = probe
        self.key: str | None = None
        self.read_in_writer = False

    def write(self, client: ReplicaClient) -> dict[str, str]:
        backend = str(self.probe.facts(client, "set a cache entry")["cache_backend"])
        if backend == _DUMMY_CACHE:
            raise Skipped("the default cache is DummyCache: it keeps nothing to lose")
        operator = _operator(client, "set a cache entry")
        self.key = _throwaway_name()
        answer = operator.call("cache-write", self.key)
        if not answer["read_back"]:
            raise Lost(f"the cache ({backend}) lost the entry within the process that set it")
        # berth verify's first read is on the writer's replica, which a new process in its tree
        # sees no better than another replica's would: the write read the entry back in its
        # own process instead.
        self.read_in_writer = True
        return {
            "key": self.key,
            "value": str(answer["value"]),
            "written_on": client.replica,
            "backend": backend,
        }

    def read(self, client: ReplicaClient, state: dict[str, str]) -> None:
        if self.read_in_writer:
            self.read_in_writer = False
            return
        answer = _operator(client, "read a cache entry").call("cache-read", state["key"])
        if answer["value"] != state["value"]:
            raise Lost(
                f"the entry set on {state['written_on']} is not in the cache here "
                f"(CACHES['default'] is {state['backend'].rpartition('.')[2]})"
            )

    def cleanup(self, client: ReplicaClient) -> None:
        if self.key is not None:
            _operator(client, "delete a cache entry").call("cache-delete", self.key)
