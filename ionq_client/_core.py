"""What both clients share: each operation as a :class:`Call` (the request, built by
the generated endpoint module, and how to decode its answer), the mapping of
failures to exceptions, the retry step, submission tagging and job-state rules.

Nothing here touches a socket; ``_sync`` and ``_async`` only do the I/O.
"""

from __future__ import annotations

import importlib
import json
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, cast

import httpx

from . import _retry
from ._exceptions import (
    IonQConnectionError,
    IonQError,
    IonQJobCanceledError,
    IonQJobError,
    IonQJobFailedError,
    IonQRateLimitError,
    IonQResponseError,
    IonQTimeoutError,
    IonQValidationError,
    api_error_from_response,
    redact,
    redact_error,
)
from .job import IonQJob, validate_payload
from .results import MultiResult, Result, decode_probabilities

if TYPE_CHECKING:
    from ionq_api.models import (
        BackendInfo,
        Characterization,
        CharacterizationList,
        JobCanceled,
        JobCost,
        JobCreated,
        JobDeleted,
        JobList,
        JobsCanceled,
        JobsDeleted,
        MultiCircuitJob,
        RateCardEstimate,
        RateInformationEstimate,
        Session,
        SessionList,
        SingleCircuitJob,
        UsageReport,
        WhoAmI,
    )

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
PUBLIC_OPERATIONS = frozenset({"listBackends", "getBackend", "listCharacterizations"})

#: IonQ's bulk endpoints take this many ids per request.
BULK_CHUNK = 1000
#: The metadata key that marks a submission so an ambiguous failure can be checked.
SUBMISSION_TAG_KEY = "ionq_client_submission"
#: How many of the newest jobs are searched for a tagged submission.
VERIFY_WINDOW = 100
MAX_METADATA_KEYS = 10
TERMINAL_STATUSES = frozenset({"completed", "failed", "canceled"})
AMBIGUOUS_NOTE = (
    "The request may have taken effect on the server; ionq-client did not send it again "
    "because it could not check (list your recent jobs to find out)."
)
POLL_INITIAL = 0.1
POLL_MAX = 5.0
POLL_GROWTH = 1.5


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


def _response_error(response: httpx.Response, why: str) -> IonQResponseError:
    snippet = response.text[:200] if response.content else "(empty body)"
    return IonQResponseError(
        f"{response.request.method} {response.request.url.path} answered "
        f"{response.status_code} with a body IonQ's spec does not allow ({why}): {snippet}",
        status_code=response.status_code,
        body=response.text,
    )


def _generated(operation: str) -> Callable[[httpx.Response], Any]:
    """Decode with the generated parser, turning its crashes into IonQResponseError."""
    module = _module(operation)

    def decode(response: httpx.Response) -> Any:
        try:
            parsed = module._parse_response(client=_parser_client(), response=response)
        except json.JSONDecodeError as exc:
            raise _response_error(response, f"invalid JSON: {exc}") from None
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise _response_error(response, f"{type(exc).__name__}: {exc}") from None
        if parsed is None:
            raise _response_error(response, "undocumented status")
        return parsed

    return decode


def _json(response: httpx.Response) -> Any:
    try:
        return json.loads(response.content)
    except ValueError as exc:
        raise _response_error(response, f"invalid JSON: {exc}") from None


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
        decode=decode or _generated(operation),
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
        return _response_error(response, "unexpected status")
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
    if isinstance(error, IonQRateLimitError) and error.retry_after is not None:
        hinted = error.retry_after
    delay = _retry.backoff_delay(attempt, hinted, jitter)
    return Step("verify" if verdict is _retry.Verdict.VERIFY else "retry", error, delay)


# -------------------------------------------------------------- operations
def whoami() -> Call[WhoAmI]:
    return build("getWhoami")


def get_backends() -> Call[list[BackendInfo]]:
    return build("listBackends")


def get_backend(backend: str) -> Call[BackendInfo]:
    return build("getBackend", _id("backend", backend))


def list_characterizations(
    backend: str,
    *,
    start: Any = None,
    end: Any = None,
    limit: int | None = None,
    page: int | None = None,
) -> Call[CharacterizationList]:
    return build(
        "listCharacterizations",
        _id("backend", backend),
        **_given(start=start, end=end, limit=limit, page=page),
    )


