"""BD601: nginx ``proxy_pass`` to a container host name without a ``resolver`` and a variable.

**What breaks in containers.** nginx resolves a literal host name in ``proxy_pass`` (or an
``upstream`` server) once, when it starts, and keeps the addresses. Replicas that are
restarted, rescheduled or scaled come back on new addresses: nginx keeps sending to the dead
ones (502 Bad Gateway) and never sees the new replicas, until it is reloaded.

**Fix.** Let nginx resolve at run time: ``resolver 127.0.0.11 valid=10s;`` (Docker's DNS; in
Kubernetes the cluster DNS) and ``set $upstream http://web:8000; proxy_pass $upstream;``, as
berth init's nginx.conf does. An ``upstream`` server needs ``resolve`` (nginx 1.27.3+).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterator

from berth.doctor.document import Document
from berth.doctor.findings import Severity
from berth.doctor.formats.nginx import Directive, walk
from berth.doctor.registry import Hit, Rule

rule = Rule(
    __name__,
    id="BD601",
    slug="proxy-resolves-once",
    severity=Severity.ERROR,
    summary="proxy_pass to a container host name resolved once: restarted replicas are lost",
    hint="add `resolver 127.0.0.11 valid=10s;` and proxy_pass through a variable "
    "(set $upstream http://web:8000; proxy_pass $upstream;)",
)

_HOST = re.compile(r"^(?:\w+://)?(\[[^\]]+\]|[^/:]+)")


def _container_host(host: str) -> bool:
    host = host.strip("[]")
    if host in ("localhost", "unix") or "." in host or host.startswith("unix"):
        return False
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return True
    return False


@rule.nginx
def check(document: Document) -> Iterator[Hit]:
    directives = list(walk(document.parsed))
    passes = [d for d in directives if d.name in ("proxy_pass", "uwsgi_pass", "grpc_pass")]
    if not passes:
        return
    document.facts["proxy"] = True
    resolver = any(d.name == "resolver" for d in directives)
    upstreams: dict[str, Directive] = {
        d.arguments[0]: d for d in directives if d.name == "upstream" and d.arguments
    }
    reported: set[int] = set()
    hosts: set[str] = set()
    for directive in passes:
        if not directive.arguments:
            continue
        target = directive.arguments[0]
        if "$" in target:
            if not resolver and _HOST.match(target) and "$" not in (_HOST.match(target) or [""])[0]:
                yield document.hit(directive.line, directive.column)
            continue
        match = _HOST.match(target)
        host = match.group(1) if match else ""
        if host in upstreams:
            for server in upstreams[host].children or []:
                if server.name != "server" or not server.arguments or id(server) in reported:
                    continue
                server_host = server.arguments[0].split(":")[0]
                if _container_host(server_host) and "resolve" not in server.arguments:
                    reported.add(id(server))
                    yield document.hit(
                        server.line,
                        server.column,
                        message=f"upstream server {server.arguments[0]} is resolved once, at start",
                    )
        elif _container_host(host) and host not in hosts:
            # One finding per host: ten locations passing to web:8000 are one fix.
            hosts.add(host)
            yield document.hit(
                directive.line,
                directive.column,
                message=f"proxy_pass to {host} is resolved once, at start",
            )
