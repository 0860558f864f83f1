"""BD207: logging handlers that write files (``FileHandler``, ``RotatingFileHandler``,
``TimedRotatingFileHandler``, ``WatchedFileHandler``) in settings that are not development-only,
or made in code that serves (``logger.addHandler(logging.FileHandler("/tmp/app.log"))``).

**What breaks in containers.** The log file is inside the container: ``docker logs``,
``kubectl logs`` and every log collector read stdout, so the lines are never seen, the file
grows until the writable layer fills, and it is lost with the container, exactly when it was
needed.

**Fix.** Log to stdout or stderr (``logging.StreamHandler``); berth.configure sets up JSON
lines on stdout. Rotation and retention belong to the platform.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from berth.doctor.findings import Severity
from berth.doctor.project import Project
from berth.doctor.project_settings import lookup
from berth.doctor.python import PythonFile, Role
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD207",
    slug="file-log-handler",
    severity=Severity.WARNING,
    summary="a logging handler writes a file inside the container, where no log collector reads",
    hint="log to stdout (logging.StreamHandler); let the platform collect and rotate logs",
)

_FILE_HANDLERS = frozenset(
    {
        "logging.FileHandler",
        "logging.handlers.RotatingFileHandler",
        "logging.handlers.TimedRotatingFileHandler",
        "logging.handlers.WatchedFileHandler",
    }
)


@rule.project
def check(project: Project) -> Iterator[Hit]:
    for view in project.settings:
        handlers = lookup(view.get("LOGGING"), "handlers")
        if handlers is None or handlers[0] != "dict":
            continue
        for _, handler in handlers[1]:
            klass = lookup(handler, "class")
            if klass is not None and klass[0] == "c" and klass[1] in _FILE_HANDLERS:
                yield view.hit(
                    klass,
                    f"{str(klass[1]).rsplit('.', 1)[-1]} writes a log file inside the container",
                )


@rule.python(triggers=("FileHandler",))
def check_code(file: PythonFile) -> Iterator[Hit]:
    source = file.source
    if source.tooling or source.development_only:
        return
    for node, scope in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        if scope.debug_only or scope.role == Role.OTHER:
            # Under DEBUG, in `if __name__ == "__main__":` or in a helper whose callers are
            # not known (a command's `setup_logger(logger, stream, filename=None)`).
            continue
        name = file.qualname(node.func)
        if name in _FILE_HANDLERS:
            yield file.hit(
                node, f"{name.rsplit('.', 1)[-1]} writes a log file inside the container"
            )
