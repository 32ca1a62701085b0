"""One job from submission to results: ``submit``, ``status``, ``wait``, ``results``."""

from __future__ import annotations

import argparse
from argparse import Namespace
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ._common import PROG, Commands, positive_float, positive_int
from ._output import (
    batch_progress,
    err,
    flush,
    out,
    print_json,
    print_result,
    progress,
    result_json,
    show_mapping,
)
from ._payload import load_payload

if TYPE_CHECKING:
    from ionq_api.models import MultiCircuitJob, SingleCircuitJob

    from ionq_client import IonQClient

DEFAULT_WAIT_TIMEOUT = 600.0


def _add_wait_timeout(parser: argparse.ArgumentParser) -> None:
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
def _keeps_running(ids: list[str]) -> Iterator[None]:
    """A deadline or Ctrl-C ends the waiting, not the jobs: say so, and how to go on."""
    which, them = (ids[0], "it") if len(ids) == 1 else ("JOB...", "them")
    try:
        yield
    except TimeoutError as exc:  # IonQJobTimeoutError, IonQBatchTimeoutError
        exc.add_note(f"the jobs keep running: `{PROG} wait {which}` to wait again")
        raise
    except KeyboardInterrupt:
        err(f"stopped waiting; the jobs keep running (`{PROG} cancel {which}` to stop {them})")
        raise


def _wait(client: IonQClient, job_id: str, timeout: float) -> SingleCircuitJob | MultiCircuitJob:
    with _keeps_running([job_id]), progress(job_id) as on_progress:
        return client.wait_for_job(job_id, timeout=timeout, on_progress=on_progress)


# ------------------------------------------------------------------------ submit
def add_submit(commands: Commands) -> None:
    parser = commands.add("submit", "submit jobs from JSON payloads or OpenQASM 3 files", submit)
    parser.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="create-job JSON payload, or OpenQASM 3 (.qasm/.qasm3 or text starting "
        "with OPENQASM); '-' reads stdin; several files are submitted concurrently",
    )
    parser.add_argument("--backend", help="target backend (OpenQASM default: simulator)")
    parser.add_argument("--shots", type=positive_int, help="shots (OpenQASM default: 100)")
    parser.add_argument("--name", help="job name")
    parser.add_argument(
        "--wait", action="store_true", help="wait for the job, then print its counts"
    )
    _add_wait_timeout(parser)


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
    if not args.json:
        out(created.id)
        flush()
    job = _wait(client, created.id, args.wait_timeout)
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
    if not args.json:
        out("\n".join(ids))
        flush()
    jobs = _wait_all(client, ids, args.wait_timeout)
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


def job_status(job: SingleCircuitJob | MultiCircuitJob) -> str:
    """The client's reading of a status (imported on use: ``--help`` stays light)."""
    from ionq_client._lifecycle import job_status as status_of

    return status_of(job)


def _all_completed(jobs: list[SingleCircuitJob | MultiCircuitJob]) -> int:
    """0 when every job completed; else 1, naming the others on stderr."""
    others = [job for job in jobs if job_status(job) != "completed"]
    for job in others:
        err(f"error: job {job.id} is {job_status(job)}")
    return 1 if others else 0


def _wait_all(
    client: IonQClient, ids: list[str], timeout: float
) -> list[SingleCircuitJob | MultiCircuitJob]:
    with _keeps_running(ids), batch_progress(len(ids)) as on_progress:
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


def add_status(commands: Commands) -> None:
    parser = commands.add("status", "show a job's state", status)
    parser.add_argument("job_id", metavar="JOB_ID")


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
def add_wait(commands: Commands) -> None:
    parser = commands.add("wait", "wait for jobs to finish, showing progress", wait)
    parser.add_argument("job_ids", metavar="JOB_ID", nargs="+")
    _add_wait_timeout(parser)


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
def add_results(commands: Commands) -> None:
    parser = commands.add("results", "print a completed job's counts (or probabilities)", results)
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


def results(client: IonQClient, args: Namespace) -> int:
    result = client.get_results(args.job_id, sharpen=True if args.sharpen else None)
    if args.json:
        print_json(result_json(result))
    else:
        print_result(result, shots=args.shots, order=args.order)
    return 0
