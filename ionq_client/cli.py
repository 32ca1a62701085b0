"""``ionq-client``: IonQ's API from the shell.

Importing this module is cheap (argparse, sys and json only): the client, httpx
and ``rich`` load inside the commands that need them, so ``--help`` is instant.
``rich`` is optional; without it, tables are plain columns and progress is one
line per status change on stderr. Data goes to stdout, progress and errors to
stderr, so ``JOB=$(ionq-client submit bell.json)`` works.

Exit codes: 0 success, 1 an IonQ error (API, network, job failed or timed out),
2 bad input (usage, unreadable file, a payload field IonQ would refuse), 130
interrupted.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ._core import Job
    from ._sync import IonQClient
    from .results import MultiResult, Result

__all__ = ["main"]

PROG = "ionq-client"
DEFAULT_WAIT_TIMEOUT = 600.0
DEFAULT_JOBS_LIMIT = 25
QASM_SUFFIXES = (".qasm", ".qasm3")
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class CLIError(Exception):
    """A problem with the command line's own input (exit 2): a file, a format."""


# ------------------------------------------------------------------- the parser
def build_parser() -> argparse.ArgumentParser:
    from ._version import __version__

    # --json is accepted before or after the subcommand; SUPPRESS keeps a
    # subcommand's unset flag from overwriting the global one.
    output = argparse.ArgumentParser(add_help=False)
    output.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help="print machine-readable JSON on stdout",
    )

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A command-line client for IonQ's quantum computing API (v0.4).",
        epilog="Exit codes: 0 ok, 1 IonQ/API error, 2 invalid input, 130 interrupted.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--url", help="API root (default: $IONQ_API_URL, else https://api.ionq.co/v0.4)"
    )
    parser.add_argument(
        "--key",
        metavar="KEY",
        help="API key (default: $IONQ_API_KEY); prefer the variable, a flag shows in `ps`",
    )
    parser.add_argument(
        "--timeout",
        dest="http_timeout",
        type=_positive_float,
        metavar="SECONDS",
        help="per-request HTTP timeout (default: 30 s read, 10 s connect)",
    )
    parser.add_argument(
        "--json", action="store_true", default=False, help="print machine-readable JSON"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, help: str, **kwargs: Any) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=help, description=help, parents=[output], **kwargs)

    command("whoami", "show the identity of the API key")
    command("backends", "list backends: status, qubits, average queue time")
    calibration = command("calibration", "show a backend's newest calibration snapshot")
    calibration.add_argument("backend")

    submit = command("submit", "submit a job from a JSON payload or an OpenQASM 3 file")
    submit.add_argument(
        "file",
        metavar="FILE",
        help="create-job JSON payload, or OpenQASM 3 (.qasm/.qasm3 or text starting "
        "with OPENQASM); '-' reads stdin",
    )
    submit.add_argument("--backend", help="target backend (OpenQASM default: simulator)")
    submit.add_argument("--shots", type=_positive_int, help="shots (OpenQASM default: 100)")
    submit.add_argument("--name", help="job name")
    submit.add_argument(
        "--wait", action="store_true", help="wait for the job, then print its counts"
    )
    _wait_timeout_option(submit)

    status = command("status", "show a job's state")
    status.add_argument("job_id", metavar="JOB_ID")

    wait = command("wait", "wait for a job to finish, showing progress")
    wait.add_argument("job_id", metavar="JOB_ID")
    _wait_timeout_option(wait)

    results = command("results", "print a completed job's counts (or probabilities)")
    results.add_argument("job_id", metavar="JOB_ID")
    results.add_argument(
        "--shots", type=_positive_int, help="scale to this many shots (default: the job's)"
    )
    results.add_argument(
        "--order",
        choices=("q0_right", "q0_left"),
        default="q0_right",
        help="bit order: q0_right = qubit 0 rightmost, as qiskit (default); q0_left, as cirq",
    )
    results.add_argument(
        "--sharpen", action="store_true", help="ask IonQ for sharpened (debiased) results"
    )

    jobs = command("jobs", "list recent jobs, newest first")
    jobs.add_argument("--status", help="only jobs in this status (e.g. completed, failed)")
    jobs.add_argument(
        "--limit",
        type=_positive_int,
        default=DEFAULT_JOBS_LIMIT,
        help=f"at most this many jobs (default: {DEFAULT_JOBS_LIMIT})",
    )

    cancel = command("cancel", "cancel jobs (one bulk request for several)")
    cancel.add_argument("job_ids", metavar="JOB_ID", nargs="+")
    delete = command("delete", "delete jobs and their data (one bulk request for several)")
    delete.add_argument("job_ids", metavar="JOB_ID", nargs="+")

    estimate = command("estimate", "estimate the cost of a job by its size")
    estimate.add_argument("--backend", required=True)
    estimate.add_argument("--qubits", type=_positive_int)
    estimate.add_argument("--shots", type=_positive_int)
    estimate.add_argument("--1q-gates", dest="one_qubit_gates", type=_natural_int, metavar="N")
    estimate.add_argument("--2q-gates", dest="two_qubit_gates", type=_natural_int, metavar="N")
    return parser


