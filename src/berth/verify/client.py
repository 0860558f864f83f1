"""An HTTP client bound to one replica, sharing its visitor's cookies with the other replicas.

Behind a load balancer one browser talks to every replica with the same cookies; a
``requests.Session`` would keep cookies per host, and replicas given as URLs may sit on
different hosts, so the cookie jar is a plain mapping shared by the clients of one flow.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import requests

if TYPE_CHECKING:
    from berth.verify.operator import Operator

__all__ = ["ReplicaClient"]

_TIMEOUT_SECONDS = 30


class ReplicaClient:
    def __init__(
        self,
        replica: str,
        base_url: str,
        cookies: MutableMapping[str, str],
        requested: list[str] | None = None,
        operator: Operator | None = None,
    ) -> None:
        self.replica = replica
        """The replica's name, e.g. ``web-2``."""
        self.base_url = base_url.rstrip("/") + "/"
        self.cookies = cookies
        self.requested = requested
        """The project's URL paths this flow asked for (redirects included), shared like the
        cookies: what tells berth verify which views handle the flow when it fails."""
        self.operator = operator
        """The operator's way into this replica (``manage.py berth_verify`` in its tree), for
        what has no URL; None for replicas given as URLs, which berth cannot enter."""

    def url(self, path: str) -> str:
        return urljoin(self.base_url, path.lstrip("/")) if "://" not in path else path

    def get(self, path: str, **options: Any) -> requests.Response:
        return self.request("GET", path, **options)

    def post(self, path: str, **options: Any) -> requests.Response:
        """POST as a form would: fetches the CSRF cookie first if the visitor has none."""
        if "csrftoken" not in self.cookies:
            self.get(path)
        headers = {
            "X-CSRFToken": self.cookies.get("csrftoken", ""),
            # Django checks the Referer of secure requests against the host.
            "Referer": self.url(path),
            **options.pop("headers", {}),
        }
        return self.request("POST", path, headers=headers, **options)

    def request(self, method: str, path: str, **options: Any) -> requests.Response:
        options.setdefault("timeout", _TIMEOUT_SECONDS)
        self._note(self.url(path))
        response = requests.request(method, self.url(path), cookies=dict(self.cookies), **options)
        for step in (*response.history, response):
            self._note(step.url)
            for cookie in step.cookies:
                if cookie.value is None or cookie.is_expired():
                    self.cookies.pop(cookie.name, None)
                else:
                    self.cookies[cookie.name] = cookie.value
        return response

    def _note(self, url: str) -> None:
        # Only the replica's own paths: an image's URL on object storage is not the project's.
        if self.requested is None or not url.startswith(self.base_url):
            return
        path = "/" + urlsplit(url[len(self.base_url) :]).path
        if path not in self.requested:
            self.requested.append(path)
