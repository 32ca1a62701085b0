"""Every API operation as an :class:`ApiRequest`: method, path, query and body, built
by the operation's generated endpoint module (``ionq_api.api.*._get_kwargs``), and
the decoder that reads its answer. Pure: no I/O, no client state.

The drivers turn an ``ApiRequest`` into bytes on the wire (``_base_client``), and a
failure into the next step (``_failures``); nothing here is visited twice per request.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import httpx

from . import _decoding, _limits
from ._decoding import CandidatePage, Decoder
from ._exceptions import IonQResponseError, IonQValidationError
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
        QaoaJob,
        QuantumFunctionJob,
        RateCardEstimate,
        RateInformationEstimate,
        Session,
        SessionList,
        SingleCircuitJob,
        UsageReport,
        WhoAmI,
    )

    # The answers of getJob and estimateJob: unions the generated parsers choose between.
    Job = SingleCircuitJob | MultiCircuitJob | QaoaJob | QuantumFunctionJob
    CostEstimate = RateCardEstimate | RateInformationEstimate

T = TypeVar("T", covariant=True)

#: Every operation of the spec: its generated module under ``ionq_api.api`` and the
#: facade method that wraps it. The drift test fails when the spec gains an operation
#: missing here.
WRAPPED: dict[str, tuple[str, str]] = {
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
#: The operations that need no API key.
PUBLIC_OPERATIONS = frozenset({"listBackends", "getBackend", "listCharacterizations"})
#: IonQ's bulk endpoints take this many ids per request.
BULK_CHUNK = 1000


@dataclass(frozen=True, slots=True)
class ApiRequest(Generic[T]):
    """One API request, ready for either driver, and how to read its 2xx answer.

    ``path`` is relative to the API root, or absolute for a result URL the server
    gave (same origin only, see :func:`same_origin_path`).
    """

    operation: str
    method: str
    path: str
    decode: Decoder
    params: Mapping[str, Any] | None = None
    json: Any = None

    @property
    def needs_key(self) -> bool:
        return self.operation not in PUBLIC_OPERATIONS


class _AsIs:
    """A body the generated ``_get_kwargs`` sends as it is (it only calls ``to_dict``).

    For bodies already validated by our own rules: re-modelling a 150,000-gate job
    through the generated classes would cost more than the request itself.
    """

    __slots__ = ("_body",)

    def __init__(self, body: Mapping[str, Any]) -> None:
        self._body = dict(body)

    def to_dict(self) -> dict[str, Any]:
        return self._body


def build(
    operation: str, *args: Any, decode: Decoder | None = None, **kwargs: Any
) -> ApiRequest[Any]:
    """The request whose method, path, query and body come from the generated module."""
    dotted = WRAPPED[operation][0]
    spec = _decoding.endpoint_module(dotted)._get_kwargs(*args, **kwargs)
    return ApiRequest(
        operation=operation,
        method=spec["method"].upper(),
        path=spec["url"],
        params=spec.get("params") or None,
        json=spec.get("json"),
        decode=decode or _decoding.generated(dotted),
    )


# -------------------------------------------------------------- operations
def whoami() -> ApiRequest[WhoAmI]:
    return build("getWhoami")


def get_backends() -> ApiRequest[list[BackendInfo]]:
    return build("listBackends")


def get_backend(backend: str) -> ApiRequest[BackendInfo]:
    return build("getBackend", checked_id("backend", backend))


def list_characterizations(
    backend: str,
    *,
    start: Any = None,
    end: Any = None,
    limit: int | None = None,
    page: int | None = None,
) -> ApiRequest[CharacterizationList]:
    window: dict[str, Any] = {
        name: checked_date(name, value) for name, value in _given(start=start, end=end).items()
    }
    if limit is not None:
        window["limit"] = checked_int("limit", limit, 1, 10)
    if page is not None:
        window["page"] = checked_int("page", page, 1)
    return build("listCharacterizations", checked_id("backend", backend), **window)


def get_characterization(backend: str, characterization_id: str) -> ApiRequest[Characterization]:
    return build(
        "getCharacterization",
        checked_id("backend", backend),
        checked_id("characterization_id", characterization_id),
    )


def create_job(payload: Mapping[str, Any]) -> ApiRequest[JobCreated]:
    """POST /jobs with a payload already validated by ``job.validate_payload``."""
    return build("createJob", body=_AsIs(payload))


def list_jobs(
    filters: Mapping[str, Any], cursor: str | None, session_id: str | None = None
) -> ApiRequest[JobList]:
    kwargs = _given(**checked_job_filters(filters), next_=cursor)
    if session_id is not None:
        return build("listSessionJobs", checked_id("session_id", session_id), **kwargs)
    return build("listJobs", **kwargs)


def submission_candidates(
    filters: Mapping[str, str], limit: int, cursor: str | None
) -> ApiRequest[CandidatePage]:
    """A page of the newest jobs as plain JSON, to find a tagged submission in."""
    return build(
        "listJobs",
        **filters,
        limit=limit,
        **_given(next_=cursor),
        decode=_decoding.submission_candidates,
    )


def get_job(job_id: str) -> ApiRequest[Job]:
    return build("getJob", checked_id("job_id", job_id))


def cancel_job(job_id: str) -> ApiRequest[JobCanceled]:
    return build("cancelJob", checked_id("job_id", job_id))


def delete_job(job_id: str) -> ApiRequest[JobDeleted]:
    return build("deleteJob", checked_id("job_id", job_id))


def cancel_jobs(ids: Sequence[str]) -> ApiRequest[JobsCanceled]:
    from ionq_api.models import JobIds

    return build("cancelJobs", body=JobIds(ids=list(ids)))


def delete_jobs(ids: Sequence[str]) -> ApiRequest[JobsDeleted]:
    from ionq_api.models import JobIds

    return build("deleteJobs", body=JobIds(ids=list(ids)))


def chunked_ids(job_ids: Iterable[str]) -> list[list[str]]:
    """Validated ids in bulk-request-sized chunks; duplicates dropped, order kept."""
    unique = checked_ids(job_ids)
    return [unique[i : i + BULK_CHUNK] for i in range(0, len(unique), BULK_CHUNK)]


def checked_ids(job_ids: Iterable[str]) -> list[str]:
    """A list of job ids, each checked; duplicates dropped, order kept."""
    if isinstance(job_ids, str | bytes) or not isinstance(job_ids, Iterable):
        raise IonQValidationError("job_ids", f"must be a list of job ids, got {job_ids!r:.80}")
    ids = [checked_id(f"job_ids[{i}]", j) for i, j in enumerate(job_ids)]
    return list(dict.fromkeys(ids))


def get_job_cost(job_id: str) -> ApiRequest[JobCost]:
    return build("getJobCost", checked_id("job_id", job_id))


#: estimate_job's parameters: (the generated name, the smallest value, the largest).
_ESTIMATE_COUNTS: dict[str, tuple[str, int, int | None]] = {
    "qubits": ("qubits", 1, None),
    "shots": ("shots", 1, _limits.MAX_SHOTS),
    "one_qubit_gates": ("field_1q_gates", 0, None),
    "two_qubit_gates": ("field_2q_gates", 0, None),
}


def estimate_job(backend: str, **query: Any) -> ApiRequest[CostEstimate]:
    from ionq_api.models import JobPayloadType

    kwargs: dict[str, Any] = {}
    for name, value in _given(**query).items():
        if name in _ESTIMATE_COUNTS:
            generated, low, high = _ESTIMATE_COUNTS[name]
            kwargs[generated] = checked_int(name, value, low, high)
        elif name == "error_mitigation":
            kwargs[name] = checked_bool(name, value)
        elif name == "type":
            kwargs["type_"] = checked_enum(name, value, JobPayloadType)
        else:
            known = ", ".join([*_ESTIMATE_COUNTS, "error_mitigation", "type"])
            raise IonQValidationError(name, f"unknown parameter (known: {known})")
    return build("estimateJob", backend=checked_id("backend", backend), **kwargs)


def clone_job(job_id: str, changes: Mapping[str, Any]) -> ApiRequest[JobCreated]:
    return _job_with_changes("cloneJob", job_id, changes)


def move_job(job_id: str, changes: Mapping[str, Any]) -> ApiRequest[JobCreated]:
    return _job_with_changes("moveJob", job_id, changes)


def _job_with_changes(
    operation: Literal["cloneJob", "moveJob"], job_id: str, changes: Mapping[str, Any]
) -> ApiRequest[JobCreated]:
    """Clone and move both send a job id and the changes to apply to the new job."""
    from .job import validate_copy_changes

    job_id = checked_id("job_id", job_id)
    validate_copy_changes(changes)
    return build(operation, job_id, body=_AsIs(changes))


def get_histogram(job_id: str) -> ApiRequest[dict[int, int]]:
    return build("getJobHistogram", checked_id("job_id", job_id), decode=_decoding.state_counts)


def get_shots(job_id: str) -> ApiRequest[list[int]]:
    return build("getJobShots", checked_id("job_id", job_id), decode=_decoding.shots)


def get_artifact(job_id: str, artifact_id: str) -> ApiRequest[Any]:
    return build(
        "getJobArtifact",
        checked_id("job_id", job_id),
        checked_id("artifact_id", artifact_id),
        decode=_decoding.artifact,
    )


def get_format_schema(format_id: str) -> ApiRequest[Any]:
    from ionq_api.models import FormatId

    return build("getFormatSchema", checked_enum("format_id", format_id, FormatId))


def create_session(backend: str, limits: Mapping[str, Any] | None) -> ApiRequest[Session]:
    body: dict[str, Any] = {"backend": checked_backend(backend)}
    if limits:
        body["settings"] = checked_session_limits(limits)
    return build("createSession", body=_AsIs(body))


def checked_session_limits(limits: Mapping[str, Any]) -> dict[str, Any]:
    checked: dict[str, Any] = {}
    for name, value in limits.items():
        if name in ("job_count_limit", "duration_limit_min"):
            checked[name] = checked_int(name, value, 1)
        elif name == "cost_limit":
            if not isinstance(value, Mapping) or set(value) - {"unit", "value"}:
                raise IonQValidationError(
                    name, f"must be {{'unit': ..., 'value': ...}}: {value!r:.80}"
                )
            amount = value.get("value")
            if isinstance(amount, bool) or not isinstance(amount, int | float) or amount < 0:
                raise IonQValidationError(f"{name}.value", f"must be a number >= 0: {amount!r:.80}")
            checked[name] = dict(value)
        else:
            known = "job_count_limit, duration_limit_min, cost_limit"
            raise IonQValidationError(name, f"unknown session limit (known: {known})")
    return checked


def list_sessions(active: bool | None) -> ApiRequest[SessionList]:
    if active is not None:
        checked_bool("active", active)
    return build("listSessions", **_given(active=active))


def get_session(session_id: str) -> ApiRequest[Session]:
    return build("getSession", checked_id("session_id", session_id))


def end_session(session_id: str) -> ApiRequest[Session]:
    return build("endSession", checked_id("session_id", session_id))


def get_organization_usage(organization_id: str, **query: Any) -> ApiRequest[UsageReport]:
    from ionq_api.models import UsageGrouping, UsageModality

    kinds = {"start_date": date, "end_date": date, "group_by": UsageGrouping}
    kinds["modality"] = UsageModality
    kwargs: dict[str, Any] = {}
    for name, value in _given(**query).items():
        kind = kinds.get(name)
        if kind is None:
            raise IonQValidationError(name, f"unknown parameter (known: {', '.join(kinds)})")
        kwargs[name] = (
            checked_date(name, value) if kind is date else checked_enum(name, value, kind)
        )
    for name in ("start_date", "end_date"):
        if name not in kwargs:
            raise IonQValidationError(name, "required (a datetime.date or 'YYYY-MM-DD')")
    return build("getOrganizationUsage", checked_id("organization_id", organization_id), **kwargs)


# --------------------------------------------------------------- results
def get_probabilities(
    job: Job,
    base_url: str,
    *,
    sharpen: bool | None = None,
    extra_query_params: Mapping[str, Any] | None = None,
) -> ApiRequest[Result | MultiResult]:
    """A completed job's probabilities, from whichever ``results`` shape it has: an
    artifact descriptor, a same-origin URL, or the canonical results endpoint."""
    from ionq_api.models import MultiCircuitJob, ResultArtifacts, ResultUrls

    multi = isinstance(job, MultiCircuitJob)
    qubits = None if multi else _stat_qubits(job)
    shots = job.shots if isinstance(job.shots, int) else None

    def decode(response: httpx.Response) -> Result | MultiResult:
        data = _decoding.json_body(response)
        return decode_probabilities(data, qubits=qubits, shots=shots, job_id=job.id)

    operation = "getJobAggregatedProbabilities" if multi else "getJobProbabilities"
    request = build(operation, job.id, sharpen=sharpen, decode=decode)
    results = job.results
    if sharpen is None and isinstance(results, ResultArtifacts):
        wanted = (
            "ionq.result.probabilities-aggregate.json.v1"
            if multi
            else "ionq.result.probabilities.json.v1"
        )
        if wanted in results.additional_properties:
            artifact_id = results.additional_properties[wanted].id
            request = build("getJobArtifact", job.id, artifact_id, decode=decode)
    elif not multi and isinstance(results, ResultUrls):
        # A server-given URL is followed as given, so it cannot come from the
        # generated module; it must stay on the configured origin (the key goes there).
        given = same_origin_path(base_url, results.probabilities.url)
        if given is not None:
            request = ApiRequest(operation, "GET", given, decode, request.params)
    if extra_query_params:
        params = {**(request.params or {}), **extra_query_params}
        request = ApiRequest(request.operation, "GET", request.path, decode, params)
    return request


def _stat_qubits(job: Job) -> int | None:
    qubits = getattr(job.stats, "qubits", None)
    return qubits if isinstance(qubits, int) else None


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
        return target.raw_path.decode("ascii")[len(prefix) :]
    return str(target)


# -------------------------------------------------------------- pagination
def next_cursor(page: JobList, seen: set[str]) -> str | None:
    """The cursor to follow, or None at the end; refuses to read a page twice."""
    cursor = page.next_ if isinstance(page.next_, str) and page.next_ else None
    if cursor is not None:
        if cursor in seen:
            raise IonQResponseError(f"the server returned the cursor {cursor!r} twice; stopping")
        seen.add(cursor)
    return cursor


# --------------------------------------------------------------- checks
#: GET /jobs filters and what each takes.
_JOB_FILTERS = ("ids", "parent_job_id", "status", "target", "session_id", "submitter_id")


def checked_job_filters(filters: Mapping[str, Any]) -> dict[str, Any]:
    """The list filters, each checked (an unknown one is refused, not ignored)."""
    checked: dict[str, Any] = {}
    for name, value in filters.items():
        if value is None:
            continue
        if name == "limit":
            checked[name] = checked_int(name, value, _limits.MIN_PAGE_SIZE, _limits.MAX_PAGE_SIZE)
        elif name == "ids":
            if isinstance(value, str) or not isinstance(value, Sequence):
                raise IonQValidationError("ids", f"must be a list of job ids, got {value!r:.80}")
            checked[name] = [checked_id(f"ids[{i}]", v) for i, v in enumerate(value)]
        elif name in _JOB_FILTERS:
            checked[name] = checked_id(name, value)
        else:
            known = ", ".join([*_JOB_FILTERS, "limit"])
            raise IonQValidationError(name, f"unknown filter (known: {known})")
    return checked


def checked_backend(value: object, field: str = "backend") -> str:
    backend = checked_id(field, value)
    if len(backend) > _limits.MAX_BACKEND_LENGTH:
        raise IonQValidationError(field, f"{len(backend)} characters: longer than any backend name")
    return backend


def checked_job(value: object) -> Job:
    """A job id, or a job model as returned by ``retrieve_job``."""
    from ionq_api.models import MultiCircuitJob, QaoaJob, QuantumFunctionJob, SingleCircuitJob

    if isinstance(value, SingleCircuitJob | MultiCircuitJob | QaoaJob | QuantumFunctionJob):
        return value
    raise IonQValidationError("job_id", f"must be a job id or a job, got {value!r:.80}")


def checked_id(field: str, value: object) -> str:
    """Identifiers go into URL paths: refuse what would change the path's meaning."""
    if not isinstance(value, str) or not value.strip():
        raise IonQValidationError(field, f"must be a non-empty string, got {value!r:.80}")
    if len(value) > _limits.MAX_ID_LENGTH:
        raise IonQValidationError(
            field, f"{len(value):,} characters: longer than any IonQ identifier"
        )
    if value in (".", "..") or any(c in value for c in _ID_UNSAFE) or not value.isprintable():
        raise IonQValidationError(field, f"{value!r} is not a valid identifier")
    return value


#: Characters that would change a path's meaning (``%2F`` decoded by a proxy is ``/``)
#: or split a comma-separated list; none occurs in IonQ's identifiers or backend names.
_ID_UNSAFE = frozenset("/\\?#%,")


def checked_int(field: str, value: object, low: int, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise IonQValidationError(field, f"must be a whole number, got {value!r:.80}")
    if value < low or (high is not None and value > high):
        bounds = f"at least {low}" if high is None else f"between {low} and {high}"
        raise IonQValidationError(field, f"must be {bounds}, got {value}")
    return value


def checked_bool(field: str, value: object) -> bool:
    if not isinstance(value, bool):
        raise IonQValidationError(field, f"must be True or False, got {value!r:.80}")
    return value


E = TypeVar("E", bound=Enum)


def checked_enum(field: str, value: object, kind: type[E]) -> E:
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(str(member.value) for member in kind)
        raise IonQValidationError(field, f"unknown value {value!r:.80} (known: {known})") from None


def checked_date(field: str, value: object) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise IonQValidationError(field, f"must be a date (YYYY-MM-DD), got {value!r:.80}")


def _given(**kwargs: Any) -> dict[str, Any]:
    return {k: v for k, v in kwargs.items() if v is not None}
