"""Small value parsers shared by the DSN parsers: booleans and bounded integers."""

from __future__ import annotations

from berth.errors import ConfigurationError

__all__ = ["parse_bool", "parse_int"]

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
