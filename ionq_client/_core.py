"""The request core both clients share: each operation as a :class:`Call` (the
request, built by the generated endpoint module, and how to decode its answer), the
mapping of failures to exceptions, and the retry step.

Nothing here touches a socket; ``_sync`` and ``_async`` only do the I/O.
"""

from __future__ import annotations

import functools
import importlib
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import httpx

from . import _retry
from ._exceptions import (
    IonQConnectionError,
    IonQError,
    IonQResponseError,
    IonQTimeoutError,
    api_error_from_response,
    redact,
    redact_error,
)

if TYPE_CHECKING:
    from ionq_api.models import (
        MultiCircuitJob,
        RateCardEstimate,
        RateInformationEstimate,
        SingleCircuitJob,
    )

    # The answers of getJob and estimateJob: unions the generated parsers choose between.
    Job = SingleCircuitJob | MultiCircuitJob
    CostEstimate = RateCardEstimate | RateInformationEstimate


T = TypeVar("T")

#: Every operation of the spec, and the facade method that wraps it. The drift
#: test fails when the spec gains an operation that is missing here.
WRAPPED: dict[str, tuple[str, str]] = {
    # operationId: (generated module under ionq_api.api, facade method)
    "getWhoami": ("account.get_whoami", "whoami"),
    "listBackends": ("backends.list_backends", "get_backends"),
    "getBackend": ("backends.get_backend", "get_backend"),
    "listCharacterizations": ("characterizations.list_characterizations", "iter_characterizations"),
    "getCharacterization": ("characterizations.get_characterization", "get_characterization"),
    "createJob": ("jobs.create_job", "submit_job"),
    "listJobs": ("jobs.list_jobs", "iter_jobs"),
    "deleteJobs": ("jobs.delete_jobs", "delete_jobs"),
    "cancelJobs": ("jobs.cancel_jobs", "cancel_jobs"),
    "estimateJob": ("jobs.estimate_job", "estimate_job"),
    "getJob": ("jobs.get_job", "retrieve_job"),
    "deleteJob": ("jobs.delete_job", "delete_job"),
    "cancelJob": ("jobs.cancel_job", "cancel_job"),
    "getJobCost": ("jobs.get_job_cost", "get_job_cost"),
    "cloneJob": ("jobs.clone_job", "clone_job"),
    "moveJob": ("jobs.move_job", "move_job"),
    "getJobProbabilities": ("results.get_job_probabilities", "get_results"),
    "getJobAggregatedProbabilities": (
        "results.get_job_aggregated_probabilities",
        "get_results",
    ),
    "getJobHistogram": ("results.get_job_histogram", "get_histogram"),
    "getJobShots": ("results.get_job_shots", "get_shots"),
    "getJobArtifact": ("results.get_job_artifact", "get_artifact"),
    "getFormatSchema": ("schemas.get_format_schema", "get_format_schema"),
    "createSession": ("sessions.create_session", "create_session"),
    "listSessions": ("sessions.list_sessions", "list_sessions"),
    "getSession": ("sessions.get_session", "get_session"),
    "endSession": ("sessions.end_session", "end_session"),
    "listSessionJobs": ("sessions.list_session_jobs", "iter_session_jobs"),
    "getOrganizationUsage": ("organizations.get_organization_usage", "get_organization_usage"),
}
#: Operations of the spec the facade deliberately leaves to ``ionq_api`` (id -> why).
#: Every v0.4 operation is wrapped today; an entry here is how to say otherwise.
NOT_WRAPPED: dict[str, str] = {}
PUBLIC_OPERATIONS = frozenset({"listBackends", "getBackend", "listCharacterizations"})
AMBIGUOUS_NOTE = (
    "The request may have taken effect on the server; ionq-client did not send it again "
    "because it could not check (list your recent jobs to find out)."
)


@dataclass(frozen=True, slots=True)
class Call(Generic[T]):
    """One request, ready for either driver, and how to read a 2xx answer."""

    operation: str
    method: str
    path: str
    decode: Callable[[httpx.Response], T]
    params: Mapping[str, Any] | None = None
    json: Any = None

    @property
    def needs_key(self) -> bool:
        return self.operation not in PUBLIC_OPERATIONS


@functools.cache
def _module(operation: str) -> ModuleType:
    return importlib.import_module(f"ionq_api.api.{WRAPPED[operation][0]}")


