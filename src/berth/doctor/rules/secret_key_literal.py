"""BD209: a literal ``SECRET_KEY`` in settings that are not development-only.

**What breaks in containers.** The key is baked into the image and the repository: everyone
with either can forge sessions, password-reset links and signed cookies. Rotating it means a
new build.

**Fix.** Read it from the environment (or a mounted secret file) with no default in
production (a ``KeyError`` at start-up beats a default key), or the ``SECRET_KEY`` variable of
berth.configure, which refuses to start without one when ``DEBUG`` is off. startproject's
``django-insecure-`` key written before ``berth.configure(globals())`` is not reported: a served
process refuses to start with it. Any other literal is a real key, and reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.config.resolve import is_public_key
from berth.doctor.findings import Severity
from berth.doctor.project import Project
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD209",
    slug="secret-key-literal",
    severity=Severity.ERROR,
    summary="SECRET_KEY is written in the settings, so it is in the image and the repository",
    hint="read SECRET_KEY from the environment or a secret file, without a default",
)


@rule.project
def check(project: Project) -> Iterator[Hit]:
    for view in project.settings:
        value = view.get("SECRET_KEY")
        if value is None or value[0] != "c" or not isinstance(value[1], str) or not value[1]:
            continue
        # startproject's django-insecure- key before berth.configure(globals()): a served
        # process refuses to start with it (exit 4), so no deployment signs with it. Any other
        # literal is a real key in the repository.
        if "SECRET_KEY" not in view.governed or not is_public_key(value[1]):
            yield view.hit(value)