def _wait_timeout_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        dest="wait_timeout",
        type=_positive_float,
        default=DEFAULT_WAIT_TIMEOUT,
        metavar="SECONDS",
        help=f"give up waiting after this long (default: {DEFAULT_WAIT_TIMEOUT:g}); "
        "the job keeps running",
    )


def _int_at_least(minimum: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value

    return parse


_positive_int = _int_at_least(1)
_natural_int = _int_at_least(0)


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, got {text}")
    return value


# ------------------------------------------------------------------- entry point
def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    try:
        args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # --help, --version, or a usage error (already printed)
        if exc.code is None:
            return 0
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    key: str | None = args.key
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `ionq-client jobs | head`: the reader left; stop quietly.
        _silence_stdout()
        return EXIT_ERROR
    except CLIError as exc:
        _err(f"error: {_scrub(str(exc), key)}")
        return EXIT_USAGE
    except Exception as exc:
        return _report(exc, key)


def _report(exc: Exception, key: str | None) -> int:
    """Print ``error: ...`` for an IonQError (never a traceback, never the key)."""
    from ._exceptions import IonQError, IonQValidationError

    if isinstance(exc, IonQValidationError):
        field = getattr(exc, "field", "input")
        problem = getattr(exc, "problem", str(exc))
        _err(f"error: invalid {field}: {_scrub(str(problem), key)}")
        return EXIT_USAGE
    if isinstance(exc, IonQError):
        lines = [f"error: {exc}", *getattr(exc, "__notes__", ())]
        _err(_scrub("\n".join(lines), key))
        return EXIT_ERROR
    raise exc


def _scrub(text: str, key: str | None) -> str:
    """The errors are redacted already; this is the CLI's own belt and braces."""
    from ._config import resolve_token
    from ._exceptions import redact

    return redact(text, resolve_token(key))


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _dispatch(args: argparse.Namespace) -> int:
    handler = _COMMANDS[args.command]
    try:
        client = _make_client(args)
    except ValueError as exc:  # a malformed --url / IONQ_API_URL
        raise CLIError(str(exc)) from None
    with client:
        return handler(client, args)


def _make_client(args: argparse.Namespace) -> IonQClient:
    from ._sync import IonQClient

    if args.http_timeout is not None:
        return IonQClient(token=args.key, url=args.url, timeout=args.http_timeout)
    return IonQClient(token=args.key, url=args.url)


# ---------------------------------------------------------------------- commands
def cmd_whoami(client: IonQClient, args: argparse.Namespace) -> int:
    _show_mapping(client.whoami().to_dict(), args)
    return 0


def cmd_backends(client: IonQClient, args: argparse.Namespace) -> int:
    backends = [b.to_dict() for b in client.get_backends()]
    if args.json:
        _print_json(backends)
        return 0
    rows = [
        [
            str(b.get("backend", "")),
            str(b.get("status", "")) + (" (degraded)" if b.get("degraded") else ""),
            str(b.get("qubits", "")),
            _duration_ms(b.get("average_queue_time")),
        ]
        for b in backends
    ]
    _table(["backend", "status", "qubits", "avg queue time"], rows)
    return 0


def cmd_calibration(client: IonQClient, args: argparse.Namespace) -> int:
    snapshot = client.get_calibration_data(args.backend)
    if snapshot is None:
        if args.json:
            _print_json(None)
        _err(f"error: backend {args.backend} has no calibration data")
        return EXIT_ERROR
    _show_mapping(snapshot.to_dict(), args)
    return 0


def cmd_submit(client: IonQClient, args: argparse.Namespace) -> int:
    payload = load_payload(args.file, backend=args.backend, shots=args.shots, name=args.name)
    created = client.submit_job(payload)
    if not args.wait:
        if args.json:
            _print_json(created.to_dict())
        else:
            _out(created.id)
        return 0
    if not args.json:
        _out(created.id)
        _flush()
    job = _wait(client, created.id, args.wait_timeout)
    result = client.get_results(job)
    if args.json:
        _print_json({"job": job.to_dict(), "results": _raw(result)})
    else:
        _print_result(result, shots=None, order="q0_right")
    return 0


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


def cmd_status(client: IonQClient, args: argparse.Namespace) -> int:
    job = client.retrieve_job(args.job_id).to_dict()
    if args.json:
        _print_json(job)
        return 0
    summary = {k: job[k] for k in _STATUS_FIELDS if job.get(k) not in (None, [], "")}
    failure = job.get("failure")
    if isinstance(failure, Mapping):
        summary["failure"] = f"{failure.get('code', '?')}: {failure.get('message', '')}"
    _show_mapping(summary, args)
    return 0


def cmd_wait(client: IonQClient, args: argparse.Namespace) -> int:
    job = _wait(client, args.job_id, args.wait_timeout)
    if args.json:
        _print_json(job.to_dict())
    else:
        _out(f"{job.id} {_status(job)}")
    return 0


def cmd_results(client: IonQClient, args: argparse.Namespace) -> int:
    result = client.get_results(args.job_id, sharpen=True if args.sharpen else None)
    if args.json:
        _print_json(_raw(result))
    else:
        _print_result(result, shots=args.shots, order=args.order)
    return 0


def cmd_jobs(client: IonQClient, args: argparse.Namespace) -> int:
    from itertools import islice

    filters: dict[str, Any] = {}
    if args.status:
        filters["status"] = args.status
    # islice, not list_jobs(max_jobs=): stop without fetching a page we will not show.
    page_size = min(args.limit, 1000)
    jobs = [j.to_dict() for j in islice(client.iter_jobs(limit=page_size, **filters), args.limit)]
    if args.json:
        _print_json(jobs)
        return 0
    rows = [
        [str(j.get("id", "")), str(j.get("status", "")), str(j.get("backend", "")), _ts(j)]
        for j in jobs
    ]
    _table(["id", "status", "backend", "submitted_at"], rows)
    return 0


def _ts(job: Mapping[str, Any]) -> str:
    value = job.get("submitted_at")
    return "" if value is None else str(value)


def cmd_cancel(client: IonQClient, args: argparse.Namespace) -> int:
    ids: list[str] = list(dict.fromkeys(args.job_ids))
    if len(ids) == 1:
        answers: list[dict[str, Any]] = [client.cancel_job(ids[0]).to_dict()]
    else:
        answers = [page.to_dict() for page in client.cancel_jobs(ids)]
    return _report_bulk(answers, "canceled", args)


def cmd_delete(client: IonQClient, args: argparse.Namespace) -> int:
    ids: list[str] = list(dict.fromkeys(args.job_ids))
    if len(ids) == 1:
        answers: list[dict[str, Any]] = [client.delete_job(ids[0]).to_dict()]
    else:
        answers = [page.to_dict() for page in client.delete_jobs(ids)]
    return _report_bulk(answers, "deleted", args)


def _report_bulk(answers: list[dict[str, Any]], verb: str, args: argparse.Namespace) -> int:
    if args.json:
        _print_json(answers[0] if len(answers) == 1 else answers)
        return 0
    for answer in answers:
        ids = answer.get("ids")
        for job_id in ids if isinstance(ids, list) else [answer.get("id")]:
            _out(f"{verb} {job_id}")
    return 0


def cmd_estimate(client: IonQClient, args: argparse.Namespace) -> int:
    query = {
        "qubits": args.qubits,
        "shots": args.shots,
        "one_qubit_gates": args.one_qubit_gates,
        "two_qubit_gates": args.two_qubit_gates,
    }
    estimate = client.estimate_job(
        args.backend, **{k: v for k, v in query.items() if v is not None}
    )
    _show_mapping(estimate.to_dict(), args)
    return 0


_COMMANDS: dict[str, Callable[[IonQClient, argparse.Namespace], int]] = {
    "whoami": cmd_whoami,
    "backends": cmd_backends,
    "calibration": cmd_calibration,
    "submit": cmd_submit,
    "status": cmd_status,
    "wait": cmd_wait,
    "results": cmd_results,
    "jobs": cmd_jobs,
    "cancel": cmd_cancel,
    "delete": cmd_delete,
    "estimate": cmd_estimate,
}


# ------------------------------------------------------------------- submission
def load_payload(
    source: str,
    *,
    backend: str | None = None,
    shots: int | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """The create-job payload in ``source`` (a path, or ``-`` for stdin), validated.

    A JSON payload is sent as written, with only the given options replacing its
    fields; OpenQASM 3 is wrapped into an ``ionq.qasm3.v1`` payload.
    """
    from .job import IonQJob, validate_payload

    text = _read_source(source)
    if _looks_like_qasm(source, text):
        return IonQJob(
            qasm=text,
            backend=backend or "simulator",
            shots=shots if shots is not None else 100,
            name=name,
        ).to_payload()
    try:
        payload = json.loads(text)
    except ValueError as exc:
        where = "stdin" if source == "-" else source
        raise CLIError(f"{where} is neither a JSON job payload nor OpenQASM 3 ({exc})") from None
    if isinstance(payload, dict):
        overrides = {"backend": backend, "shots": shots, "name": name}
        payload.update({k: v for k, v in overrides.items() if v is not None})
    validate_payload(payload)
    return dict(payload)


def _read_source(source: str) -> str:
    if source == "-":
        return sys.stdin.read()
    try:
        with open(source, encoding="utf-8") as handle:
            return handle.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise CLIError(f"cannot read {source}: {exc}") from None


def _looks_like_qasm(source: str, text: str) -> bool:
    if source.lower().endswith(QASM_SUFFIXES):
        return True
    head = text.lstrip()
    # JSON cannot start with a comment, OpenQASM can.
    return head.startswith(("OPENQASM", "//", "/*"))


# ---------------------------------------------------------------------- waiting
def _status(job: Any) -> str:
    status = job.status
    return str(getattr(status, "value", status))


def _wait(client: IonQClient, job_id: str, timeout: float) -> Job:
    from ._exceptions import IonQJobTimeoutError

    try:
        with _progress(job_id) as on_progress:
            return client.wait_for_job(job_id, timeout=timeout, on_progress=on_progress)
    except IonQJobTimeoutError as exc:
        exc.add_note(f"the job keeps running: `{PROG} wait {job_id}` to wait again")
        raise
    except KeyboardInterrupt:
        _err(f"stopped waiting; job {job_id} keeps running (`{PROG} cancel {job_id}` to stop it)")
        raise


@contextmanager
def _progress(job_id: str) -> Iterator[Callable[[Job], None]]:
    """A status line on stderr: a rich spinner on a terminal, else a line per change."""
    progress = _rich_progress() if _isatty(sys.stderr) else None
    if progress is not None:
        with progress:
            task = progress.add_task(f"job {job_id}", total=None, status="waiting")

            def update(job: Job) -> None:
                progress.update(task, status=_status(job))

            yield update
        return

    import time

    started = time.monotonic()
    last: list[str] = []

    def report(job: Job) -> None:
        status = _status(job)
        if last != [status]:
            last[:] = [status]
            _err(f"[{time.monotonic() - started:6.1f}s] job {job_id}: {status}")

    yield report


def _rich_progress() -> Any:
    try:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
    except ImportError:
        return None
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}", markup=False),
        TextColumn("{task.fields[status]}", style="bold", markup=False),
        TimeElapsedColumn(),
        console=Console(file=sys.stderr),
    )


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# ------------------------------------------------------------------------ output
def _out(text: str) -> None:
    print(text, file=sys.stdout)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _flush() -> None:
    sys.stdout.flush()


