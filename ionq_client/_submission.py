"""Submitting without duplicates: the payload forms ``submit_job`` accepts, the tag
that marks a submission, and how to find the job it created. Pure.

After an ambiguous failure (a 502, a read timeout: the job may exist) the driver
pages back through the job list, narrowed to the payload's backend (and session),
newest first, until the jobs are older than the first attempt. "Older" is judged on
the server's clock: the list answer's ``Date`` minus the time elapsed since the first
attempt (measured locally, on a monotonic clock), less a margin; so a client whose
clock is wrong by hours still stops at the right job. The search reads at most
``FIND_MAX_PAGES`` pages; a longer one fails safe: the error is raised, nothing is
sent again.
"""

from __future__ import annotations

import email.utils
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias

from . import _limits
from ._exceptions import IonQError, IonQValidationError
from .job import IonQJob, validate_payload

if TYPE_CHECKING:
    from ionq_api.models import JobCreated

    from ._decoding import CandidatePage


class PayloadModel(Protocol):
    """A generated create-job payload model (``CircuitJobPayload``, ...)."""

    def to_dict(self) -> dict[str, Any]: ...


#: What ``submit_job`` takes: a typed job, a generated payload model, or the JSON.
JobLike: TypeAlias = IonQJob | PayloadModel | Mapping[str, Any]


#: The metadata key that marks a submission so an ambiguous failure can be checked.
SUBMISSION_TAG_KEY = "ionq_client_submission"
#: Jobs per page while looking for a tagged submission, and the most pages read.
FIND_PAGE_SIZE = 100
FIND_MAX_PAGES = 100
#: Slack between the server's ``Date`` and its jobs' ``submitted_at`` (two machines).
FIND_MARGIN = timedelta(seconds=30)
#: Without a ``Date`` header the local clock is used, trusted only to this much.
FIND_CLOCK_SKEW = timedelta(minutes=10)


# ------------------------------------------------------------- submission
def submission_payload(job: JobLike) -> dict[str, Any]:
    """Turn any accepted job form into a create-job payload, validated exactly once
    (an ``IonQJob`` validates itself while building it)."""
    if isinstance(job, IonQJob):
        return job._checked_payload(shared=True)  # encoded at once, never handed out
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


@dataclass(frozen=True, slots=True)
class Submission:
    """A tagged submission: what identifies its job, and the list filters that narrow
    the search for it (IonQ's list has no metadata filter)."""

    tag: str
    filters: Mapping[str, str]


def batch_payloads(jobs: Iterable[JobLike]) -> list[dict[str, Any]]:
    """Every job's payload, validated before any is sent; errors name ``jobs[i]``."""
    if isinstance(jobs, Mapping) or not isinstance(jobs, Iterable):
        raise IonQValidationError("jobs", "must be a list of jobs")
    payloads = []
    for index, job in enumerate(jobs):
        try:
            payloads.append(submission_payload(job))
        except IonQValidationError as error:
            raise IonQValidationError(f"jobs[{index}].{error.field}", error.problem) from None
    return payloads


def tag_submission(payload: Mapping[str, Any]) -> tuple[dict[str, Any], Submission | None]:
    """Mark the payload with a fresh id in ``metadata`` if IonQ's 10-key limit leaves room."""
    metadata = dict(payload.get("metadata") or {})
    if SUBMISSION_TAG_KEY in metadata:
        tagged, tag = dict(payload), str(metadata[SUBMISSION_TAG_KEY])
    elif len(metadata) >= _limits.MAX_METADATA_KEYS:
        return dict(payload), None
    else:
        tag = uuid.uuid4().hex
        metadata[SUBMISSION_TAG_KEY] = tag
        tagged = {**payload, "metadata": metadata}
    filters = {"target": str(payload["backend"])}
    if isinstance(payload.get("session_id"), str):
        filters["session_id"] = payload["session_id"]
    return tagged, Submission(tag, filters)


class SearchTooLong(IonQError):
    """The job list holds more recent jobs than a search for a submission may read."""


@dataclass
class SubmissionSearch:
    """Pages back through the newest jobs for one submission, until they are older than
    its first attempt. Feed it each page with :meth:`read`.

    ``elapsed``: seconds since the first attempt was sent (monotonic clock);
    ``sent_at``: the local wall-clock time it was sent (used only without ``Date``).
    """

    submission: Submission
    elapsed: float
    sent_at: float
    pages: int = 0
    cutoff: datetime | None = field(default=None, init=False)

    def read(self, page: CandidatePage) -> tuple[JobCreated | None, str | None]:
        """``(the job, None)`` when found; ``(None, cursor)`` to read the next page;
        ``(None, None)`` when the jobs are older than the first attempt or run out."""
        self.pages += 1
        if self.cutoff is None:
            self.cutoff = self._cutoff(page.server_date)
        found = find_submission(page.jobs, self.submission.tag)
        if found is not None:
            return found, None
        oldest = _submitted_at(page.jobs[-1]) if page.jobs else None
        if page.next is None or (oldest is not None and oldest < self.cutoff):
            return None, None
        if self.pages >= FIND_MAX_PAGES:
            raise SearchTooLong(
                f"{self.pages * FIND_PAGE_SIZE} jobs were created since this submission; "
                "stopped looking for it"
            )
        return None, page.next

    def _cutoff(self, server_date: str | None) -> datetime:
        elapsed = timedelta(seconds=self.elapsed)
        parsed = _http_date(server_date)
        if parsed is not None:
            return parsed - elapsed - FIND_MARGIN
        return datetime.fromtimestamp(self.sent_at, UTC) - FIND_CLOCK_SKEW


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).astimezone(UTC)
    except (TypeError, ValueError, IndexError):
        return None


def _submitted_at(job: Mapping[str, Any]) -> datetime | None:
    value = job.get("submitted_at")
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def find_submission(jobs: Iterable[Mapping[str, Any]], tag: str) -> JobCreated | None:
    """The job created by the submission marked ``tag``, if ``jobs`` holds it."""
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
