"""One job from submission to results: ``submit``, ``status``, ``wait``, ``results``."""

from __future__ import annotations

from argparse import ArgumentParser, Namespace
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ._common import PROG, CLIError, job_status, positive_float, positive_int
from ._output import (
    batch_progress,
    err,
    flush,
    isatty,
    out,
    print_json,
    print_result,
    progress,
    result_json,
    show_mapping,
)
from ._payload import FORMATS_HELP, load_payload

if TYPE_CHECKING:
    from ionq_client import IonQClient
    from ionq_client._requests import Job

    from ._common import Handler

DEFAULT_WAIT_TIMEOUT = 600.0


def _add_wait_timeout(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        dest="wait_timeout",
        type=positive_float,
        default=DEFAULT_WAIT_TIMEOUT,
        metavar="SECONDS",
        help=f"give up waiting after this long (default: {DEFAULT_WAIT_TIMEOUT:g}); "
        "the job keeps running",
    )


@contextmanager
def _keeps_running(client: IonQClient, ids: list[str]) -> Iterator[None]:
    """A deadline or Ctrl-C ends the waiting, not the jobs: say so, and how to go on.

    On Ctrl-C at a terminal, offer to cancel the jobs; elsewhere (a script, CI)
    nobody can answer, so print the command that cancels them. Exit 130 either way.
    """
    which = ids[0] if len(ids) == 1 else "JOB..."
    try:
        yield
    except TimeoutError as exc:  # IonQJobTimeoutError, IonQBatchTimeoutError
        exc.add_note(f"the jobs keep running: `{PROG} wait {which}` to wait again")
        raise
    except KeyboardInterrupt:
        _offer_cancel(client, ids)
        raise


def _offer_cancel(client: IonQClient, ids: list[str]) -> None:
    import sys

    them = "it" if len(ids) == 1 else f"these {len(ids)} jobs"
    command = f"{PROG} cancel {' '.join(ids)}"
    if not (isatty(sys.stdin) and isatty(sys.stderr)):
        err(f"\nstopped waiting; the jobs keep running. To stop {them}: {command}")
        return
    try:
        sys.stderr.write(f"\nstopped waiting. Cancel {them} ({', '.join(ids)})? [y/N] ")
        sys.stderr.flush()
        answer = sys.stdin.readline().strip().lower()
    except (KeyboardInterrupt, EOFError):
        answer = ""
    if answer not in ("y", "yes"):
        err(f"the jobs keep running. To stop {them} later: {command}")
        return
    if len(ids) == 1:
        client.cancel_job(ids[0])
    else:
        client.cancel_jobs(ids)
    err(f"cancel requested; `{PROG} status {ids[0]}` shows the state")


def _wait(client: IonQClient, job_id: str, timeout: float, *, show_id: bool = False) -> Job:
    """Wait for one job; ``show_id`` prints its id first, inside the Ctrl-C guard (a
    Ctrl-C the moment the id appears still gets the offer to cancel)."""
    with _keeps_running(client, [job_id]):
        if show_id:
            out(job_id)
            flush()
        with progress(job_id) as on_progress:
            return client.wait_for_job(job_id, timeout=timeout, on_progress=on_progress)


# ------------------------------------------------------------------------ submit
def add_submit(parser: ArgumentParser) -> Handler:
    parser.epilog = FORMATS_HELP
    parser.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="a job file (formats below); '-' reads stdin; several files are submitted "
        "concurrently",
    )
    parser.add_argument(
        "--backend", help="target backend (replaces the file's; default: simulator)"
    )
    parser.add_argument(
        "--shots", type=positive_int, help="shots (replaces the file's; default: 100)"
    )
    parser.add_argument("--name", help="job name (replaces the file's)")
    parser.add_argument(
        "--wait", action="store_true", help="wait for the job, then print its counts"
    )
    _add_wait_timeout(parser)
    return submit


def submit(client: IonQClient, args: Namespace) -> int:
    payloads = [
        load_payload(path, backend=args.backend, shots=args.shots, name=args.name)
        for path in args.files
    ]
    if len(payloads) > 1:
        return _submit_many(client, args, payloads)
    created = client.submit_job(payloads[0])
    if not args.wait:
        if args.json:
            print_json(created.to_dict())
        else:
            out(created.id)
        return 0
    job = _wait(client, created.id, args.wait_timeout, show_id=not args.json)
    result = client.get_results(job)
    if args.json:
        print_json({"job": job.to_dict(), "results": result_json(result)})
    else:
        print_result(result, shots=None, order="q0_right")
    return 0


