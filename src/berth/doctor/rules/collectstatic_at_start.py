"""BD402: ``collectstatic`` run when the container starts (CMD, ENTRYPOINT, a Compose
``command``, an entrypoint script, a Procfile process or a uWSGI start hook) instead of when
the image is built.

**What breaks in containers.** Every replica copies every static file at every start: slow
starts that health checks time out, replicas writing the same files into shared storage at the
same time, and a start that fails whenever the storage is slow. Static files are part of the
release and belong in the image.

**Fix.** ``RUN python manage.py collectstatic --noinput`` in the Dockerfile (berth's build
mode, ``BERTH_BUILD=1``, needs no database or secrets), served by whitenoise from the image.
"""

from __future__ import annotations

from collections.abc import Iterator

from berth.doctor.commands import COLLECTSTATIC
from berth.doctor.containers import at_start, runs_at_start
from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD402",
    slug="collectstatic-at-start",
    severity=Severity.WARNING,
    summary="collectstatic runs at every container start instead of in the image build",
    hint="RUN python manage.py collectstatic --noinput in the Dockerfile (BERTH_BUILD=1)",
)


@rule.dockerfile
def check_dockerfile(document: Document) -> Iterator[Hit]:
    return at_start(document, "dockerfile", COLLECTSTATIC)


@rule.compose
def check_compose(document: Document) -> Iterator[Hit]:
    return at_start(document, "compose", COLLECTSTATIC)


@rule.shell
def check_script(document: Document) -> Iterator[Hit]:
    lines = document.parsed
    if not runs_at_start(document):
        return  # a build or release script, not what a container starts with
    for line in lines:
        if COLLECTSTATIC.search(line.text):
            yield document.hit(line.line)
            return  # once per script: alternative branches start the same thing


@rule.procfile
def check_procfile(document: Document) -> Iterator[Hit]:
    return at_start(document, "procfile", COLLECTSTATIC)


@rule.uwsgi
def check_uwsgi(document: Document) -> Iterator[Hit]:
    return at_start(document, "uwsgi", COLLECTSTATIC)
