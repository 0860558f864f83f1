"""BD107: media served by ``django.views.static.serve`` in URL patterns outside ``DEBUG``.

**What breaks in containers.** The view reads files from this replica's disk, so it serves
only what this replica wrote, and Django's own documentation calls it "grossly inefficient and
probably insecure" for production. (``static()`` from ``django.conf.urls.static`` is not
reported: it returns no patterns unless ``DEBUG`` is on.)

**Fix.** Serve media from object storage (``STORAGE_URL``): files get URLs of their own,
presigned or behind a CDN. Keep ``serve`` for development under ``if settings.DEBUG:``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

from berth.doctor.findings import Severity
from berth.doctor.python import PythonFile
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD107",
    loses_state=True,
    slug="media-served-by-django",
    severity=Severity.ERROR,
    summary="django.views.static.serve in URL patterns outside DEBUG serves this replica's disk",
    hint="serve media from object storage (STORAGE_URL); keep serve under `if settings.DEBUG:`",
)

_ROUTES = frozenset({"path", "re_path", "url"})


def _view_names(file: PythonFile) -> list[str]:
    # The lines using the view, by whatever name it was imported as: a pattern list naming
    # neither a trigger word nor MEDIA_ROOT (`serve, {"document_root": BASE / "media"}`) is
    # walked all the same.
    return [
        name
        for name, dotted in file.imports.items()
        if dotted in ("django.views.static.serve", "django.views.static")
    ]


@rule.python(triggers=("views.static", "static.serve", "import serve"), focus=_view_names)
def check(file: PythonFile) -> Iterator[Hit]:
    if file.source.tooling:
        return
    for node, scope in file.of(ast.Call):
        assert isinstance(node, ast.Call)
        if scope.debug_only or file.qualname(node.func).rsplit(".", 1)[-1] not in _ROUTES:
            continue
        if len(node.args) >= 2 and file.qualname(node.args[1]) == "django.views.static.serve":
            yield file.hit(node)
