"""Give every request an id, carry it to log records, and write one access-log line per request."""

from __future__ import annotations

import logging
import re
import secrets
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar, Token, copy_context
from typing import cast

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.http import HttpRequest
from django.http.response import HttpResponseBase

__all__ = [
    "REQUEST_ID_HEADER",
    "RequestContextFilter",
    "RequestIdMiddleware",
    "current_request_id",
    "is_valid_request_id",
    "request_id_var",
    "request_method_var",
    "request_path_var",
]

REQUEST_ID_HEADER = "X-Request-ID"

request_id_var: ContextVar[str | None] = ContextVar("berth_request_id", default=None)
request_method_var: ContextVar[str | None] = ContextVar("berth_request_method", default=None)
request_path_var: ContextVar[str | None] = ContextVar("berth_request_path", default=None)

# An incoming id ends up in log lines and a response header, so only a bounded, inert
# alphabet is trusted: nothing that could split a line, a header or a quoted field.
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9_.:-]{1,128}")

access_logger = logging.getLogger("berth.request")

_Tokens = tuple[Token[str | None], Token[str | None], Token[str | None]]

_GetResponse = Callable[[HttpRequest], HttpResponseBase | Awaitable[HttpResponseBase]]


def current_request_id() -> str | None:
    """The id of the request being handled in this context, or None outside a request."""
    return request_id_var.get()


def is_valid_request_id(value: str | None) -> bool:
    """Whether an incoming ``X-Request-ID`` value is safe to reuse as is."""
    return value is not None and _VALID_REQUEST_ID.fullmatch(value) is not None


class RequestContextFilter(logging.Filter):
    """Copy the current request's id, method and path onto every record it sees.

    Attach it to a handler, not a logger: handler filters also see records propagated
    from child loggers. Copying at handling time keeps the values right even if the
    record is formatted later, elsewhere.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        record.method = request_method_var.get()
        record.path = request_path_var.get()
        return True


def _printable(text: str) -> str:
    # request.path is percent-decoded, so "%0A" arrives as a real newline: keep one
    # request on one line in human-readable output.
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class RequestIdMiddleware:
    """Assign a request id, expose it to logging for the request's duration, log the outcome
    once the response is closed.

    Put it first in ``MIDDLEWARE`` so that the id covers, and the timing includes, the
    rest of the stack.
    """

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: _GetResponse) -> None:
        self.get_response = get_response
        self._is_async = iscoroutinefunction(get_response)
        if self._is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest) -> HttpResponseBase | Awaitable[HttpResponseBase]:
        if self._is_async:
            return self.__acall__(request)
        tokens = self._enter(request)
        started = time.perf_counter()
        try:
            try:
                response = cast(HttpResponseBase, self.get_response(request))
            except Exception:
                # Django normally turns exceptions into a 500 further in; one that
                # escapes is still a request that happened and deserves its line.
                self._log(request, 500, started)
                raise
            return self._finish(request, response, started)
        finally:
            self._exit(tokens)

    async def __acall__(self, request: HttpRequest) -> HttpResponseBase:
        tokens = self._enter(request)
        started = time.perf_counter()
        try:
            try:
                response = await cast(Awaitable[HttpResponseBase], self.get_response(request))
            except Exception:
                self._log(request, 500, started)
                raise
            return self._finish(request, response, started)
        finally:
            self._exit(tokens)

    def _enter(self, request: HttpRequest) -> _Tokens:
        incoming = request.META.get("HTTP_X_REQUEST_ID")
        # 32 hex digits from os.urandom, like uuid4().hex (which fixes 6 of the 128 bits), at
        # a quarter of its cost: building a UUID object is most of uuid4's time.
        request_id = incoming if is_valid_request_id(incoming) else secrets.token_hex(16)
        request.request_id = request_id  # type: ignore[attr-defined]
        return (
            request_id_var.set(request_id),
            request_method_var.set(request.method),
            request_path_var.set(request.path),
        )

    def _exit(self, tokens: _Tokens) -> None:
        request_id_token, method_token, path_token = tokens
        request_path_var.reset(path_token)
        request_method_var.reset(method_token)
        request_id_var.reset(request_id_token)

    def _finish(
        self, request: HttpRequest, response: HttpResponseBase, started: float
    ) -> HttpResponseBase:
        response[REQUEST_ID_HEADER] = request.request_id  # type: ignore[attr-defined]
        # The access line is written when the server closes the response, after its last
        # byte went out, as gunicorn and nginx write theirs: the client does not wait for the
        # line, and duration_ms covers a streamed body too. The request's context is kept
        # for it, and for whatever Django's request_finished receivers log.
        context = copy_context()
        close = response.close
        pending = True

        def close_then_log() -> None:
            try:
                close()
            finally:
                self._log(request, response.status_code, started)

        def close_once_logged() -> None:
            nonlocal pending
            if pending:
                pending = False
                context.run(close_then_log)
            else:
                close()

        response.close = close_once_logged  # type: ignore[method-assign]
        return response

    def _log(self, request: HttpRequest, status: int, started: float) -> None:
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        level = logging.ERROR if status >= 500 else logging.INFO
        if not access_logger.isEnabledFor(level):
            return
        # What access_logger.log() does, less findCaller(), a walk up the stack for the
        # calling file and line on every request; an access line has one origin, this method.
        record = access_logger.makeRecord(
            access_logger.name,
            level,
            __file__,
            0,
            "%s %s %d %.1fms",
            (request.method, _printable(request.path), status, duration_ms),
            None,
            "_log",
            extra={"status": status, "duration_ms": duration_ms},
        )
        access_logger.handle(record)
