"""Submitting without duplicates: the payload forms ``submit_job`` accepts, the tag
that marks a submission, and how to recognise the job it created.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import httpx

from . import _limits
from ._core import Call, build, json_body, response_error
from ._exceptions import IonQValidationError
from .job import IonQJob, validate_payload

if TYPE_CHECKING:
    from ionq_api.models import (
        JobCreated,
    )


#: The metadata key that marks a submission so an ambiguous failure can be checked.
SUBMISSION_TAG_KEY = "ionq_client_submission"
#: How many of the newest jobs are searched for a tagged submission.
VERIFY_WINDOW = 100


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
    if len(metadata) >= _limits.MAX_METADATA_KEYS:
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


def recent_jobs_raw() -> Call[list[Mapping[str, Any]]]:
    """The newest jobs as plain JSON: tolerant of anything, used to find a submission."""

    def decode(response: httpx.Response) -> list[Mapping[str, Any]]:
        data = json_body(response)
        jobs = data.get("jobs") if isinstance(data, dict) else None
        if not isinstance(jobs, list):
            raise response_error(response, "no 'jobs' list")
        return [j for j in jobs if isinstance(j, dict)]

    return build("listJobs", limit=VERIFY_WINDOW, decode=decode)
