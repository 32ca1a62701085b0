"""One function per API operation, returning the :class:`~._core.Call` that performs
it; plus where a finished job's results live. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, cast

import httpx

from ._core import Call, build, generated_decoder, json_body, response_error
from ._exceptions import (
    IonQResponseError,
    IonQValidationError,
)
from ._lifecycle import ensure_completed
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
        Session,
        SessionList,
        UsageReport,
        WhoAmI,
    )

    from ._core import CostEstimate, Job


#: IonQ's bulk endpoints take this many ids per request.
BULK_CHUNK = 1000


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
        decode=generated_decoder("createJob"),
    )


def list_jobs(
    filters: Mapping[str, Any], cursor: str | None, session_id: str | None = None
) -> Call[JobList]:
    kwargs = _given(**filters, next_=cursor)
    if session_id is not None:
        return build("listSessionJobs", _id("session_id", session_id), **kwargs)
    return build("listJobs", **kwargs)


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
        decode=generated_decoder("cancelJobs"),
    )


def delete_jobs(ids: Sequence[str]) -> Call[JobsDeleted]:
    return Call(
        operation="deleteJobs",
        method="DELETE",
        path="/jobs",
        json={"ids": list(ids)},
        decode=generated_decoder("deleteJobs"),
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
        data = json_body(response)
        try:
            return [int(s) for s in data]
        except (TypeError, ValueError):
            raise response_error(response, "shots must be a list of decimal states") from None

    return build("getJobShots", _id("job_id", job_id), decode=decode)


def get_artifact(job_id: str, artifact_id: str) -> Call[Any]:
    def decode(response: httpx.Response) -> Any:
        media = response.headers.get("content-type", "")
        if "json" in media:
            return json_body(response)
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
        decode=generated_decoder("createSession"),
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
        return decode_probabilities(json_body(response), qubits=qubits, shots=shots, job_id=job.id)

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


def _stat_qubits(job: Job) -> int | None:
    stats = job.stats
    qubits = getattr(stats, "qubits", None)
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
        suffix = target.raw_path.decode("ascii")[len(prefix) :]
        return suffix
    return str(target)


def next_cursor(page: JobList, seen: set[str]) -> str | None:
    """The cursor to follow, or None at the end; refuses to read a page twice."""
    cursor = page.next_ if isinstance(page.next_, str) and page.next_ else None
    if cursor is not None:
        if cursor in seen:
            raise IonQResponseError(f"the server returned the cursor {cursor!r} twice; stopping")
        seen.add(cursor)
    return cursor


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
    data = json_body(response)
    try:
        return {int(k): int(v) for k, v in cast(dict[str, Any], data).items()}
    except (AttributeError, TypeError, ValueError):
        raise response_error(response, "expected a map of decimal states to counts") from None
