"""BD203: a ``FileBasedCache`` in settings that are not development-only.

**What breaks in containers.** Each replica caches into its own filesystem: an invalidation
(``cache.delete``) on one replica leaves the others serving the stale value, the files fill the
container's writable layer, and a restart empties the cache.

**Fix.** Use a shared cache: Redis (``django.core.cache.backends.redis.RedisCache``, or
``CACHE_URL=redis://...`` with berth) or Memcached.
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.findings import Severity
from berth.doctor.project import Project
from berth.doctor.project_settings import lookup
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD203",
    loses_state=True,
    slug="file-based-cache",
    severity=Severity.WARNING,
    summary="FileBasedCache keeps a separate cache on each container's disk",
    hint="use a shared cache: Redis (CACHE_URL=redis://...) or Memcached",
)


@rule.project
def check(project: Project) -> Iterator[Hit]:
    for view in project.settings:
        caches = view.get("CACHES")
        if caches is None or caches[0] != "dict":
            continue
        for _, alias in caches[1]:
            backend = lookup(alias, "BACKEND")
            if (
                backend is not None
                and backend[0] == "c"
                and str(backend[1]).endswith("FileBasedCache")
            ):
                yield view.hit(backend)
