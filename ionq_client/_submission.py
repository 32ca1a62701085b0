"""Submitting without duplicates: the payload forms ``submit_job`` accepts, the tag
that marks a submission, and how to recognise the job it created. Pure.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

from . import _limits
from ._exceptions import IonQValidationError
from .job import IonQJob, validate_payload

if TYPE_CHECKING:
    from ionq_api.models import JobCreated


class PayloadModel(Protocol):
    """A generated create-job payload model (``CircuitJobPayload``, ...)."""

    def to_dict(self) -> dict[str, Any]: ...


#: What ``submit_job`` takes: a typed job, a generated payload model, or the JSON.
JobLike: TypeAlias = IonQJob | PayloadModel | Mapping[str, Any]


#: The metadata key that marks a submission so an ambiguous failure can be checked.
SUBMISSION_TAG_KEY = "ionq_client_submission"
#: How many of the newest jobs are searched for a tagged submission.
FIND_WINDOW = 100


# ------------------------------------------------------------- submission
def submission_payload(job: JobLike) -> dict[str, Any]:
    """Turn any accepted job form into a create-job payload, validated exactly once
    (an ``IonQJob`` validates itself while building it)."""
    if isinstance(job, IonQJob):
        return job.to_payload()
    if isinstance(job, Mapping):
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
