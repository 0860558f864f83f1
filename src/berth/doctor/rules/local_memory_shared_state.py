"""BD204: state that must be shared kept in a local-memory cache: cache-backed sessions,
rate limits, counters, ``cache.add()`` locks, or a task's or thread's result left for a later
request, on ``LocMemCache`` (explicit, or Django's implicit default when ``CACHES`` is not set).

**What breaks in containers.** ``LocMemCache`` lives in one worker process of one replica.
Sessions kept there are lost on the next request to another process; a rate limit or a
``cache.incr()`` counter counts per process, so N replicas with W workers allow N×W times the
limit; a lock taken with ``cache.add()`` locks nothing anywhere else; what a task worker or a
background thread ``cache.set()``s is never seen by the web process that asks for it.

**Fix.** Point the cache these use at Redis or Memcached (``CACHE_URL=redis://...``), or keep
sessions in the database (Django's default ``SESSION_ENGINE``).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from berth.doctor.findings import Severity, Span
from berth.doctor.project import Project
from berth.doctor.project_settings import SettingsView, Value, strings
from berth.doctor.project_settings import view as module_view
from berth.doctor.python import PythonFile, Role, Scope
from berth.doctor.registry import Hit, Pattern, Rule

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


# -- the cache used from code as shared state -------------------------------------------------
#
# Which cache a project runs on is in its settings, the code that relies on it being shared
# anywhere: each file records its uses ("shared_cache_uses"), judged once the settings are
# known. Reading and writing a cache as a cache is fine on local memory (a miss recomputes);
# what is reported needs the cache to be shared: counting, locking, and handing a result from
# a task or a thread to a request.

_CACHE_CALL = Pattern(
    ("cache.", "caches["),
    re.compile(r"cache(?:s\[[^\]]*\])?\.(?:add|incr|decr|set|set_many)\("),
)
_COUNTERS = frozenset({"incr", "decr"})
_HAND_OFF = frozenset({"set", "set_many", "add"})


def _cache_alias(file: PythonFile, receiver: ast.expr) -> str | None:
    """``default`` for Django's ``cache``, the alias of ``caches["name"]``; None otherwise."""
    if file.qualname(receiver) == "django.core.cache.cache":
        return "default"
    if (
        isinstance(receiver, ast.Subscript)
        and file.qualname(receiver.value) == "django.core.cache.caches"
        and isinstance(receiver.slice, ast.Constant)
        and isinstance(receiver.slice.value, str)
    ):
        return receiver.slice.value
    return None


def _in_thread(file: PythonFile, scope: Scope) -> bool:
    """``run()`` of a Thread subclass: a background thread of the serving process."""
    function = scope.function
    outer = scope.parent
    if not isinstance(function, ast.FunctionDef) or function.name != "run" or outer is None:
        return False
    bases = [
        file.qualname(base)
        for node in file.tree.body
        if isinstance(node, ast.ClassDef) and node.name == outer.class_name
        for base in node.bases
    ]
    return any(base.rsplit(".", 1)[-1] == "Thread" for base in bases)


@rule.python(triggers=(_CACHE_CALL,), also=("core.cache import",))
def record_uses(file: PythonFile) -> Iterator[Hit]:
    if file.source.tooling:
        return
    uses: list[list[object]] = []
    reported: set[int] = set()
    calls = sorted(
        file.of(ast.Call),
        key=lambda pair: (getattr(pair[0], "lineno", 0), getattr(pair[0], "col_offset", 0)),
    )
    for node, scope in calls:
        assert isinstance(node, ast.Call)
        func = node.func
        if not isinstance(func, ast.Attribute) or scope.debug_only:
            continue
        alias = _cache_alias(file, func.value)
        if alias is None:
            continue
        # Counting and locking mean sharing wherever they run; a plain set only when a
        # task or a thread leaves it for a request.
        thread = _in_thread(file, scope)
        if scope.role == Role.IMPORT:
            continue
        message = None
        if func.attr in _COUNTERS:
            message = f"cache.{func.attr}() counts in this process's cache when it is local memory"
        elif func.attr == "add" and _result_tested(file, node):
            message = "cache.add() as a lock locks only this process when the cache is local memory"
        elif func.attr in _HAND_OFF and (thread or scope.role == Role.TASK):
            where = "a background thread" if thread else "a task"
            message = (
                f"cache.{func.attr}() in {where}: a local-memory cache keeps it in that "
                "process, where no request of another process or replica sees it"
            )
        if message is not None and id(scope.function) not in reported:
            # One finding per function: its every set or incr is the same problem.
            reported.add(id(scope.function))
            span = file.span(node)
            uses.append([span.line, span.column, span.end_line, span.end_column, alias, message])
    if uses:
        file.facts["shared_cache_uses"] = uses
    yield from ()


def _result_tested(file: PythonFile, call: ast.Call) -> bool:
    """``if cache.add(...)``, ``acquired = cache.add(...)``, ``return cache.add(...)``: the
    answer is used, so the add is a lock or a once-only guard, not a cache fill."""
    line = file.lines[call.lineno - 1] if call.lineno <= len(file.lines) else ""
    before = line[: call.col_offset].strip()
    return (
        before.startswith(("if ", "elif ", "while ", "return", "not "))
        or before.endswith(("=", "not", "("))
        and not before.endswith(("==", "!="))
    )


# Folders whose settings configure an example, the docs or the tests of an app, not a project
# that serves: used only when no Dockerfile or Compose service says which settings serve.
_ASIDE = frozenset(
    {"example", "examples", "sample", "samples", "demo", "sandbox", "docs", "doc", "tests", "test"}
)


def _serving_views(project: Project) -> list[tuple[SettingsView, str]]:
    """The settings that serve, each with the folder of the code it configures."""
    views = project.settings
    chosen = []
    for module in project.production.settings_modules():
        for view in views:
            if view.module == module or view.module.endswith("." + module):
                # config.settings at packages/backend/config/settings.py: packages/backend/
                tail = module.replace(".", "/")
                cut = view.path.rfind(tail + ".py")
                cut = view.path.rfind(tail + "/") if cut == -1 else cut
                chosen.append((view, view.path[: max(cut, 0)]))
    if chosen:
        return chosen
    if not views:
        # No leaf: a base every leaf of which is development-only (saleor's tests/settings.py
        # star-imports saleor/settings.py) still configures production.
        facts = {path: fact for path, fact in project.each("settings") if fact}
        views = [
            base
            for fact in facts.values()
            if not fact["development_only"]
            and (base := module_view(facts, fact["module"])) is not None
        ]
    found = []
    for view in views:
        folders = view.path.split("/")[:-1]
        if _ASIDE.intersection(folders):
            continue
        if folders and folders[-1] == "settings":
            folders.pop()  # config/settings/production.py configures config's project
        found.append((view, "/".join(folders[:-1]) + "/" if len(folders) > 1 else ""))
    return found


@rule.project
def check_uses(project: Project) -> Iterator[Hit]:
    views = _serving_views(project)
    if not views:
        # An app: the project that installs it chooses the cache, and Django's default
        # (CACHES unset) is local memory; what the code needs is said, once per module.
        for path, uses in project.each("shared_cache_uses"):
            *span, _, message = min(uses)
            yield Hit(
                Span(*span),
                f"{message}, Django's default: this needs CACHES shared by every process "
                "(Redis, Memcached)",
                path=path,
            )
        return
    for path, uses in project.each("shared_cache_uses"):
        governing = [view for view, root in views if path.startswith(root)]
        for *span, alias, message in uses:
            if any(_local(view, alias)[0] for view in governing):
                yield Hit(Span(*span), message, path=path)
