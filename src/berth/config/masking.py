"""Hide secrets in URLs and free text before anything is printed or logged.

A secret is masked where it is a secret (a URL's password, a secret query value, a
``password=`` pair), whatever its text: a mask placed by matching the secret's letters would
also land on a user or database name spelt the same, and so tell the reader the secret.
Matching by letters is left for free text, where a secret may be quoted anywhere; there it
spares a secret that the reader sees anyway as non-secret text (``public``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote

__all__ = ["MASK", "mask_positions", "mask_text", "mask_url", "redact", "url_secrets"]

MASK = "***"

# scheme://user:password@rest — matched by hand rather than with urlsplit, because a
# malformed URL (the very case we report on) may not split, and must still be masked. The
# password runs to the last '@': a reserved character in it must not end the mask early.
_USERINFO = re.compile(
    r"^(?P<head>[A-Za-z][A-Za-z0-9+.\-]*://[^:/?#@]*:)(?P<secret>.*)@", re.DOTALL
)
_SECRET_QUERY_KEYS = re.compile(
    r"(?P<key>(?:^|[?&])(?:password|passwd|secret|secret_key|token|session_token|api_key)=)"
    r"(?P<value>[^&#]*)",
    re.IGNORECASE,
)

# Where a secret stands in free text: a value, after a name (a URL's scheme and user). A URL's
# userinfo (an error quoting a DSN) runs to the last '@' of the word: `p@ss/word@db` is masked
# whole, never cut at its own '@' or '/'.
_USERINFO_IN_TEXT = re.compile(
    r"(?P<name>[A-Za-z][A-Za-z0-9+.\-]*)://(?P<user>[^\s:/?#@'\"<>]*):(?P<value>[^\s'\"<>]*)@"
)
_SECRET_WORD = r"[\w-]*(?:password|passwd|pwd|secret|token|api_?key|access_key)[\w-]*"
# Masked with its quotes, which would otherwise tell whether the secret holds one.
_QUOTED = r"(?P<quoted>(?P<q>['\"])(?:(?!(?P=q))[^\\]|\\.)*(?P=q))"
# name=value: libpq's conninfo (password=…), an env assignment, a query string.
_SECRET_ASSIGNMENT = re.compile(
    rf"(?<![\w-])(?P<name>{_SECRET_WORD})=(?:{_QUOTED}|(?P<value>[^\s&#'\"]*))", re.IGNORECASE
)
# 'NAME': 'value': a settings dict in a traceback ({'PASSWORD': '…'}).
_SECRET_ITEM = re.compile(
    rf"(?P<k>['\"])(?P<name>{_SECRET_WORD})(?P=k)\s*:\s*{_QUOTED}", re.IGNORECASE
)
_POSITIONS = (_USERINFO_IN_TEXT, _SECRET_ASSIGNMENT, _SECRET_ITEM)


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
    """``url`` with its password and secret query values replaced by ``***``, where they are:
    the same letters elsewhere in it (``postgres://postgres:postgres@…/postgres``) stay."""
    match = _USERINFO.match(url)
    if match:
        url = f"{match.group('head')}{MASK}@{url[match.end() :]}"
    return _SECRET_QUERY_KEYS.sub(lambda m: f"{m.group('key')}{MASK}", url)


def redact(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every occurrence of each (non-empty) secret replaced by ``***``."""
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def mask_positions(text: str) -> str:
    """``text`` with what stands where a secret goes masked, whatever it is: URLs' passwords,
    ``password=…`` pairs and ``'PASSWORD': '…'`` items. Nothing else changes."""
    return mask_text(text)


def mask_text(text: str, secrets: Iterable[str] = (), public: Iterable[str] = ()) -> str:
    """Free ``text`` (an error's message): whatever stands where a secret goes
    (:func:`mask_positions`), and ``secrets`` wherever else they appear.

    Two kinds of occurrence are left as they are, because a mask on them would tell the secret
    rather than hide it: a secret spelt exactly like the name before it (a password
    ``password`` in ``password=…``; ``postgres`` as a URL's scheme or user); and a secret that is
    part of ``public``, the non-secret text shown beside this one (the DSN's user and database
    names), whose letters here cannot be told from those words.
    """
    names: set[tuple[int, int]] = set()
    spans: list[tuple[int, int]] = []
    for pattern in _POSITIONS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            names.update(match.span(name) for name in ("name", "user") if name in groups)
            spans.append(match.span("quoted" if groups.get("quoted") is not None else "value"))
    seen = [shown for shown in public if shown]
    for secret in {s for s in secrets if s and not any(s in shown for shown in seen)}:
        start = text.find(secret)
        while start != -1:
            end = start + len(secret)
            if (start, end) not in names:
                spans.append((start, end))
            start = text.find(secret, start + 1)
    return _masked(text, spans)


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each run of overlapping or touching ``spans`` replaced by one ``***``."""
    pieces: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if pieces and start <= at:
            at = max(at, end)  # part of the run just masked
            continue
        pieces += [text[at:start], MASK]
        at = end
    return "".join([*pieces, text[at:]])
