"""How the emulator says no: IonQ's error body, and the exceptions that become one.

Clients parse IonQ's error shape (``{"error", "message", "statusCode"}``, plus
``validation`` on a 400), so every refusal must carry it exactly: the app's own
answers, the router's 404/405 and the faults injected in front of the app. This
module is the one place that builds it. The store raises :class:`NotFound` and
:class:`Conflict` without knowing HTTP; the app turns them into :class:`ApiError`.
"""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus
from typing import Any, Final

__all__ = ["ApiError", "Conflict", "NotFound", "error_body", "error_phrase"]

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
    """IonQ's error body; ``validation`` (``keys`` and ``source``) only on a 400."""
    body: dict[str, Any] = {
        "error": error_phrase(status),
        "message": message,
        "statusCode": status,
    }
    if validation is not None:
        body["validation"] = dict(validation)
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
