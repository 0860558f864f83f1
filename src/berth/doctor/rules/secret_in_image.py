"""BD406: a secret in the image: ``ENV`` or ``ARG`` named like a password, token or key, or a
URL with a password in it.

**What breaks in containers.** ``ENV`` values are part of the image: anyone who can pull it reads
them (``docker inspect``), and every container shares the one value, so rotating it means a
rebuild. Build arguments are recorded in the image history (``docker history``).

**Fix.** Pass secrets at run time (``env_file``, Kubernetes Secrets, the platform's secret
store); at build time use a secret mount: ``RUN --mount=type=secret,id=token ...``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.formats.dockerfile import Dockerfile, env_pairs
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD406",
    slug="secret-in-image",
    severity=Severity.ERROR,
    summary="a secret is baked into the image (ENV or ARG)",
    hint="pass secrets at run time (env_file, Kubernetes Secret); use RUN --mount=type=secret to build",
)

_SECRET_NAME = re.compile(
    r"(SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|ACCESS_KEY|PRIVATE_KEY|CREDENTIALS?)(?!\w*_(FILE|PATH|DIR|NAME|ID))",
    re.IGNORECASE,
)
_URL_WITH_PASSWORD = re.compile(r"://[^/\s:@]+:[^@\s/]+@")


@rule.dockerfile
def check(document: Document) -> Iterator[Hit]:
    dockerfile: Dockerfile = document.parsed
    final = dockerfile.final
    # Only what the final image carries: a build stage it does not start from is discarded
    # (an ENV SECRET_KEY=build for collectstatic there never ships).
    kept = (
        [i for stage in final.lineage() for i in stage.instructions]
        if final is not None
        else dockerfile.instructions
    )
    for instruction in kept:
        if instruction.keyword == "ENV":
            pairs = env_pairs(instruction.arguments)
        elif instruction.keyword == "ARG":
            name, _, value = instruction.arguments.partition("=")
            pairs = [(name.strip(), value.strip())]
        else:
            continue
        for name, value in pairs:
            secret_name = bool(_SECRET_NAME.search(name)) and not name.upper().endswith(
                ("_FILE", "_PATH", "_DIR")
            )
            if instruction.keyword == "ENV" and secret_name and not value:
                secret_name = False
            if secret_name or _URL_WITH_PASSWORD.search(value):
                yield document.hit(
                    instruction.line,
                    instruction.column,
                    message=f"{instruction.keyword} {name}: a secret baked into the image",
                )
