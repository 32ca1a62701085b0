"""The exceptions raised by ionq-client, all rooted at :class:`IonQError`.

Catch the narrowest class that fits what you can do about it::

    IonQError
    ├── IonQValidationError (ValueError)     bad input, refused before anything is sent
    ├── IonQCredentialsError                 no usable API key for a call that needs one
    ├── IonQClientClosedError (RuntimeError) the client was closed before the call
    ├── IonQRetriableError                   marker: trying again later may succeed
    ├── IonQConnectionError [retriable]      the server could not be reached
    │   └── IonQTimeoutError (TimeoutError)  connect/read/write/pool timeout
    ├── IonQAPIError                         the server answered with status >= 400
    │   ├── IonQBadRequestError              400 (``validation`` lists the offending keys)
    │   ├── IonQAuthenticationError          401
    │   ├── IonQPermissionDeniedError        403
    │   ├── IonQNotFoundError                404
    │   ├── IonQConflictError                409
    │   ├── IonQPayloadTooLargeError         413
    │   ├── IonQUnprocessableEntityError     422
    │   ├── IonQRateLimitError [retriable]   429 (``retry_after`` in seconds, when sent)
    │   └── IonQServerError [retriable]      5xx, including Cloudflare's 520-529
    ├── IonQResponseError                    a success status whose body breaks the spec
    ├── IonQBatchError                       some jobs of a batch failed (``results``, in order)
    ├── IonQBatchTimeoutError (TimeoutError) wait_all's deadline passed (``unfinished`` ids)
    └── IonQJobError                         a job did not end as hoped
        ├── IonQJobFailedError               status "failed" (IonQ's failure ``code``)
        ├── IonQJobCanceledError             status "canceled"
        └── IonQJobTimeoutError (TimeoutError)  wait_for_job's deadline passed

Every exception renders without the API key: error bodies are redacted before
they are stored, and request headers are never kept.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

_REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-amzn-requestid", "cf-ray")
_REDACTED = "<redacted>"


class IonQError(Exception):
    """Base of every exception this package raises."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword-only constructors break the default pickling of exceptions;
        # rebuild from the instance dict instead so errors cross process pools.
        return (_rebuild, (type(self), self.__dict__))


def _rebuild(cls: type[IonQError], state: dict[str, Any]) -> IonQError:
    obj = cls.__new__(cls)
    Exception.__init__(obj, state.get("message", ""))
    obj.__dict__.update(state)
    return obj


class IonQValidationError(IonQError, ValueError):
    """Input that IonQ would refuse, caught before anything went on the wire."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


class IonQCredentialsError(IonQError):
    """No API key was given and none was found in the environment, or the key given
    cannot be sent (it holds a character an HTTP header cannot carry)."""


class IonQClientClosedError(IonQError, RuntimeError):
    """The client was closed (``close()``, or its ``with`` block ended)."""


class IonQRetriableError(IonQError):
    """Marker for failures that may succeed if the same call is made later."""


class IonQConnectionError(IonQRetriableError):
    """The request never got an HTTP answer (DNS, refused, reset, TLS...)."""


class IonQTimeoutError(IonQConnectionError, TimeoutError):
    """The request exceeded its timeout."""


class IonQAPIError(IonQError):
    """IonQ answered with an error status.

    ``body`` is the raw (redacted) text; ``error_type`` and ``message`` come
    from whichever of IonQ's three error-body shapes was found.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        headers: Mapping[str, str] | None = None,
        body: str = "",
        error_type: str = "internal_error",
        request_id: str | None = None,
        validation: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.headers: dict[str, str] = dict(headers or {})
        self.body = body
        self.error_type = error_type
        self.request_id = request_id
        self.validation = dict(validation) if validation is not None else None

    def __str__(self) -> str:
        rid = f", request id {self.request_id}" if self.request_id else ""
        return f"{self.status_code} {self.error_type}: {self.message}{rid}"

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code}, "
            f"error_type={self.error_type!r}, message={self.message!r})"
        )


class IonQBadRequestError(IonQAPIError):
    """400: the request was malformed or failed IonQ's validation."""


class IonQAuthenticationError(IonQAPIError):
    """401: the API key is missing, unknown or revoked."""


class IonQPermissionDeniedError(IonQAPIError):
    """403: the key is valid but may not do this."""


class IonQNotFoundError(IonQAPIError):
    """404: no such resource, or not visible to this key (also: results not ready)."""


class IonQConflictError(IonQAPIError):
    """409: the resource is in a state that forbids the action."""


class IonQPayloadTooLargeError(IonQAPIError):
    """413: the request body exceeded IonQ's 10 MB limit."""


class IonQUnprocessableEntityError(IonQAPIError):
    """422: the request was well formed but semantically refused."""