def get_characterization(backend: str, characterization_id: str) -> Call[Characterization]:
    return build(
        "getCharacterization",
        _id("backend", backend),
        _id("characterization_id", characterization_id),
    )


def create_job(payload: Mapping[str, Any]) -> Call[JobCreated]:
    """POST /jobs with an already validated payload (sent as-is, not re-modelled)."""
    return Call(
        operation="createJob",
        method="POST",
        path="/jobs",
        json=dict(payload),
        decode=_generated("createJob"),
    )


def list_jobs(
    filters: Mapping[str, Any], cursor: str | None, session_id: str | None = None
) -> Call[JobList]:
    kwargs = _given(**filters, next_=cursor)
    if session_id is not None:
        return build("listSessionJobs", _id("session_id", session_id), **kwargs)
    return build("listJobs", **kwargs)


def recent_jobs_raw() -> Call[list[Mapping[str, Any]]]:
    """The newest jobs as plain JSON: tolerant of anything, used to find a submission."""

    def decode(response: httpx.Response) -> list[Mapping[str, Any]]:
        data = _json(response)
        jobs = data.get("jobs") if isinstance(data, dict) else None
        if not isinstance(jobs, list):
            raise _response_error(response, "no 'jobs' list")
        return [j for j in jobs if isinstance(j, dict)]

    return build("listJobs", limit=VERIFY_WINDOW, decode=decode)


def get_job(job_id: str) -> Call[Job]:
    return build("getJob", _id("job_id", job_id))


def cancel_job(job_id: str) -> Call[JobCanceled]:
    return build("cancelJob", _id("job_id", job_id))


def delete_job(job_id: str) -> Call[JobDeleted]:
    return build("deleteJob", _id("job_id", job_id))


def cancel_jobs(ids: Sequence[str]) -> Call[JobsCanceled]:
    return Call(
        operation="cancelJobs",
        method="PUT",
        path="/jobs/status/cancel",
        json={"ids": list(ids)},
        decode=_generated("cancelJobs"),
    )


def delete_jobs(ids: Sequence[str]) -> Call[JobsDeleted]:
    return Call(
        operation="deleteJobs",
        method="DELETE",
        path="/jobs",
        json={"ids": list(ids)},
        decode=_generated("deleteJobs"),
    )


def chunked_ids(job_ids: Iterable[str]) -> list[list[str]]:
    """Validated ids in bulk-request-sized chunks; duplicates dropped, order kept."""
    ids = [_id(f"job_ids[{i}]", j) for i, j in enumerate(job_ids)]
    unique = list(dict.fromkeys(ids))
    return [unique[i : i + BULK_CHUNK] for i in range(0, len(unique), BULK_CHUNK)]


def get_job_cost(job_id: str) -> Call[JobCost]:
    return build("getJobCost", _id("job_id", job_id))


def estimate_job(backend: str, **query: Any) -> Call[CostEstimate]:
    from ionq_api.models import JobPayloadType

    if "type" in query:
        query["type_"] = JobPayloadType(query.pop("type"))
    renamed = {"one_qubit_gates": "field_1q_gates", "two_qubit_gates": "field_2q_gates"}
    kwargs = {renamed.get(k, k): v for k, v in query.items()}
    return build("estimateJob", backend=_id("backend", backend), **_given(**kwargs))


def copy_job(
    operation: Literal["cloneJob", "moveJob"], job_id: str, changes: Mapping[str, Any]
) -> Call[JobCreated]:
    from ionq_api.models import JobCopyPayload

    return build(operation, _id("job_id", job_id), body=JobCopyPayload.from_dict(dict(changes)))


def get_histogram(job_id: str) -> Call[dict[int, int]]:
    return build("getJobHistogram", _id("job_id", job_id), decode=_int_map)


def get_shots(job_id: str) -> Call[list[int]]:
    def decode(response: httpx.Response) -> list[int]:
        data = _json(response)
        try:
            return [int(s) for s in data]
        except (TypeError, ValueError):
            raise _response_error(response, "shots must be a list of decimal states") from None

    return build("getJobShots", _id("job_id", job_id), decode=decode)


