"""Hide secrets in URLs and free text before anything is printed or logged."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote

__all__ = ["MASK", "mask_text", "mask_url", "redact", "url_secrets"]

MASK = "***"

# scheme://user:password@rest — matched by hand rather than with urlsplit, because a
# malformed URL (the very case we report on) may not split, and must still be masked.
_USERINFO = re.compile(r"^(?P<head>[A-Za-z][A-Za-z0-9+.\-]*://[^:/?#@]*:)(?P<secret>.*)@")
_SECRET_QUERY_KEYS = re.compile(
    r"(?P<key>(?:^|[?&])(?:password|passwd|secret|secret_key|token|session_token|api_key)=)"
    r"(?P<value>[^&#]*)",
    re.IGNORECASE,
)


# The same userinfo anywhere in free text (an error message quoting a DSN), up to white space.
_USERINFO_IN_TEXT = re.compile(
    r"(?P<head>\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/?#@]*:)(?P<secret>[^\s@/]+)@"
)


def url_secrets(url: str) -> list[str]:
    """The secrets a URL may carry, raw and percent-decoded: its password and secret query values."""
    found: list[str] = []
    match = _USERINFO.match(url)
    if match:
        found.append(match.group("secret"))
    found.extend(m.group("value") for m in _SECRET_QUERY_KEYS.finditer(url))
    with_decoded = found + [unquote(secret) for secret in found]
    return sorted({s for s in with_decoded if s}, key=len, reverse=True)


def mask_url(url: str) -> str:
    """``url`` with its password and secret query values replaced by ``***``."""
    return redact(url, url_secrets(url))


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every occurrence of each (non-empty) secret replaced by ``***``."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def mask_text(text: str, secrets: Iterable[str] = ()) -> str:
    """Free ``text`` (an error's message) with ``secrets`` and every URL's credentials masked."""
    text = redact(text, secrets)
    text = _USERINFO_IN_TEXT.sub(lambda match: f"{match.group('head')}{MASK}@", text)
    return _SECRET_QUERY_KEYS.sub(lambda match: f"{match.group('key')}{MASK}", text)
