"""How the emulator says no: IonQ's error body, and the exceptions that become one.

Clients parse IonQ's error shape (``{"error", "message", "statusCode"}``, plus
``validation`` on a 400), so every refusal must carry it exactly: the app's own
answers, the router's 404/405 and the faults injected in front of the app. This
module is the one place that builds it, and so the one place that keeps it small:
a refusal quotes what it refuses, and a client that sent a 10 MB value must not get
it back. :func:`quoted` renders a value for a message in at most
:data:`QUOTE_LIMIT` characters, and :func:`error_body` caps whatever it is given
(each whitespace-free run, the whole message, the ``validation`` keys) so that no
message built anywhere can echo an unbounded value. The store raises
:class:`NotFound` and :class:`Conflict` without knowing HTTP; the app turns them
into :class:`ApiError`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any, Final

__all__ = [
    "MESSAGE_LIMIT",
    "QUOTE_LIMIT",
    "ApiError",
    "Busy",
    "Conflict",
    "NotFound",
    "error_body",
    "error_phrase",
    "quoted",
    "shorten",
]

QUOTE_LIMIT: Final = 200
"""The most characters of one offending value an error message quotes."""
MESSAGE_LIMIT: Final = 1000
"""The most characters of an error message, however many values it quotes."""
_KEYS_LIMIT: Final = 50
"""The most ``validation.keys`` an error body lists."""
_ELLIPSIS: Final = "..."
_LONG_RUN: Final = re.compile(rf"\S{{{QUOTE_LIMIT + 1},}}")

_PHRASES: Final = {
    400: "Bad Request",
    401: "Unauthorized Error",
    403: "Forbidden Error",
    404: "Not Found Error",
    405: "Method Not Allowed",
    409: "Conflict Error",
    413: "Payload Too Large",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
}


class NotFound(Exception):
    """No such resource for this key (answered 404)."""


class Conflict(Exception):
    """The resource's state forbids the action (answered 409)."""


class Busy(Exception):
    """Too much work in hand to take more now (answered 429 with ``Retry-After``)."""

    def __init__(self, message: str, retry_after: int = 1) -> None:
        super().__init__(message)
        self.retry_after = retry_after


def shorten(text: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` if it fits in ``limit`` characters, else its start and an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: limit - len(_ELLIPSIS)] + _ELLIPSIS


def quoted(value: object) -> str:
    """``repr(value)`` for a message, at most :data:`QUOTE_LIMIT` characters long."""
    if isinstance(value, str):  # a huge string need not be repr'd whole to be cut
        return shorten(repr(value[: QUOTE_LIMIT + 1]))
    return shorten(repr(value))


def _capped_message(message: str) -> str:
    message = _LONG_RUN.sub(lambda m: shorten(m.group()), message)
    return shorten(message, MESSAGE_LIMIT)


def _capped_validation(validation: Mapping[str, Any]) -> dict[str, Any]:
    capped = dict(validation)
    keys = capped.get("keys")
    if isinstance(keys, list):
        capped["keys"] = [shorten(k) if isinstance(k, str) else k for k in keys[:_KEYS_LIMIT]]
    source = capped.get("source")
    if isinstance(source, str):
        capped["source"] = shorten(source)
    return capped


def error_phrase(status: int) -> str:
    """IonQ's ``error`` field: the reason phrase, "... Error" for some statuses."""
    if status in _PHRASES:
        return _PHRASES[status]
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def error_body(
    status: int, message: str, validation: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """IonQ's error body; ``validation`` (``keys`` and ``source``) only on a 400.

    Whatever the message quotes is capped here: a run of more than
    :data:`QUOTE_LIMIT` non-blank characters is cut to that length with an ellipsis,
    the message to :data:`MESSAGE_LIMIT`, and ``validation.keys`` to its first 50
    entries of at most :data:`QUOTE_LIMIT` characters each.
    """
    body: dict[str, Any] = {
        "error": error_phrase(status),
        "message": _capped_message(message),
        "statusCode": status,
    }
    if validation is not None:
        body["validation"] = _capped_validation(validation)
    return body


class ApiError(Exception):
    """An answer other than success, in IonQ's error shape."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        validation: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.validation = validation
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        return error_body(self.status, self.message, self.validation)
