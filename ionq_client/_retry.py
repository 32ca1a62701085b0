"""When to try a request again, and how long to wait first. Pure: no I/O, no clock.

The rules, in order:

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

import httpx

TRANSIENT_STATUSES = frozenset({408, 429, 500, 502, 503, 504, *range(520, 530)})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
# Failures after which a POST certainly did not reach the application.
SAFE_POST_STATUSES = frozenset({429})
SAFE_TRANSPORT_ERRORS: tuple[type[Exception], ...] = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
)

INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
MAX_RETRY_AFTER = 60.0


class Verdict(enum.Enum):
    STOP = "stop"  # give up: raise the error
    RETRY = "retry"  # send the same request again
    VERIFY = "verify"  # ambiguous POST: find out whether it took effect, then maybe retry


def classify(method: str, failure: int | Exception) -> Verdict:
    """What to do after a transient-looking status code or a transport exception."""
    if isinstance(failure, int):
        if failure not in TRANSIENT_STATUSES and not (failure == 409 and method == "GET"):
            return Verdict.STOP
        if method in IDEMPOTENT_METHODS or failure in SAFE_POST_STATUSES:
            return Verdict.RETRY
        return Verdict.VERIFY
    if not isinstance(failure, httpx.TransportError):
        return Verdict.STOP
    if method in IDEMPOTENT_METHODS or isinstance(failure, SAFE_TRANSPORT_ERRORS):
        return Verdict.RETRY
    return Verdict.VERIFY


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
