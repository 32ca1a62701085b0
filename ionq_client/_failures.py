"""A failed attempt, turned into the next step: the exception it means, and whether
to raise it, retry, or first look for the job an ambiguous POST may have created.
Pure: no I/O, no clock (the caller passes ``now`` and ``jitter``).

Both drivers call :func:`after_failure` and do what the returned :class:`Step` says;
every decision lives here, so a rule fixed once is fixed for sync and async.

The retry rules, in order:

* Statuses 408, 429, 500, 502, 503, 504 and Cloudflare's 520-529 are transient;
  409 is too, but only for GET (Cloudflare answers 409 to reads under load).
* A method that cannot change state twice (GET, PUT, DELETE) is retried after any
  transient status or transport error.
* A POST is retried blindly only when the server cannot have acted: a 429, or a
  connection that was never established. Any other failure is *ambiguous*: the
  job may exist. The client then looks for it before it submits again (see
  ``IonQClient.submit_job``); POSTs that cannot be looked up are not retried.
* The wait is exponential with jitter (0.5 s, 1 s, 2 s... up to 8 s), unless the
  server sent ``Retry-After`` (seconds or an HTTP date), which is obeyed up to
  ``MAX_RETRY_AFTER``.
"""

from __future__ import annotations

import email.utils
import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import httpx

from ._decoding import response_error
from ._exceptions import (
    IonQConnectionError,
    IonQError,
    IonQTimeoutError,
    api_error_from_response,
    redact,
)

if TYPE_CHECKING:
    from ._requests import ApiRequest

TRANSIENT_STATUSES = frozenset({408, 429, 500, 502, 503, 504, *range(520, 530)})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
# Failures after which a POST certainly did not reach the application.
SAFE_POST_STATUSES = frozenset({429})
SAFE_TRANSPORT_ERRORS: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)

# Mistakes on this side (a header value httpx refuses, a scheme it cannot speak):
# trying again cannot help, so they are never retried.
LOCAL_ERRORS: tuple[type[Exception], ...] = (httpx.LocalProtocolError, httpx.UnsupportedProtocol)

INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
MAX_RETRY_AFTER = 60.0


class Verdict(enum.Enum):
    STOP = "stop"  # give up: raise the error
    RETRY = "retry"  # send the same request again
    FIND = "find"  # ambiguous POST: look for what it created, retry only if nothing


def classify(method: str, failure: int | Exception) -> Verdict:
    """What to do after a transient-looking status code or a transport exception."""
    if isinstance(failure, int):
        if failure not in TRANSIENT_STATUSES and not (failure == 409 and method == "GET"):
            return Verdict.STOP
        if method in IDEMPOTENT_METHODS or failure in SAFE_POST_STATUSES:
            return Verdict.RETRY
        return Verdict.FIND
    if not isinstance(failure, httpx.TransportError) or isinstance(failure, LOCAL_ERRORS):
        return Verdict.STOP
    if method in IDEMPOTENT_METHODS or isinstance(failure, SAFE_TRANSPORT_ERRORS):
        return Verdict.RETRY
    return Verdict.FIND


def retry_after(headers: Mapping[str, str], now: float) -> float | None:
    """Seconds the server asked us to wait, from ``Retry-After``; None if absent or garbled."""
    value = headers.get("retry-after")
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        seconds = when.timestamp() - now
    if seconds != seconds:  # NaN
        return None
    return max(0.0, seconds)


def backoff_delay(attempt: int, hinted: float | None, jitter: float) -> float:
    """The pause before retry number ``attempt`` (0-based); ``jitter`` in [0, 1)."""
    if hinted is not None:
        return min(hinted, MAX_RETRY_AFTER)
    base = min(MAX_DELAY, INITIAL_DELAY * 2.0**attempt)
    return base * (1.0 - 0.25 * jitter)


#: Added to an error when a request may have taken effect and was not sent again.
AMBIGUOUS_NOTE = (
    "The request may have taken effect on the server; ionq-client did not send it again "
    "because it could not check (list your recent jobs to find out)."
)


def error_for_response(response: httpx.Response, secret: str | None, now: float) -> IonQError:
    """The exception for a non-2xx answer (a 3xx is a body the spec does not allow)."""
    if response.status_code < 400:
        return response_error(response, "unexpected status", secret)
    hinted = retry_after(response.headers, now) if response.status_code == 429 else None
    return api_error_from_response(
        response.status_code, response.headers, response.text, secret=secret, retry_after=hinted
    )


def error_for_exception(
    exc: httpx.TransportError, request: ApiRequest[object], secret: str | None
) -> IonQError:
    """The exception for a transport failure; httpx's message may quote a header."""
    what = f"{request.method} {request.path}"
    if isinstance(exc, httpx.TimeoutException):
        return IonQTimeoutError(f"{what} timed out ({type(exc).__name__})")
    return IonQConnectionError(redact(f"{what} failed: {type(exc).__name__}: {exc}", secret))


@dataclass(frozen=True, slots=True)
class Step:
    """What a driver does after a failed attempt: raise ``error``, or wait ``delay``
    seconds and retry (``"find"``: first look for the submission, then retry)."""

    action: Literal["raise", "retry", "find"]
    error: IonQError
    delay: float = 0.0


def after_failure(
    request: ApiRequest[object],
    failure: httpx.Response | httpx.TransportError,
    *,
    attempt: int,
    max_retries: int,
    secret: str | None,
    now: float,
    jitter: float,
    findable: bool,
    grace: float = 0.0,
) -> Step:
    """Decide, after attempt number ``attempt`` (0-based) failed, whether and when to go
    again. ``findable``: the request carries a submission tag the driver can look for.

    ``grace`` (the client's read timeout): after a POST timed out, the server may still
    be working on it, so the lookup waits at least that long again; a job created
    within twice the read timeout is then found, not sent a second time.
    """
    if isinstance(failure, httpx.Response):
        error = error_for_response(failure, secret, now)
        verdict = classify(request.method, failure.status_code)
        hinted = retry_after(failure.headers, now)
    else:
        error = error_for_exception(failure, request, secret)
        verdict = classify(request.method, failure)
        hinted = None
    if verdict is Verdict.FIND and (attempt >= max_retries or not findable):
        return Step("raise", not_resent(error))  # it may exist: say so
    if attempt >= max_retries or verdict is Verdict.STOP:
        return Step("raise", error)
    delay = backoff_delay(attempt, hinted, jitter)
    if verdict is Verdict.FIND and isinstance(failure, httpx.TimeoutException):
        delay = max(delay, grace)
    return Step("find" if verdict is Verdict.FIND else "retry", error, delay)


def not_resent(error: IonQError) -> IonQError:
    """``error``, noting that the request may have taken effect and was not resent."""
    error.add_note(AMBIGUOUS_NOTE)
    return error