def _print_json(data: Any) -> None:
    _out(json.dumps(data, indent=2, default=str))


def _raw(result: Result | MultiResult) -> Any:
    from .results import Result

    if isinstance(result, Result):
        return dict(result.raw)
    return {child: dict(probs) for child, probs in result.raw.items()}


def _print_result(result: Result | MultiResult, *, shots: int | None, order: str) -> None:
    from .results import Result

    if isinstance(result, Result):
        _print_distribution(result, shots, order)
        return
    for i, (child_id, child) in enumerate(result.items()):
        if i:
            _out("")
        _out(f"# circuit {child_id}")
        _print_distribution(child, shots, order)


def _print_distribution(result: Result, shots: int | None, order: str) -> None:
    """Counts when the shot count is known (given, or the job's), else probabilities."""
    bit_order: Any = order
    total = shots if shots is not None else result.shots
    if total is not None:
        counts = result.bitstring_counts(total, order=bit_order)
        rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        width = max((len(str(n)) for _, n in rows), default=1)
        for bits, n in rows:
            _out(f"{bits}  {n:>{width}}")
        return
    probabilities = result.bitstrings(order=bit_order)
    for bits, p in sorted(probabilities.items(), key=lambda kv: (-kv[1], kv[0])):
        _out(f"{bits}  {p:.6f}")


