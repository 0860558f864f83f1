"""Log formatting for containers: everything to stdout, one line per record, JSON or readable."""

from __future__ import annotations

import functools
import json
import logging
import math
import os
import socket
import time
from typing import Any

from berth.config.masking import MASK
from berth.config.variables import environment_secrets
from berth.runtime.request_id import request_id_var, request_method_var, request_path_var

__all__ = ["ConsoleFormatter", "JsonFormatter", "logging_config"]

# Everything a LogRecord carries on its own; whatever else is in its __dict__ came from
# a caller's ``extra=``.
_RECORD_ATTRIBUTES = frozenset(vars(logging.makeLogRecord({}))) | {
    "message",
    "asctime",
    "taskName",
}
_CONTEXT_ATTRIBUTES = ("request_id", "method", "path")
_ACCESS_ATTRIBUTES = ("status", "duration_ms")
# Django attaches the request (or runserver's socket) as ``request``: its repr carries the
# full query string, which may hold tokens, and the context fields already say what matters.
_SKIPPED_EXTRAS = frozenset({"request", *_CONTEXT_ATTRIBUTES, *_ACCESS_ATTRIBUTES})
# Names that are never extras: the record's own attributes, the skipped ones, and the line's
# own fields, which an extra never replaces.
_NOT_EXTRAS = _RECORD_ATTRIBUTES | _SKIPPED_EXTRAS | {"time", "level", "logger", "replica"}
_CONTEXT_VARS = {
    "request_id": request_id_var,
    "method": request_method_var,
    "path": request_path_var,
}


@functools.cache
def replica_name() -> str:
    """This replica's name, as each log line gives it: the container's (or pod's) host name."""
    # Docker and Kubernetes put it in HOSTNAME too; berth up sets HOSTNAME to each replica's
    # name, since its replicas share the machine's host name.
    return os.environ.get("HOSTNAME") or socket.gethostname()


def _message(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except Exception:
        # A mismatched format string must not cost the line itself.
        return f"{_text(record.msg)} {_text(record.args)}"


def _text(value: object) -> str:
    try:
        return str(value)
    except Exception:
        try:
            return repr(value)
        except Exception:
            return f"<unprintable {type(value).__name__}>"


def _plain(value: object) -> object:
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return value
    return _text(value)


# Every request formats at least its access line: one encoder, built once, rather than the
# one ``json.dumps`` builds on each call given options. encode() keeps no state between calls.
_encode = json.JSONEncoder(default=_text, allow_nan=False).encode

# The last second formatted and its text, replaced as one tuple so that threads never pair
# one second with another's text: a busy replica logs many records within one second, and
# strftime is most of the cost of the time field.
_last_second: tuple[int, str] = (0, "1970-01-01T00:00:00")


def _time(record: logging.LogRecord) -> str:
    global _last_second
    # Seconds truncated, as logging computes msecs: rounding could move to the next second.
    # gmtime() floors, so the floor is the cache key.
    second = math.floor(record.created)
    cached = _last_second
    if cached[0] == second:
        text = cached[1]
    else:
        text = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(second))
        _last_second = (second, text)
    return f"{text}.{int(record.msecs):03d}Z"


def _context(fields: dict[str, Any], name: str) -> Any:
    # Without RequestContextFilter on the handler, fall back to the current context.
    if name in fields:
        return fields[name]
    return _CONTEXT_VARS[name].get()


def _masked_forms(secrets: list[str]) -> tuple[str, ...]:
    """Each secret as it may appear in a line: as is, and as JSON writes it (escaped)."""
    # Shorter ones would garble every line they happen to match (a 3-letter password).
    forms = {
        form for secret in secrets if len(secret) >= 4 for form in (secret, _encode(secret)[1:-1])
    }
    return tuple(sorted(forms, key=len, reverse=True))


def _mask(line: str, forms: tuple[str, ...]) -> str:
    for form in forms:
        if form in line:
            line = line.replace(form, MASK)
    return line


