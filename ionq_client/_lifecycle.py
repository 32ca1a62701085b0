"""The rules of a job's life the clients apply while waiting: which statuses are
final, what a failed or canceled job raises, how polling slows down.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._exceptions import (
    IonQJobCanceledError,
    IonQJobError,
    IonQJobFailedError,
    redact,
)

if TYPE_CHECKING:
    from ._requests import Job


#: Final statuses: IonQ documents ``deleted`` on some endpoints (and cirq-ionq treats it
#: as final). Any other status, known or not, means "keep polling until the deadline".
TERMINAL_STATUSES = frozenset({"completed", "failed", "canceled", "deleted"})
POLL_INITIAL = 0.1
POLL_MAX = 5.0
POLL_GROWTH = 1.5


def job_status(job: Job) -> str:
    return str(getattr(job.status, "value", job.status))


def ensure_completed(job: Job, secret: str | None = None) -> None:
    """Raise the job error that explains why ``job`` has no results (IonQ's failure
    message is quoted with ``secret`` redacted: it may echo a request)."""
    status = job_status(job)
    if status == "completed":
        return
    if status == "failed":
        failure = job.failure
        code = str(getattr(getattr(failure, "code", None), "value", getattr(failure, "code", "")))
        message = redact(str(getattr(failure, "message", None) or "no details given"), secret)
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
