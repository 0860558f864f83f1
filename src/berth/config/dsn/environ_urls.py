"""The shared front of the URL parsers that delegate to django-environ (cache, e-mail)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from typing import Any
from urllib.parse import urlsplit

from berth.config.masking import redact, url_secrets
from berth.errors import ConfigurationError

__all__ = ["parse_with_environ"]


def parse_with_environ(
    url: str,
    variable: str,
    *,
    aliases: Mapping[str, str],
    schemes: Collection[str],
    parse: Callable[[str], Mapping[str, Any]],
    supported: str,
) -> dict[str, Any]:
    """Map short scheme ``aliases``, check the scheme and port, then call django-environ's ``parse``.

    django-environ's own errors are replaced by berth's, since their text can hold the URL.
    """
    scheme, separator, rest = url.strip().partition("://")
    if not separator or not scheme:
        raise ConfigurationError(variable, f"is not a URL; use {supported}")
    scheme = aliases.get(scheme.lower(), scheme.lower())
    if scheme not in schemes:
        raise ConfigurationError(variable, f"has an unsupported scheme; use {supported}")
    try:
        urlsplit(url.strip()).port  # noqa: B018 - checks the port, which django-environ does not
        return dict(parse(f"{scheme}://{rest}"))
    except Exception as error:
        problem = redact(f"could not be parsed ({type(error).__name__})", url_secrets(url))
        raise ConfigurationError(variable, problem) from None
