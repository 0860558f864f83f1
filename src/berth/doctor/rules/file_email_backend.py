"""BD205: the file e-mail backend (``django.core.mail.backends.filebased.EmailBackend``) in
settings that are not development-only.

**What breaks in containers.** Messages are written to ``EMAIL_FILE_PATH`` inside the
container, where nobody reads them, and they vanish with it: password resets never arrive.

**Fix.** Send through SMTP or an e-mail API from the environment (``EMAIL_URL`` with berth or
django-environ); use the console backend to see messages in the logs during development.
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.findings import Severity
from berth.doctor.project import Project
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD205",
    loses_state=True,
    slug="file-email-backend",
    severity=Severity.WARNING,
    summary="e-mail is written to files inside the container instead of being sent",
    hint="send through SMTP or an e-mail API configured from the environment (EMAIL_URL)",
)


@rule.project
def check(project: Project) -> Iterator[Hit]:
    for view in project.settings:
        backend = view.get("EMAIL_BACKEND")
        if (
            backend is not None
            and backend[0] == "c"
            and str(backend[1]).endswith("filebased.EmailBackend")
        ):
            yield view.hit(backend)
