"""BD405: the image runs as root: no ``USER`` in the final stage (or ``USER root``).

**What breaks in containers.** A process that is root in the container is root on the files it
can reach and one kernel bug away from root on the host; Kubernetes clusters that enforce the
restricted Pod Security Standard refuse to run it at all (``runAsNonRoot``). Root also hides
code that writes where it should not: the image's tree is writable.

**Fix.** Create an unprivileged user and switch to it at the end of the final stage:
``RUN useradd --system --uid 10001 app`` then ``USER 10001``, with the code owned by root and
read-only to it (berth init's Dockerfile does this).

Not reported for an image that runs none of the project's Python and is built on another
program's image (FROM traefik, postgres, hasura/graphql-engine, amazon/aws-cli, ...) rather
than a language runtime or base system, nor for one that installs a tool that drops
root as it starts the server (``gosu``, ``su-exec``, s6-overlay's ``s6-setuidgid``,
``setpriv``, ``runuser``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.formats.dockerfile import Dockerfile
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD405",
    slug="root-user",
    severity=Severity.WARNING,
    summary="the image runs as root: no USER in the final stage",
    hint="add an unprivileged user and `USER 10001` at the end of the final stage",
)


_PYTHON = re.compile(r"python|pip|gunicorn|uwsgi|uvicorn|daphne|manage\.py|poetry|\buv\b", re.I)
# Language runtimes and base systems: an image built on one runs the project's own code.
# Anything else (traefik, postgres, hasura/graphql-engine, amazon/aws-cli) is another
# program the project configures.
_RUNTIME_IMAGE = re.compile(
    r"(^|/)(python|pypy|node|ruby|golang|go|openjdk|eclipse-temurin|amazoncorretto|php|perl|"
    r"rust|debian|ubuntu|alpine|busybox|centos|fedora|rockylinux|almalinux|amazonlinux|"
    r"buildpack-deps|distroless|scratch|ubi\d*|ubi-minimal)([:@/-]|$)",
    re.I,
)
_DROPS_ROOT = re.compile(r"\b(gosu|su-exec|s6-overlay|s6-setuidgid|setpriv|runuser|chpst)\b")


@rule.dockerfile
def check(document: Document) -> Iterator[Hit]:
    dockerfile: Dockerfile = document.parsed
    final = dockerfile.final
    if final is None:
        return
    text = " ".join(
        [final.base, *(i.arguments for stage in final.lineage() for i in stage.instructions)]
    )
    base = final.lineage()[0].base
    if (not _PYTHON.search(text) and not _RUNTIME_IMAGE.search(base)) or _DROPS_ROOT.search(
        document.text
    ):
        return
    user = final.last("USER")
    if user is None:
        yield document.hit(
            final.line, 1, message="no USER in the final stage: the image runs as root"
        )
    elif user.arguments.split(":")[0].strip() in ("root", "0"):
        yield document.hit(user.line, user.column, message="USER root: the image runs as root")
