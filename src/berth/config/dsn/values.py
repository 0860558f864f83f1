"""Small value parsers shared by the DSN parsers: booleans, bounded integers, credentials."""

from __future__ import annotations

from urllib.parse import SplitResult

from berth.errors import ConfigurationError

__all__ = ["RESERVED_IN_CREDENTIALS", "check_credentials_encoded", "parse_bool", "parse_int"]

RESERVED_IN_CREDENTIALS = "the user or password holds a '@', '/', '?' or '#': percent-encode them (@ is %40, / is %2F, ? is %3F, # is %23)"

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


def parse_bool(variable: str, name: str, value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ConfigurationError(
        variable, f"{name} must be a boolean (1/0, true/false, yes/no, on/off)"
    )


def parse_int(variable: str, name: str, value: str, *, minimum: int, maximum: int) -> int:
    try:
        number = int(value.strip())
    except ValueError:
        raise ConfigurationError(variable, f"{name} must be a whole number") from None
    if not minimum <= number <= maximum:
        raise ConfigurationError(variable, f"{name} must be between {minimum} and {maximum}")
    return number


def check_credentials_encoded(parts: SplitResult, variable: str) -> None:
    """Refuse a URL whose user or password holds an unencoded ``@ / ? #``.

    Such a character ends the authority early, so the URL still parses, to the wrong host and
    database, and with part of the password where the host or the name is shown. The sign is
    an ``@`` after the authority: in the path, the fragment, or a query before its first ``=``.
    """
    query_head = parts.query.split("&", 1)[0].split("=", 1)[0]
    if "@" in parts.path or "@" in parts.fragment or "@" in query_head:
        raise ConfigurationError(variable, RESERVED_IN_CREDENTIALS)