def _show_mapping(data: Mapping[str, Any], args: argparse.Namespace) -> None:
    if args.json:
        _print_json(dict(data))
        return
    pairs = list(_flatten(data))
    width = max((len(k) for k, _ in pairs), default=0)
    for key, value in pairs:
        _out(f"{key:<{width}}  {value}")


def _flatten(data: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Nested objects as dotted keys; long lists summarised (use --json for all)."""
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping) and value:
            yield from _flatten(value, f"{name}.")
        elif isinstance(value, list) and len(value) > 8:
            yield name, f"[{len(value)} items; --json shows them]"
        elif isinstance(value, (list, Mapping)):
            yield name, json.dumps(value, default=str)
        elif value is None:
            yield name, "-"
        else:
            yield name, str(value)


def _duration_ms(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return "-"
    seconds = value / 1000
    if seconds < 60:
        return f"{seconds:.1f}s"
    minutes, secs = divmod(int(seconds), 60)
    if minutes < 60:
        return f"{minutes}m {secs:02d}s"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours}h {minutes:02d}m"
    days, hours = divmod(hours, 24)
    return f"{days}d {hours:02d}h"


def _table(headers: list[str], rows: list[list[str]]) -> None:
    """A rich table on a terminal (if rich is installed), else aligned plain columns."""
    if _isatty(sys.stdout) and _rich_table(headers, rows):
        return
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    for line in [headers, *rows]:
        _out("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())


def _rich_table(headers: list[str], rows: list[list[str]]) -> bool:
    try:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text
    except ImportError:
        return False
    table = Table(*headers, box=None, header_style="bold")
    for row in rows:
        table.add_row(*(Text(cell) for cell in row))  # Text: ids are not markup
    Console(file=sys.stdout).print(table)
    return True


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
