"""An S3 storage whose endpoint only the replicas can reach, served to browsers through a proxy.

In a Compose stack the object store is ``http://storage:9000``: a name that resolves inside
the stack's network and nowhere else, so a presigned link to it is dead in a browser.
Re-signing for another host is impossible (SigV4 signs the Host header), but a reverse proxy
can forward ``/storage/…`` to the endpoint with the endpoint's own Host: then a URL signed for
the endpoint and rewritten to start with the proxy's path is still valid. django-storages has
no option for that rewrite; this subclass adds it.
"""

from __future__ import annotations

from typing import Any

from storages.backends.s3 import S3Storage

__all__ = ["ProxiedS3Storage"]


class ProxiedS3Storage(S3Storage):  # type: ignore[misc]
    def __init__(self, *, public_url: str, **settings: Any) -> None:
        self.public_url = public_url.rstrip("/")
        """Where browsers reach ``endpoint_url``: ``/storage`` or ``https://example.com/storage``."""
        super().__init__(**settings)

    def url(
        self,
        name: str,
        parameters: dict[str, Any] | None = None,
        expire: int | None = None,
        http_method: str | None = None,
    ) -> str:
        url: str = super().url(name, parameters, expire, http_method)
        endpoint = (self.endpoint_url or "").rstrip("/")
        if endpoint and url.startswith(endpoint + "/"):
            return self.public_url + url[len(endpoint) :]
        return url
