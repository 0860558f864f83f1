"""BD303: ``functools.lru_cache``/``cache`` on a function that reads the database.

**What breaks in containers.** The cache lives in one process and never expires: after a row
changes, each replica and worker keeps serving the old value until it happens to be recycled,
so two requests in a row can disagree. On one server with one process it looks like a
harmless speed-up.

**Fix.** Cache in the shared cache with a timeout (``cache.get_or_set(key, fn, 300)``), and
delete the key when the row changes; or drop the cache if the query is cheap.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from berth.doctor.findings import Severity
from berth.doctor.python import PythonFile
from berth.doctor.registry import Hit, Pattern, Rule

rule = Rule(
    __name__,
    id="BD303",
    loses_state=True,
    slug="cached-database-read",
    severity=Severity.WARNING,
    summary="lru_cache on a function that reads the database: stale, differently, in every process",
    hint="use the shared cache with a timeout (cache.get_or_set) and delete the key on change",
)

_CACHES = frozenset({"functools.lru_cache", "functools.cache", "lru_cache"})


# Rows written only by migrations, so a per-process copy cannot go stale between deploys
# (Django's own ContentTypeManager keeps one).
_STATIC_MODELS = frozenset({"ContentType", "Permission"})


def _reads_database(file: PythonFile, function: ast.AST) -> bool:
    for node in ast.walk(function):
        if isinstance(node, ast.Attribute) and node.attr in ("objects", "_default_manager"):
            model = node.value
            if isinstance(model, ast.Name) and model.id in _STATIC_MODELS:
                continue
            return True
        if isinstance(node, ast.Call):
            name = file.qualname(node.func)
            if name.endswith(("connection.cursor", "get_object_or_404", "get_list_or_404")):
                return True
    return False


@rule.python(
    triggers=("lru_cache", Pattern(("cache",), re.compile(r"@(functools\.)?cache\b"))),
    also=("objects", "cursor", "get_object_or_404", "_default_manager"),
)
def check(file: PythonFile) -> Iterator[Hit]:
    if file.source.tooling:
        return
    for kind in (ast.FunctionDef, ast.AsyncFunctionDef):
        for node, _ in file.of(kind):
            assert isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            for decorator in node.decorator_list:
                callee = decorator.func if isinstance(decorator, ast.Call) else decorator
                name = file.qualname(callee)
                if name in _CACHES and _reads_database(file, node):
                    yield file.hit(
                        decorator,
                        f"{name.rsplit('.', 1)[-1]} on {node.name}(), which reads the database: "
                        "each process keeps its own copy, never refreshed",
                    )