class _MaskingFormatter(logging.Formatter):
    """Masks the secrets of this process's environment (berth's DSNs, SECRET_KEY, AWS keys)
    in every line it writes: a driver's error or an exception's text may quote them."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._secret_forms = _masked_forms(environment_secrets())

    def format(self, record: logging.LogRecord) -> str:
        return _mask(self.format_line(record), self._secret_forms)

    def format_line(self, record: logging.LogRecord) -> str:
        raise NotImplementedError


class JsonFormatter(_MaskingFormatter):
    """One JSON object per line: time, level, logger, message, replica, request context, extras."""

    def format_line(self, record: logging.LogRecord) -> str:
        fields = record.__dict__
        payload: dict[str, Any] = {
            "time": _time(record),
            "level": record.levelname,
            "logger": record.name,
            "message": _message(record),
            "replica": replica_name(),
        }
        request_id = _context(fields, "request_id")
        if request_id is not None:
            payload["request_id"] = request_id
            payload["method"] = _context(fields, "method")
            payload["path"] = _context(fields, "path")
        for name in _ACCESS_ATTRIBUTES:
            if name in fields:
                payload[name] = fields[name]
        # Most records carry no extras: the subset test says so without a loop in Python.
        if not _NOT_EXTRAS.issuperset(fields):
            for key, value in fields.items():
                if key not in _NOT_EXTRAS:
                    payload[key] = value
        exc_text = self._exception(record)
        if exc_text:
            payload["exc_info"] = exc_text
        if record.stack_info:
            payload["stack_info"] = self.formatStack(record.stack_info)
        try:
            return _encode(payload)
        except Exception:
            # Circular structures, NaN and the like: degrade such values to text rather
            # than lose the line.
            return json.dumps({key: _plain(value) for key, value in payload.items()})

    def _exception(self, record: logging.LogRecord) -> str | None:
        try:
            if record.exc_info:
                return self.formatException(record.exc_info)
        except Exception:
            return _text(record.exc_info[1] if record.exc_info else None)
        return record.exc_text or None


class ConsoleFormatter(_MaskingFormatter):
    """Readable lines for a terminal.

    For example ``05:31:18 INFO  berth.request  GET /photos/ 200 12.0ms [req=ab12cd34]``.
    """

    def format_line(self, record: logging.LogRecord) -> str:
        clock = time.strftime("%H:%M:%S", time.localtime(record.created))
        line = f"{clock} {record.levelname:<5} {record.name}  {_message(record)}"
        request_id = _context(record.__dict__, "request_id")
        if request_id is not None:
            line += f" [req={str(request_id)[:8]}]"
        try:
            if record.exc_info:
                line += "\n" + self.formatException(record.exc_info)
            elif record.exc_text:
                line += "\n" + record.exc_text
            if record.stack_info:
                line += "\n" + self.formatStack(record.stack_info)
        except Exception:
            line += " <unformattable exception>"
        return line


def logging_config(level: str, fmt: str) -> dict[str, Any]:
    """A ``dictConfig`` dict sending every record to one stdout handler.

    ``level`` is a level name such as ``"INFO"``; ``fmt`` is ``"json"`` for
    :class:`JsonFormatter`, anything else for :class:`ConsoleFormatter`.
    """
    level = level.upper()
    number = logging.getLevelNamesMapping().get(level)
    if not isinstance(number, int):
        raise ValueError(f"unknown log level {level!r}")
    formatter = JsonFormatter if fmt == "json" else ConsoleFormatter
    # Named loggers get no handler of their own and propagate to the root one, so that
    # each record is written exactly once; naming them clears the handlers Django and
    # gunicorn install (console, mail_admins, their own stderr streams).
    loggers: dict[str, dict[str, Any]] = {
        name: {"level": level, "handlers": [], "propagate": True}
        for name in (
            "django",
            "django.server",
            "django.request",
            "gunicorn.error",
            "gunicorn.access",
        )
    }
    # gunicorn writes an access line at INFO whenever it is given a logging config, as
    # berth.runtime.gunicorn_conf does, ``accesslog = None`` notwithstanding: a second line per
    # request, without the request id, next to RequestIdMiddleware's.
    loggers["gunicorn.access"]["level"] = logging.getLevelName(max(number, logging.WARNING))
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "request_context": {"()": "berth.runtime.request_id.RequestContextFilter"},
        },
        "formatters": {
            "berth": {"()": f"{formatter.__module__}.{formatter.__qualname__}"},
        },
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "berth",
                "filters": ["request_context"],
            },
        },
        "root": {"level": level, "handlers": ["stdout"]},
        "loggers": loggers,
    }