_PARSER_CLIENT: Any = None


def _parser_client() -> Any:
    """The generated ``Client`` its parsers insist on (they only read a flag from it)."""
    global _PARSER_CLIENT
    if _PARSER_CLIENT is None:
        from ionq_api import Client

        _PARSER_CLIENT = Client(base_url="", raise_on_unexpected_status=False)
    return _PARSER_CLIENT


def response_error(response: httpx.Response, why: str) -> IonQResponseError:
    snippet = response.text[:200] if response.content else "(empty body)"
    return IonQResponseError(
        f"{response.request.method} {response.request.url.path} answered "
        f"{response.status_code} with a body IonQ's spec does not allow ({why}): {snippet}",
        status_code=response.status_code,
        body=response.text,
    )


@functools.cache
def generated_decoder(operation: str) -> Callable[[httpx.Response], Any]:
    """Decode with the generated parser, turning its crashes into IonQResponseError."""
    module = _module(operation)

    def decode(response: httpx.Response) -> Any:
        try:
            parsed = module._parse_response(client=_parser_client(), response=response)
        except json.JSONDecodeError as exc:
            raise response_error(response, f"invalid JSON: {exc}") from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise response_error(response, f"{type(exc).__name__}: {exc}") from None
        if parsed is None:
            raise response_error(response, "undocumented status")
        return parsed

    return decode


def json_body(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except ValueError as exc:
        raise response_error(response, f"invalid JSON: {exc}") from None


def build(
    operation: str, *args: Any, decode: Callable[[httpx.Response], T] | None = None, **kwargs: Any
) -> Call[T]:
    """A Call whose method, path, query and body come from the generated module."""
    module = _module(operation)
    spec = module._get_kwargs(*args, **kwargs)
    return Call(
        operation=operation,
        method=spec["method"].upper(),
        path=spec["url"],
        params=spec.get("params") or None,
        json=spec.get("json"),
        decode=decode or generated_decoder(operation),
    )


# ---------------------------------------------------------------- failures
def decode(call: Call[T], response: httpx.Response, secret: str | None) -> T:
    """Decode a 2xx answer; an off-spec body becomes IonQResponseError, key redacted."""
    try:
        return call.decode(response)
    except IonQResponseError as error:
        raise redact_error(error, secret) from None


def error_for_response(response: httpx.Response, secret: str | None, now: float) -> IonQError:
    """The exception for a non-2xx answer."""
    if response.status_code < 400:
        return response_error(response, "unexpected status")
    hinted = _retry.retry_after(response.headers, now) if response.status_code == 429 else None
    return api_error_from_response(
        response.status_code, response.headers, response.text, secret=secret, retry_after=hinted
    )


def error_for_exception(
    exc: httpx.TransportError, call: Call[Any], secret: str | None
) -> IonQError:
    what = f"{call.method} {call.path}"
    if isinstance(exc, httpx.TimeoutException):
        return IonQTimeoutError(f"{what} timed out ({type(exc).__name__})")
    return IonQConnectionError(redact(f"{what} failed: {type(exc).__name__}: {exc}", secret))


@dataclass(frozen=True, slots=True)
class Step:
    """What a driver does after a failed attempt."""

    action: Literal["raise", "retry", "verify"]
    error: IonQError
    delay: float = 0.0


def after_failure(
    call: Call[Any],
    failure: httpx.Response | httpx.TransportError,
    *,
    attempt: int,
    max_retries: int,
    secret: str | None,
    now: float,
    jitter: float,
    verifiable: bool,
) -> Step:
    """Decide, for attempt number ``attempt`` (0-based), whether and when to go again."""
    if isinstance(failure, httpx.Response):
        error = error_for_response(failure, secret, now)
        verdict = _retry.classify(call.method, failure.status_code)
        hinted = _retry.retry_after(failure.headers, now)
    else:
        error = error_for_exception(failure, call, secret)
        verdict = _retry.classify(call.method, failure)
        hinted = None
    if attempt >= max_retries or verdict is _retry.Verdict.STOP:
        return Step("raise", error)
    if verdict is _retry.Verdict.VERIFY and not verifiable:
        error.add_note(AMBIGUOUS_NOTE)
        return Step("raise", error)
    delay = _retry.backoff_delay(attempt, hinted, jitter)
    return Step("verify" if verdict is _retry.Verdict.VERIFY else "retry", error, delay)
