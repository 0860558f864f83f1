"""BD301: threads, timers, processes and schedulers (APScheduler, ``schedule``, ``sched``)
started at import time or in ``AppConfig.ready()``.

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

from berth.doctor.findings import Severity
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
    triggers=(
        Pattern(("Thread",), re.compile(r"\bThread\b")),
        Pattern(("Timer",), re.compile(r"\bTimer\b")),
        Pattern(("Process",), re.compile(r"\bProcess\b")),
        "cheduler",
        "schedule.",
        Pattern(("sched",), re.compile(r"\bsched\b")),
        "start_new_thread",
    ),
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
