"""BD301: threads, timers, processes and schedulers (APScheduler, ``schedule``, ``sched``)
started at import time or in ``AppConfig.ready()``, directly or one call away: through a
function, a constructor or a Thread subclass of another module.

**What breaks in containers.** The code runs in every replica and every worker process, and in
each one-off ``manage.py`` container: a nightly job runs N times at once, or not at all when
the replica that would run it is replaced mid-way. Threads started at import also run during
the image build and die silently with a recycled worker.

**Fix.** Run scheduled work in one place: a cron job in the platform (Kubernetes CronJob, a
Compose service running ``manage.py`` on a schedule), Celery beat (one instance) or a task
queue; a single ``scheduler`` service when an in-process scheduler must be used.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from berth.doctor.findings import Severity, Span
from berth.doctor.project import Project, dotted_match
from berth.doctor.python import PythonFile, Role, Scope
from berth.doctor.registry import Hit, Pattern, Rule

rule = Rule(
    __name__,
    id="BD301",
    slug="background-work-at-startup",
    severity=Severity.ERROR,
    summary="background work started at import time or in AppConfig.ready() runs once per replica",
    hint="schedule it once: a platform cron job, Celery beat, or one dedicated scheduler service",
)

_STARTERS = frozenset(
    {
        "threading.Thread",
        "threading.Timer",
        "multiprocessing.Process",
        "apscheduler.schedulers.background.BackgroundScheduler",
        "apscheduler.schedulers.asyncio.AsyncIOScheduler",
        "apscheduler.schedulers.blocking.BlockingScheduler",
        "apscheduler.schedulers.gevent.GeventScheduler",
        "apscheduler.schedulers.tornado.TornadoScheduler",
        "apscheduler.schedulers.twisted.TwistedScheduler",
    }
)
_SUFFIXES = ("Thread", "Timer", "Scheduler", "Process")
# One object per trigger, shared by the checkers: a file's probe tests each object once.
_STARTER_WORDS = (
    Pattern(("Thread",), re.compile(r"\bThread\b")),
    Pattern(("Timer",), re.compile(r"\bTimer\b")),
    Pattern(("Process",), re.compile(r"\bProcess\b")),
    "cheduler",
    "start_new_thread",
)


def _starter(file: PythonFile, node: ast.AST | None, local: frozenset[str] = frozenset()) -> bool:
    if not isinstance(node, ast.Call):
        return False
    name = file.qualname(node.func)
    return name in _STARTERS or name.startswith("apscheduler.") or name in local


def _thread_classes(file: PythonFile) -> frozenset[str]:
    """Classes of this module that are threads or processes: ``class Poller(Thread)``."""
    return frozenset(
        node.name
        for node, _ in file.of(ast.ClassDef)
        if isinstance(node, ast.ClassDef)
        and any(
            file.qualname(base) in _STARTERS or file.qualname(base).endswith(_SUFFIXES)
            for base in node.bases
        )
    )


def _starting_functions(file: PythonFile) -> list[str]:
    """Module-level functions whose text starts something: calls to them are walked too."""
    lines = file.lines
    names = []
    for node in file.tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            body = "\n".join(lines[node.lineno - 1 : node.end_lineno])
            if ".start(" in body or "start_new_thread" in body:
                names.append(node.name + "(")
    return names


def _starts(file: PythonFile, call: ast.Call, scope: Scope, local: frozenset[str]) -> str | None:
    func = call.func
    name = file.qualname(func)
    # schedule.every(10).minutes.do(job): the job is registered by .do().
    if (
        isinstance(func, ast.Attribute)
        and func.attr == "do"
        and "schedule.every" in ast.unparse(func)
    ):
        return "a schedule job"
    if name == "sched.scheduler":
        return "a sched scheduler"
    if name in ("_thread.start_new_thread", "thread.start_new_thread"):
        return "a thread"
    if not (isinstance(func, ast.Attribute) and func.attr == "start"):
        return None
    receiver = func.value
    if _starter(file, receiver, local):
        return "a " + file.qualname(receiver.func).rsplit(".", 1)[-1]  # type: ignore[attr-defined]
    if isinstance(receiver, ast.Name | ast.Attribute):
        label = receiver.id if isinstance(receiver, ast.Name) else receiver.attr
        for here in file.scope_chain(scope):
            values = here.assigned.get(label, [])
            if any(_starter(file, value, local) for value in values):
                return f"{label} (a thread or scheduler)"
        if any(word in label.lower() for word in ("sched", "thread", "timer", "worker")):
            return f"{label}"
    return None


@rule.python(
    triggers=(*_STARTER_WORDS, "schedule.", Pattern(("sched",), re.compile(r"\bsched\b"))),
    focus=lambda file: (".start(", ".do(", *_starting_functions(file)),
)
def check(file: PythonFile) -> Iterator[Hit]:
    if file.source.tooling:
        return
    local = _thread_classes(file)
    starting_functions: set[str] = set()
    startup_calls: list[tuple[ast.Call, Scope]] = []
    for node, scope in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        what = _starts(file, node, scope, local)
        if scope.role in Role.STARTUP and not scope.debug_only:
            if what is not None:
                when = "at import time" if scope.role == Role.IMPORT else "in AppConfig.ready()"
                yield file.hit(node, f"starts {what} {when}: it runs in every replica and process")
            else:
                startup_calls.append((node, scope))
        elif what is not None and scope.function is not None and scope.parent is not None:
            function = scope.function
            if (
                isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
                and scope.class_name is None
            ):
                starting_functions.add(function.name)
    # One step further: ready() calling a function of this module that starts a thread.
    for node, scope in startup_calls:
        if isinstance(node.func, ast.Name) and node.func.id in starting_functions:
            when = "at import time" if scope.role == Role.IMPORT else "in AppConfig.ready()"
            yield file.hit(
                node,
                f"{node.func.id}() starts background work and is called {when}: once per replica",
            )


# -- one call away, in another module -------------------------------------------------------
#
# ready() often starts the work through a helper of another module: ``routine.start()`` whose
# body starts a scheduler, ``Poller()`` whose constructor starts a thread, ``Worker().start()``
# on a Thread subclass. Each module records what of it starts work ("background_starters"),
# each ready() what it calls ("ready_calls"); the project checker matches the two.

_DEVELOPMENT_ONLY = ("RUN_MAIN", "runserver")


def _defined(file: PythonFile) -> dict[str, str]:
    """Top-level names of this module -> their dotted names."""
    return {
        node.name: f"{file.module}.{node.name}"
        for node in file.tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }


@rule.python(
    triggers=_STARTER_WORDS,
    focus=lambda file: (".start(",),
)
def record_starters(file: PythonFile) -> Iterator[Hit]:
    """What of this module starts work when called: functions, methods, constructors, and
    Thread subclasses (``Name.start``)."""
    if file.source.test_code:
        return
    local = _thread_classes(file)
    starters: dict[str, str] = {f"{name}.start": "a thread" for name in local}
    for node, scope in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        what = _starts(file, node, scope, local)
        function = scope.function
        if what is None or not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        outer = scope.parent
        if outer is not None and outer.function is None and outer.class_name is not None:
            # A method: the constructor starts it when the class is called.
            name = (
                outer.class_name
                if function.name == "__init__"
                else (f"{outer.class_name}.{function.name}")
            )
        elif outer is not None and outer.function is None:
            name = function.name
        else:
            continue
        starters.setdefault(name, what)
    defined = _defined(file)
    found = {}
    for name, what in starters.items():
        head, _, rest = name.partition(".")
        if head in defined:
            found[defined[head] + ("." + rest if rest else "")] = what
    if found:
        file.facts["background_starters"] = found
    yield from ()


@rule.python(triggers=("def ready(",))
def record_ready_calls(file: PythonFile) -> Iterator[Hit]:
    """The calls of ``AppConfig.ready()`` to names of other modules (or this module's classes)."""
    if file.source.tooling:
        return
    defined = _defined(file)
    # This module's own functions are followed by check() already.
    functions = {
        defined[node.name]
        for node in file.tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
    }
    calls: list[list[object]] = []
    for klass in file.tree.body:
        if not isinstance(klass, ast.ClassDef) or not any(
            file.qualname(base).endswith("AppConfig") for base in klass.bases
        ):
            continue
        for ready in klass.body:
            if not isinstance(ready, ast.FunctionDef) or ready.name != "ready":
                continue
            body = "\n".join(file.lines[ready.lineno - 1 : ready.end_lineno])
            if any(word in body for word in _DEVELOPMENT_ONLY):
                continue  # started under runserver's reloader only: not in a served replica
            made: dict[str, str] = {}
            nested = _nested_imports(file, ready)
            for node in ast.walk(ready):
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                    for target in node.targets:
                        made[ast.unparse(target)] = _called(file, node.value.func, defined, nested)
            for node in ast.walk(ready):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = _called(file, func, defined, nested)
                if isinstance(func, ast.Attribute):
                    receiver = func.value
                    if isinstance(receiver, ast.Call):
                        name = f"{_called(file, receiver.func, defined, nested)}.{func.attr}"
                    elif ast.unparse(receiver) in made:
                        name = f"{made[ast.unparse(receiver)]}.{func.attr}"
                if "." in name and name not in functions:
                    span = file.span(node)
                    calls.append([span.line, span.column, span.end_line, span.end_column, name])
    if calls:
        file.facts["ready_calls"] = calls
    yield from ()


def _nested_imports(file: PythonFile, function: ast.FunctionDef) -> dict[str, str]:
    """Names imported inside ``function`` (ready() imports late, after the app registry)."""
    names: dict[str, str] = {}
    for node in ast.walk(function):
        if isinstance(node, ast.ImportFrom):
            module = file.module_name_from(node.module or "", node.level)
            for alias in node.names:
                names[alias.asname or alias.name] = f"{module}.{alias.name}"
        elif isinstance(node, ast.Import):
            for alias in node.names:
                names[alias.asname or alias.name.split(".")[0]] = (
                    alias.name if alias.asname else alias.name.split(".")[0]
                )
    return names


def _called(
    file: PythonFile, func: ast.expr, defined: dict[str, str], nested: dict[str, str]
) -> str:
    name = file.qualname(func)
    head, _, rest = name.partition(".")
    if head in nested:
        return nested[head] + ("." + rest if rest else "")
    if head in defined:
        return defined[head] + ("." + rest if rest else "")
    return name


@rule.project
def check_one_call_away(project: Project) -> Iterator[Hit]:
    starters: dict[str, str] = {}
    for _, found in project.each("background_starters"):
        starters.update(found)
    if not starters:
        return
    for path, calls in project.each("ready_calls"):
        for *span, name in calls:
            starter = dotted_match(starters, name)
            if starter is None:
                continue
            yield Hit(
                Span(*span),
                f"{name.rsplit('.', 1)[-1]}() starts {starters[starter]} ({starter}) and is "
                "called in AppConfig.ready(): it runs in every replica and process",
                path=path,
            )