class IonQRateLimitError(IonQAPIError, IonQRetriableError):
    """429: too many requests; ``retry_after`` is the server's hint in seconds."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class IonQServerError(IonQAPIError, IonQRetriableError):
    """5xx: IonQ, or a proxy in front of it, failed."""


class IonQResponseError(IonQError):
    """A response IonQ's spec does not allow: HTML, truncated JSON, a missing field."""

    def __init__(self, message: str, *, status_code: int | None = None, body: str = "") -> None:
        super().__init__(message)
        self.status_code = status_code
        self.body = body


class IonQBatchError(IonQError):
    """Some items of ``submit_many``/``run_many`` failed; none of the others is lost.

    ``results`` has one entry per input, in order: the value (a ``JobCreated`` or a
    result) where that item succeeded, the ``IonQError`` it raised where it did not.
    """

    def __init__(self, message: str, *, results: list[Any]) -> None:
        super().__init__(message)
        self.results = results

    @property
    def errors(self) -> dict[int, IonQError]:
        """The failures, by the position of their input."""
        return {i: r for i, r in enumerate(self.results) if isinstance(r, IonQError)}


class IonQBatchTimeoutError(IonQError, TimeoutError):
    """``wait_all``/``as_completed`` reached its deadline; ``unfinished`` lists the ids
    still running (they keep running unless ``cancel_on_timeout`` canceled them)."""

    def __init__(self, message: str, *, unfinished: list[str]) -> None:
        super().__init__(message)
        self.unfinished = unfinished


class IonQJobError(IonQError):
    """A job reached a state other than the one the caller waited for."""

    def __init__(self, message: str, *, job_id: str) -> None:
        super().__init__(message)
        self.job_id = job_id


class IonQJobFailedError(IonQJobError):
    """The job failed; ``code`` is IonQ's failure code (e.g. ``NotEnoughQubits``)."""

    def __init__(self, message: str, *, job_id: str, code: str) -> None:
        super().__init__(message, job_id=job_id)
        self.code = code


class IonQJobCanceledError(IonQJobError):
    """The job was canceled before it completed."""


class IonQJobTimeoutError(IonQJobError, TimeoutError):
    """The job did not finish before the caller's deadline (it keeps running)."""


_BY_STATUS: dict[int, type[IonQAPIError]] = {
    400: IonQBadRequestError,
    401: IonQAuthenticationError,
    403: IonQPermissionDeniedError,
    404: IonQNotFoundError,
    409: IonQConflictError,
    413: IonQPayloadTooLargeError,
    422: IonQUnprocessableEntityError,
    429: IonQRateLimitError,
}


def redact(text: str, secret: str | None) -> str:
    """Remove ``secret`` from ``text`` (servers sometimes echo request headers)."""
    if secret and len(secret) >= 4 and secret in text:
        return text.replace(secret, _REDACTED)
    return text


def redact_error(error: IonQResponseError, secret: str | None) -> IonQResponseError:
    """The same error with ``secret`` scrubbed from its message and body."""
    error.message = redact(error.message, secret)
    error.args = (error.message,)
    error.body = redact(error.body, secret)
    return error


def _parse_error_body(text: str) -> tuple[str, str | None, dict[str, Any] | None]:
    """Return (error_type, message, validation) from any of IonQ's error shapes."""
    try:
        data = json.loads(text) if text else None
    except ValueError:
        data = None
    if not isinstance(data, dict):
        snippet = " ".join(text.split())[:200]
        return "internal_error", (snippet or None), None
    error = data.get("error")
    validation = data.get("validation") if isinstance(data.get("validation"), dict) else None
    if isinstance(error, dict):  # {"error": {"type": ..., "message": ...}}
        return str(error.get("type") or "internal_error"), _str_or_none(error.get("message")), None
    message = _str_or_none(data.get("message"))
    if isinstance(error, str):  # {"error": ..., "message": ..., "statusCode": ...}
        return error, message, validation
    return "internal_error", message, validation  # {"code": ..., "message": ...}


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def api_error_from_response(
    status_code: int,
    headers: Mapping[str, str],
    text: str,
    *,
    secret: str | None = None,
    retry_after: float | None = None,
) -> IonQAPIError:
    """Build the exception for an error response; never raises while doing so."""
    text = redact(text, secret)
    error_type, message, validation = _parse_error_body(text)
    lowered = {k.lower(): redact(v, secret) for k, v in headers.items()}
    request_id = next((lowered[h] for h in _REQUEST_ID_HEADERS if h in lowered), None)
    kwargs: dict[str, Any] = {
        "status_code": status_code,
        "headers": lowered,
        "body": text,
        "error_type": error_type,
        "request_id": request_id,
        "validation": validation,
    }
    if message is None:
        message = "No error details provided."
    if validation and validation.get("keys"):
        message = f"{message} (fields: {', '.join(map(str, validation['keys']))})"
    cls = _BY_STATUS.get(status_code)
    if cls is IonQRateLimitError:
        return IonQRateLimitError(message, retry_after=retry_after, **kwargs)
    if cls is None:
        cls = IonQServerError if status_code >= 500 else IonQAPIError
    return cls(message, **kwargs)
