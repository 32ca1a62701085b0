"""Waiting on many jobs at once, pure: which ids to poll next, what is final, and the
counts a progress callback sees. The drivers poll ``GET /jobs?ids=...`` (chunks of
``POLL_CHUNK`` ids, one request each) instead of one ``GET /jobs/{id}`` per job, and
never poll a job again once it is final. ``wait_all`` also ends a round early (see
``Tracker.round_can_stop``), so a round is about one request while jobs still run.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable
from typing import TYPE_CHECKING, TypeVar

from ._exceptions import IonQBatchError, IonQError, IonQNotFoundError
from ._lifecycle import is_finished, job_status

if TYPE_CHECKING:
    from ._requests import Job

#: Ids per list request: 100 UUIDs keep the query string under 4 kB.
POLL_CHUNK = 100


class Tracker:
    """The last known state of each job of a batch, in the order the caller gave."""

    def __init__(self, job_ids: Iterable[str]) -> None:
        self.order = list(dict.fromkeys(job_ids))
        self._ours = set(self.order)
        self.latest: dict[str, Job] = {}
        self.finished: set[str] = set()
        self._polls = 0

    def pending_chunks(self) -> list[list[str]]:
        """The unfinished ids, in list-request-sized chunks."""
        pending = [i for i in self.order if i not in self.finished]
        return [pending[i : i + POLL_CHUNK] for i in range(0, len(pending), POLL_CHUNK)]

    def record(self, jobs: Iterable[Job]) -> list[Job]:
        """Take one whole poll's answers (every chunk); return the jobs that became
        final just now. Ids absent from the first poll do not exist: refused then."""
        self._polls += 1
        newly: list[Job] = []
        for job in jobs:
            if job.id not in self._ours:
                continue  # not ours (a server that ignores the filter)
            self.latest[job.id] = job
            if job.id not in self.finished and is_finished(job):
                self.finished.add(job.id)
                newly.append(job)
        if self._polls == 1:
            missing = [i for i in self.order if i not in self.latest]
            if missing:
                shown = ", ".join(missing[:5]) + (" ..." if len(missing) > 5 else "")
                raise IonQNotFoundError(
                    f"{len(missing)} of the jobs to wait for do not exist: {shown}",
                    status_code=404,
                    error_type="not_found",
                )
        return newly

    def round_can_stop(self, page: Iterable[Job]) -> bool:
        """Whether a round that only needs to know when *all* jobs are final (``wait_all``)
        may skip its remaining chunks after this page: once every id has been seen (the
        first round checks they all exist), an unfinished job here already says "not yet",
        and the skipped chunks are polled in a later round. Chunks go oldest first and jobs
        mostly finish in order, so a round costs about one request until the end, when
        each finished chunk is read once; it never costs more than polling every chunk."""
        return self._polls > 0 and any(
            job.id in self._ours and not is_finished(job) for job in page
        )

    @property
    def done(self) -> bool:
        return len(self.finished) == len(self.order)

    @property
    def unfinished(self) -> list[str]:
        return [i for i in self.order if i not in self.finished]

    def counts(self) -> dict[str, int]:
        """How many jobs are in each status (``unknown`` until first seen)."""
        seen = collections.Counter(
            job_status(self.latest[i]) if i in self.latest else "unknown" for i in self.order
        )
        return dict(sorted(seen.items()))

    def in_order(self) -> list[Job]:
        return [self.latest[i] for i in self.order]


R = TypeVar("R")


def all_or_batch_error(results: list[R | IonQError], what: str) -> list[R]:
    """The results if every item succeeded, else ``IonQBatchError`` holding them all."""
    failed = [r for r in results if isinstance(r, IonQError)]
    if failed:
        first = failed[0]
        raise IonQBatchError(
            f"{len(failed)} of {len(results)} {what} failed (first: {first})",
            results=list(results),
        )
    return [r for r in results if not isinstance(r, IonQError)]