def _submit_many(client: IonQClient, args: Namespace, payloads: list[Any]) -> int:
    """Several files: submitted concurrently, ids printed in the files' order."""
    created = client.submit_many(payloads)
    ids = [c.id for c in created]
    if not args.wait:
        if args.json:
            print_json([c.to_dict() for c in created])
        else:
            out("\n".join(ids))
        return 0
    jobs = _wait_all(client, ids, args.wait_timeout, show_ids=not args.json)
    if args.json:
        print_json([job.to_dict() for job in jobs])
        return _all_completed(jobs)
    for path, job in zip(args.files, jobs, strict=True):
        out(f"{path}: {job.id}")
        if job_status(job) == "completed":
            print_result(client.get_results(job), shots=None, order="q0_right")
        else:
            out(f"  {job_status(job)}")
    return _all_completed(jobs)


def _all_completed(jobs: list[Job]) -> int:
    """0 when every job completed; else 1, naming the others on stderr."""
    others = [job for job in jobs if job_status(job) != "completed"]
    for job in others:
        err(f"error: job {job.id} is {job_status(job)}")
    return 1 if others else 0


def _wait_all(
    client: IonQClient, ids: list[str], timeout: float, *, show_ids: bool = False
) -> list[Job]:
    """Wait for several jobs with one progress line; ``show_ids`` as in :func:`_wait`."""
    with _keeps_running(client, ids):
        if show_ids:
            out("\n".join(ids))
            flush()
        with batch_progress(len(ids)) as on_progress:
            return client.wait_all(ids, timeout=timeout, on_progress=on_progress)


# ------------------------------------------------------------------------ status
_STATUS_FIELDS = (
    "id",
    "status",
    "type",
    "backend",
    "name",
    "shots",
    "submitted_at",
    "started_at",
    "completed_at",
    "child_job_ids",
    "session_id",
)


def add_status(parser: ArgumentParser) -> Handler:
    parser.add_argument("job_id", metavar="JOB_ID")
    return status


def status(client: IonQClient, args: Namespace) -> int:
    job = client.retrieve_job(args.job_id).to_dict()
    if args.json:
        print_json(job)
        return 0
    summary = {k: job[k] for k in _STATUS_FIELDS if job.get(k) not in (None, [], "")}
    failure = job.get("failure")
    if isinstance(failure, Mapping):
        summary["failure"] = f"{failure.get('code', '?')}: {failure.get('message', '')}"
    show_mapping(summary, as_json=False)
    return 0


# -------------------------------------------------------------------------- wait
def add_wait(parser: ArgumentParser) -> Handler:
    parser.add_argument("job_ids", metavar="JOB_ID", nargs="+")
    _add_wait_timeout(parser)
    return wait


def wait(client: IonQClient, args: Namespace) -> int:
    if len(args.job_ids) == 1:
        job = _wait(client, args.job_ids[0], args.wait_timeout)
        if args.json:
            print_json(job.to_dict())
        else:
            out(f"{job.id} {job_status(job)}")
        return 0
    jobs = _wait_all(client, args.job_ids, args.wait_timeout)
    if args.json:
        print_json([job.to_dict() for job in jobs])
    else:
        out("\n".join(f"{job.id} {job_status(job)}" for job in jobs))
    return _all_completed(jobs)


# ----------------------------------------------------------------------- results
def add_results(parser: ArgumentParser) -> Handler:
    parser.add_argument("job_id", metavar="JOB_ID")
    parser.add_argument(
        "--shots", type=positive_int, help="scale to this many shots (default: the job's)"
    )
    parser.add_argument(
        "--order",
        choices=("q0_right", "q0_left"),
        default="q0_right",
        help="bit order: q0_right = qubit 0 rightmost, as qiskit (default); q0_left, as cirq",
    )
    parser.add_argument(
        "--sharpen", action="store_true", help="ask IonQ for sharpened (debiased) results"
    )
    parser.add_argument(
        "--plot",
        metavar="FILE",
        help='also draw the histogram into FILE (.png, .svg, .pdf; extra "ionq-client[plot]")',
    )
    return results


def results(client: IonQClient, args: Namespace) -> int:
    from ionq_client import MultiResult, Result

    result = client.get_results(args.job_id, sharpen=True if args.sharpen else None)
    if args.plot and not isinstance(result, Result):
        what = (
            f"has {len(result)} circuits (plot each from Python: "
            "client.get_results(job)[child_id].plot())"
            if isinstance(result, MultiResult)
            else "computed a value, not a histogram"
        )
        raise CLIError(f"--plot draws one circuit's histogram; job {args.job_id} {what}")
    if args.json:
        print_json(result_json(result))
    else:
        print_result(result, shots=args.shots, order=args.order)
    if args.plot and isinstance(result, Result):
        result.plot(order=args.order).figure.savefig(args.plot)
        err(f"wrote {args.plot}")
    return 0
