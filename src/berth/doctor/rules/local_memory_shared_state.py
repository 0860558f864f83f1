"""BD204: state that must be shared kept in a local-memory cache: cache-backed sessions,
rate limits or login-attempt counters on ``LocMemCache`` (explicit, or Django's implicit
default when ``CACHES`` is not set).

**What breaks in containers.** ``LocMemCache`` lives in one worker process of one replica.
Sessions kept there are lost on the next request to another process; a rate limit counts per
process, so N replicas with W workers allow N×W times the limit; a lock taken there locks
nothing anywhere else.

**Fix.** Point the cache these use at Redis or Memcached (``CACHE_URL=redis://...``), or keep
sessions in the database (Django's default ``SESSION_ENGINE``).
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.findings import Severity
from berth.doctor.project import Project
from berth.doctor.project_settings import SettingsView, Value, strings
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD204",
    loses_state=True,
    slug="local-memory-shared-state",
    severity=Severity.ERROR,
    summary="state that must be shared is kept in a local-memory cache",
    hint="point that cache at Redis or Memcached (CACHE_URL=redis://...), or keep sessions "
    "in the database",
)

_CACHE_SESSIONS = (
    "django.contrib.sessions.backends.cache",
    "django.contrib.sessions.backends.cached_db",
)
_RATE_LIMIT_APPS = ("django_ratelimit", "ratelimit", "defender")


def _local(view: SettingsView, alias: str) -> tuple[bool, Value | None]:
    """Whether cache ``alias`` is local memory, and the BACKEND value that says so."""
    caches = view.get("CACHES")
    if caches is None:
        # Django's implicit default is LocMemCache; berth.configure's default is too, but a
        # CACHE_URL replaces it at run time, which only `manage.py check` can see.
        return (not view.configure, None)
    backend = view.get("CACHES", alias, "BACKEND")
    if backend is None or backend[0] != "c":
        return (False, None)
    return (str(backend[1]).endswith("LocMemCache"), backend)


@rule.project
def check(project: Project) -> Iterator[Hit]:
    for view in project.settings:
        engine = view.get("SESSION_ENGINE")
        if engine is not None and engine[0] == "c" and engine[1] in _CACHE_SESSIONS:
            alias = view.string("SESSION_CACHE_ALIAS") or "default"
            local, backend = _local(view, alias)
            if local:
                where = backend or engine
                yield view.hit(
                    where,
                    f"sessions ({str(engine[1]).rsplit('.', 1)[-1]} backend) are kept in a "
                    "local-memory cache: signed out on another process or replica",
                )
        apps = view.get("INSTALLED_APPS")
        for name, node in strings(apps) if apps is not None else ():
            if name in _RATE_LIMIT_APPS or (
                name == "axes"
                and view.string("AXES_HANDLER") == "axes.handlers.cache.AxesCacheHandler"
            ):
                local, backend = _local(view, "default")
                if local:
                    yield view.hit(
                        node,
                        f"{name} counts in the cache, which is local memory: each process "
                        "counts alone",
                    )
