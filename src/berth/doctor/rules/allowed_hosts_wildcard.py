"""BD210: ``ALLOWED_HOSTS = ["*"]`` with no proxy in front configured in the project.

**What breaks in containers.** Django checks the ``Host`` header to build absolute URLs
(password-reset links, redirects) safely. With ``*`` and nothing in front that checks it, a
forged ``Host`` header poisons those links. A wildcard is tolerable only behind a proxy that
routes by host name (nginx ``server_name``, an ingress), which this project does not show.

**Fix.** List the real host names from the environment (``DOMAIN`` with berth, or
``ALLOWED_HOSTS=example.com`` parsed from a variable); health probes that come by IP are
answered by berth's probe middleware before host checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from berth.doctor.containers import services
from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.project import Project
from berth.doctor.project_settings import strings
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD210",
    slug="allowed-hosts-wildcard",
    severity=Severity.WARNING,
    summary='ALLOWED_HOSTS = ["*"] and no proxy in front that checks the host',
    hint="list the host names from the environment (DOMAIN or ALLOWED_HOSTS variables)",
)


_PROXIES = re.compile(r"(^|/)(nginx|traefik|caddy|haproxy|envoy)[^/]*(:|$)")


@rule.compose
def note_proxy(document: Document) -> Iterator[Hit]:
    """Record a proxy service; the nginx rule records nginx configs."""
    for _, service in services(document):
        if _PROXIES.search(str(service.get("image", ""))):
            document.facts["proxy"] = True
    return iter(())


@rule.project
def check(project: Project) -> Iterator[Hit]:
    if project.has_proxy:
        return
    for view in project.settings:
        hosts = view.get("ALLOWED_HOSTS")
        if hosts is None or hosts[0] != "list":
            continue
        for value, node in strings(hosts):
            if value == "*":
                yield view.hit(node)