def get_artifact(job_id: str, artifact_id: str) -> Call[Any]:
    def decode(response: httpx.Response) -> Any:
        media = response.headers.get("content-type", "")
        if "json" in media:
            return _json(response)
        if media.startswith("text/"):
            return response.text
        return response.content

    return build(
        "getJobArtifact", _id("job_id", job_id), _id("artifact_id", artifact_id), decode=decode
    )


def get_format_schema(format_id: str) -> Call[Any]:
    from ionq_api.models import FormatId

    try:
        fmt = FormatId(format_id)
    except ValueError:
        raise IonQValidationError("format", f"unknown format {format_id!r}") from None
    return build("getFormatSchema", fmt)


def create_session(backend: str, limits: Mapping[str, Any] | None) -> Call[Session]:
    body: dict[str, Any] = {"backend": _id("backend", backend)}
    if limits:
        body["settings"] = dict(limits)
    return Call(
        operation="createSession",
        method="POST",
        path="/sessions",
        json=body,
        decode=_generated("createSession"),
    )


def list_sessions(active: bool | None) -> Call[SessionList]:
    return build("listSessions", **_given(active=active))


def get_session(session_id: str) -> Call[Session]:
    return build("getSession", _id("session_id", session_id))


def end_session(session_id: str) -> Call[Session]:
    return build("endSession", _id("session_id", session_id))


def get_organization_usage(organization_id: str, **query: Any) -> Call[UsageReport]:
    from ionq_api.models import UsageGrouping, UsageModality

    if query.get("group_by") is not None:
        query["group_by"] = UsageGrouping(query["group_by"])
    if query.get("modality") is not None:
        query["modality"] = UsageModality(query["modality"])
    return build("getOrganizationUsage", _id("organization_id", organization_id), **_given(**query))


# --------------------------------------------------------------- results
def results_call(
    job: Job,
    base_url: str,
    *,
    sharpen: bool | None = None,
    extra_query_params: Mapping[str, Any] | None = None,
) -> Call[Result | MultiResult]:
    """Where a finished job's probabilities are, in whichever ``results`` shape it has."""
    from ionq_api.models import MultiCircuitJob, ResultArtifacts, ResultUrls

    ensure_completed(job)
    multi = isinstance(job, MultiCircuitJob)
    qubits = None if multi else _stat_qubits(job)
    shots = job.shots if isinstance(job.shots, int) else None

    def decode(response: httpx.Response) -> Result | MultiResult:
        return decode_probabilities(_json(response), qubits=qubits, shots=shots, job_id=job.id)

    params = dict(extra_query_params or {})
    if sharpen is not None:
        params["sharpen"] = "true" if sharpen else "false"
    operation = "getJobAggregatedProbabilities" if multi else "getJobProbabilities"
    path = f"/jobs/{_quote(job.id)}/results/probabilities" + ("/aggregated" if multi else "")
    results = job.results
    if sharpen is None and isinstance(results, ResultArtifacts):
        wanted = (
            "ionq.result.probabilities-aggregate.json.v1"
            if multi
            else "ionq.result.probabilities.json.v1"
        )
        if wanted in results.additional_properties:
            artifact = results.additional_properties[wanted].id
            operation, path = (
                "getJobArtifact",
                f"/jobs/{_quote(job.id)}/artifacts/{_quote(artifact)}",
            )
    elif not multi and isinstance(results, ResultUrls):
        path = same_origin_path(base_url, results.probabilities.url) or path
    return Call(operation=operation, method="GET", path=path, params=params or None, decode=decode)


def same_origin_path(base_url: str, url: str) -> str | None:
    """A server-given result URL as a request path, or None if it points elsewhere.

    The key is only ever sent to the configured origin.
    """
    base = httpx.URL(base_url)
    target = base.join(url)
    if (target.scheme, target.host, target.port) != (base.scheme, base.host, base.port):
        return None
    prefix = base.path.rstrip("/")
    if prefix and target.path.startswith(prefix + "/"):
        suffix = target.raw_path.decode("ascii")[len(prefix) :]
        return suffix
    return str(target)


def _stat_qubits(job: Job) -> int | None:
    stats = job.stats
    qubits = getattr(stats, "qubits", None)
    return qubits if isinstance(qubits, int) else None


