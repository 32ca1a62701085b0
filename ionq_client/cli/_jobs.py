"""Jobs in bulk: ``jobs`` (the recent ones), ``cancel`` and ``delete``."""

from __future__ import annotations

from argparse import Namespace
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ._common import Commands, positive_int
from ._output import out, print_json, table

if TYPE_CHECKING:
    from ionq_client import IonQClient

DEFAULT_JOBS_LIMIT = 25
#: The largest page IonQ's listJobs serves.
MAX_PAGE_SIZE = 1000


# -------------------------------------------------------------------------- jobs
def add_jobs(commands: Commands) -> None:
    parser = commands.add("jobs", "list recent jobs, newest first", jobs)
    parser.add_argument("--status", help="only jobs in this status (e.g. completed, failed)")
    parser.add_argument(
        "--limit",
        type=positive_int,
        default=DEFAULT_JOBS_LIMIT,
        help=f"at most this many jobs (default: {DEFAULT_JOBS_LIMIT})",
    )


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
def add_cancel(commands: Commands) -> None:
    parser = commands.add("cancel", "cancel jobs (one bulk request for several)", cancel)
    parser.add_argument("job_ids", metavar="JOB_ID", nargs="+")


def cancel(client: IonQClient, args: Namespace) -> int:
    return _one_or_bulk(args, "canceled", client.cancel_job, client.cancel_jobs)


def add_delete(commands: Commands) -> None:
    parser = commands.add(
        "delete", "delete jobs and their data (one bulk request for several)", delete
    )
    parser.add_argument("job_ids", metavar="JOB_ID", nargs="+")


def delete(client: IonQClient, args: Namespace) -> int:
    return _one_or_bulk(args, "deleted", client.delete_job, client.delete_jobs)


def _one_or_bulk(
    args: Namespace,
    verb: str,
    one: Callable[[str], Any],
    bulk: Callable[[Iterable[str]], list[Any]],
) -> int:
    """The single-job endpoint for one distinct id, the bulk one for several."""
    ids: list[str] = list(dict.fromkeys(args.job_ids))
    pages = [one(ids[0])] if len(ids) == 1 else bulk(ids)
    answers: list[dict[str, Any]] = [page.to_dict() for page in pages]
    if args.json:
        print_json(answers[0] if len(answers) == 1 else answers)
        return 0
    for answer in answers:
        done = answer.get("ids")
        for job_id in done if isinstance(done, list) else [answer.get("id")]:
            out(f"{verb} {job_id}")
    return 0
