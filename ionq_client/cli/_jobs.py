"""Jobs in bulk: ``jobs`` (the recent ones), ``cancel`` and ``delete``."""

from __future__ import annotations

from argparse import ArgumentParser, Namespace
from typing import TYPE_CHECKING, Any

from ._common import job_status, positive_int
from ._output import err, out, print_json, table

if TYPE_CHECKING:
    from ionq_client import IonQClient
    from ionq_client._requests import Job

    from ._common import Handler

DEFAULT_JOBS_LIMIT = 25
#: The largest page IonQ's listJobs serves.
MAX_PAGE_SIZE = 1000


# -------------------------------------------------------------------------- jobs
def add_jobs(parser: ArgumentParser) -> Handler:
    parser.add_argument("--status", help="only jobs in this status (e.g. completed, failed)")
    parser.add_argument(
        "--limit",
        type=positive_int,
        default=DEFAULT_JOBS_LIMIT,
        help=f"at most this many jobs (default: {DEFAULT_JOBS_LIMIT})",
    )
    return jobs


def jobs(client: IonQClient, args: Namespace) -> int:
    from itertools import islice

    filters: dict[str, Any] = {}
    if args.status:
        filters["status"] = args.status
    # islice, not list_jobs(max_jobs=): stop without fetching a page we will not show.
    page_size = min(args.limit, MAX_PAGE_SIZE)
    found = [j.to_dict() for j in islice(client.iter_jobs(limit=page_size, **filters), args.limit)]
    if args.json:
        print_json(found)
        return 0
    rows = [
        [str(j.get("id", "")), str(j.get("status", "")), str(j.get("backend", "")), _ts(j)]
        for j in found
    ]
    table(["id", "status", "backend", "submitted_at"], rows)
    return 0


def _ts(job: dict[str, Any]) -> str:
    value = job.get("submitted_at")
    return "" if value is None else str(value)


# ------------------------------------------------------------- cancel and delete
def add_cancel(parser: ArgumentParser) -> Handler:
    parser.add_argument("job_ids", metavar="JOB_ID", nargs="+")
    parser.epilog = (
        "Prints each job's state after the request, read back from the server: a job "
        "that had already finished keeps its state (completed, failed), and says so."
    )
    return cancel


def cancel(client: IonQClient, args: Namespace) -> int:
    """Cancel, then read the jobs back: IonQ answers a cancel of a finished job
    without changing it, so the answer alone would claim what did not happen."""
    ids: list[str] = list(dict.fromkeys(args.job_ids))
    if len(ids) == 1:
        client.cancel_job(ids[0])
        found = [client.retrieve_job(ids[0])]
    else:
        client.cancel_jobs(ids)
        found = read_jobs(client, ids)
    if args.json:
        dicts = [job.to_dict() for job in found]
        print_json(dicts[0] if len(dicts) == 1 else dicts)
    for job in found:
        state = job_status(job)
        if not args.json:
            out(f"{job.id} {state}")
        if state not in ("canceled", "canceling"):
            err(f"note: job {job.id} was not canceled: it is {state}")
    return 0


def read_jobs(client: IonQClient, ids: list[str]) -> list[Job]:
    """The jobs with these ids, in this order, by the job list filtered by ``ids``
    (one request per 100), not one GET per job."""
    from ionq_client._batch import POLL_CHUNK

    by_id = {}
    for start in range(0, len(ids), POLL_CHUNK):
        chunk = ids[start : start + POLL_CHUNK]
        by_id.update({job.id: job for job in client.iter_jobs(limit=len(chunk), ids=chunk)})
    return [by_id[i] for i in ids if i in by_id]


def add_delete(parser: ArgumentParser) -> Handler:
    parser.add_argument("job_ids", metavar="JOB_ID", nargs="+")
    return delete


def delete(client: IonQClient, args: Namespace) -> int:
    """The single-job endpoint for one distinct id, the bulk one for several."""
    ids: list[str] = list(dict.fromkeys(args.job_ids))
    pages = [client.delete_job(ids[0])] if len(ids) == 1 else client.delete_jobs(ids)
    answers: list[dict[str, Any]] = [page.to_dict() for page in pages]
    if args.json:
        print_json(answers[0] if len(answers) == 1 else answers)
        return 0
    for answer in answers:
        done = answer.get("ids")
        for job_id in done if isinstance(done, list) else [answer.get("id")]:
            out(f"deleted {job_id}")
    return 0