def job_status(job: Job) -> str:
    return str(getattr(job.status, "value", job.status))


def ensure_completed(job: Job) -> None:
    """Raise the job error that explains why ``job`` has no results."""
    status = job_status(job)
    if status == "completed":
        return
    if status == "failed":
        failure = job.failure
        code = str(getattr(getattr(failure, "code", None), "value", getattr(failure, "code", "")))
        message = getattr(failure, "message", None) or "no details given"
        raise IonQJobFailedError(
            f"job {job.id} failed: {code or 'unknown'}: {message}", job_id=job.id, code=code
        )
    if status == "canceled":
        raise IonQJobCanceledError(f"job {job.id} was canceled", job_id=job.id)
    raise IonQJobError(f"job {job.id} is {status}; results exist once it completes", job_id=job.id)


def is_finished(job: Job) -> bool:
    return job_status(job) in TERMINAL_STATUSES


def next_poll_interval(interval: float) -> float:
    return min(POLL_MAX, interval * POLL_GROWTH)


def next_cursor(page: JobList, seen: set[str]) -> str | None:
    """The cursor to follow, or None at the end; refuses to read a page twice."""
    cursor = page.next_ if isinstance(page.next_, str) and page.next_ else None
    if cursor is not None:
        if cursor in seen:
            raise IonQResponseError(f"the server returned the cursor {cursor!r} twice; stopping")
        seen.add(cursor)
    return cursor


# ------------------------------------------------------------- submission
def submission_payload(job: IonQJob | Mapping[str, Any] | Any) -> dict[str, Any]:
    """Turn any accepted job form into a validated create-job payload."""
    if isinstance(job, IonQJob):
        payload = job.to_payload()
    elif isinstance(job, Mapping):
        payload = dict(job)
    elif callable(getattr(job, "to_dict", None)):
        payload = job.to_dict()
    else:
        raise IonQValidationError(
            "job", f"expected IonQJob, a payload model or a dict, got {type(job).__name__}"
        )
    validate_payload(payload)
    return payload


def tag_submission(payload: Mapping[str, Any]) -> tuple[dict[str, Any], str | None]:
    """Mark the payload with a fresh id in ``metadata`` if IonQ's 10-key limit leaves room."""
    metadata = dict(payload.get("metadata") or {})
    if SUBMISSION_TAG_KEY in metadata:
        return dict(payload), str(metadata[SUBMISSION_TAG_KEY])
    if len(metadata) >= MAX_METADATA_KEYS:
        return dict(payload), None
    tag = uuid.uuid4().hex
    metadata[SUBMISSION_TAG_KEY] = tag
    return {**payload, "metadata": metadata}, tag


def find_submission(jobs: Iterable[Mapping[str, Any]], tag: str) -> JobCreated | None:
    """The job created by the submission marked ``tag``, if the server has it."""
    from ionq_api.models import JobCreated

    for job in jobs:
        metadata = job.get("metadata")
        if isinstance(metadata, dict) and metadata.get(SUBMISSION_TAG_KEY) == tag:
            return JobCreated.from_dict(
                {
                    "id": job["id"],
                    "status": job.get("status", "submitted"),
                    "session_id": job.get("session_id"),
                }
            )
    return None


# --------------------------------------------------------------- helpers
def _id(field: str, value: object) -> str:
    """Identifiers go into URL paths: refuse what would change the path's meaning."""
    if not isinstance(value, str) or not value.strip():
        raise IonQValidationError(field, f"must be a non-empty string, got {value!r}")
    if value in (".", "..") or any(c in value for c in "/\\?#") or not value.isprintable():
        raise IonQValidationError(field, f"{value!r} is not a valid identifier")
    return value


def _quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


def _given(**kwargs: Any) -> dict[str, Any]:
    return {k: v for k, v in kwargs.items() if v is not None}


def _int_map(response: httpx.Response) -> dict[int, int]:
    data = _json(response)
    try:
        return {int(k): int(v) for k, v in cast(dict[str, Any], data).items()}
    except (AttributeError, TypeError, ValueError):
        raise _response_error(response, "expected a map of decimal states to counts") from None
