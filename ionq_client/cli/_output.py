"""Everything the commands print: data on stdout (JSON, tables, key/value lines,
results), progress, logs and errors on stderr. ``rich`` is used on a terminal when
it is installed, and imported only then.

It is also the CLI's one redaction layer: whatever reaches the terminal, through
:func:`out`, :func:`err` or the ``--debug`` log handler, passes :func:`scrub`.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ionq_client import MultiResult, Result
    from ionq_client._requests import Job
    from ionq_client.results import BitOrder


#: The API key(s) in use: nothing the CLI prints may contain one (a server may echo
#: it, e.g. in a job's failure message). Set by ``main`` before any command runs.
_secrets: tuple[str, ...] = ()


def hide(*secrets: str | None) -> None:
    """Redact these from everything printed from now on."""
    global _secrets
    _secrets = tuple(s for s in secrets if s and len(s) >= 4)


def scrub(text: str) -> str:
    for secret in _secrets:
        text = text.replace(secret, "<redacted>")
    return text


def out(text: str) -> None:
    print(scrub(text), file=sys.stdout)


def err(text: str) -> None:
    print(scrub(text), file=sys.stderr)


def flush() -> None:
    sys.stdout.flush()


def redacted_traceback(exc: BaseException) -> str:
    """The full traceback of ``exc`` (for ``--debug``), without the key."""
    import traceback

    return scrub("".join(traceback.format_exception(exc)).rstrip())


def announce_retries() -> None:
    """Say on stderr when a call is retried, so a slow command is never silent (the
    client logs each retry at INFO with its figures in ``record.ionq_retry``)."""
    import logging

    class RetryNotice(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            retry = getattr(record, "ionq_retry", None)
            if isinstance(retry, dict):
                err(
                    f"retrying ({retry['retry']}/{retry['of']}) in {retry['delay']:.1f} s: "
                    f"{retry['error']}"
                )

    _install(logging.getLogger("ionq_client"), RetryNotice(logging.INFO), logging.INFO)


def log_requests() -> None:
    """``--debug``: the client's log (every request with its status and time, each
    retry) on stderr, each line through :func:`scrub`."""
    import logging

    class DebugLog(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            try:
                err(self.format(record))
            except Exception:  # a log line must never end the command
                self.handleError(record)

    handler = DebugLog(logging.DEBUG)
    handler.setFormatter(
        logging.Formatter("debug %(asctime)s.%(msecs)03d %(name)s: %(message)s", "%H:%M:%S")
    )
    _install(logging.getLogger("ionq_client"), handler, logging.DEBUG)


def _install(logger: Any, handler: Any, level: int) -> None:
    """One handler of this kind per logger, even when ``main`` runs again in-process."""
    kind = type(handler).__name__
    for old in [h for h in logger.handlers if type(h).__name__ == kind]:
        logger.removeHandler(old)
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > level:
        logger.setLevel(level)


def isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# -------------------------------------------------------------------------- data
def print_json(data: Any) -> None:
    out(json.dumps(data, indent=2, default=str))


def show_mapping(data: Mapping[str, Any], *, as_json: bool) -> None:
    """The object as JSON, or as aligned ``key  value`` lines (nested keys dotted)."""
    if as_json:
        print_json(dict(data))
        return
    pairs = list(_flatten(data))
    width = max((len(k) for k, _ in pairs), default=0)
    for key, value in pairs:
        out(f"{key:<{width}}  {value}")


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


def duration_ms(value: object) -> str:
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


def table(headers: list[str], rows: list[list[str]]) -> None:
    """A rich table on a terminal (if rich is installed), else aligned plain columns."""
    if isatty(sys.stdout) and _rich_table(headers, rows):
        return
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    for line in [headers, *rows]:
        out("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())


def _rich_table(headers: list[str], rows: list[list[str]]) -> bool:
    try:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text
    except ImportError:
        return False
    grid = Table(*headers, box=None, header_style="bold")
    for row in rows:
        grid.add_row(*(Text(scrub(cell)) for cell in row))  # Text: ids are not markup
    Console(file=sys.stdout).print(grid)
    return True


# ----------------------------------------------------------------------- results
def result_json(result: Result | MultiResult) -> Any:
    """The probabilities as IonQ sent them (per child for a multi-circuit job)."""
    from ionq_client import Result

    if isinstance(result, Result):
        return dict(result.raw)
    return {child: dict(probs) for child, probs in result.raw.items()}


def print_result(result: Result | MultiResult, *, shots: int | None, order: BitOrder) -> None:
    from ionq_client import Result

    if isinstance(result, Result):
        _print_distribution(result, shots, order)
        return
    for i, (child_id, child) in enumerate(result.items()):
        if i:
            out("")
        out(f"# circuit {child_id}")
        _print_distribution(child, shots, order)


def _print_distribution(result: Result, shots: int | None, order: BitOrder) -> None:
    """Counts when the shot count is known (given, or the job's), else probabilities."""
    total = shots if shots is not None else result.shots
    if total is not None:
        counts = result.bitstring_counts(total, order=order)
        rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        width = max((len(str(n)) for _, n in rows), default=1)
        for bits, n in rows:
            out(f"{bits}  {n:>{width}}")
        return
    probabilities = result.bitstrings(order=order)
    for bits, p in sorted(probabilities.items(), key=lambda kv: (-kv[1], kv[0])):
        out(f"{bits}  {p:.6f}")


# ---------------------------------------------------------------------- progress
@contextmanager
def progress(job_id: str) -> Iterator[Callable[[Job], None]]:
    """A status line on stderr: a rich spinner on a terminal, else a line per change."""
    from ionq_client._lifecycle import job_status

    spinner = _rich_progress() if isatty(sys.stderr) else None
    if spinner is not None:
        with spinner:
            task = spinner.add_task(f"job {job_id}", total=None, status="waiting")

            def update(job: Job) -> None:
                spinner.update(task, status=job_status(job))

            yield update
        return

    import time

    started = time.monotonic()
    last: list[str] = []

    def report(job: Job) -> None:
        status = job_status(job)
        if last != [status]:
            last[:] = [status]
            err(f"[{time.monotonic() - started:6.1f}s] job {job_id}: {status}")

    yield report


@contextmanager
def batch_progress(total: int) -> Iterator[Callable[[dict[str, int]], None]]:
    """One status line for a whole batch on stderr: counts by status."""
    import time

    def summary(counts: dict[str, int]) -> str:
        return ", ".join(f"{status} {n}" for status, n in counts.items())

    spinner = _rich_progress() if isatty(sys.stderr) else None
    if spinner is not None:
        with spinner:
            task = spinner.add_task(f"{total} jobs", total=None, status="waiting")

            def update(counts: dict[str, int]) -> None:
                spinner.update(task, status=summary(counts))

            yield update
        return

    started = time.monotonic()
    last: list[str] = []

    def report(counts: dict[str, int]) -> None:
        line = summary(counts)
        if last != [line]:
            last[:] = [line]
            err(f"[{time.monotonic() - started:6.1f}s] {total} jobs: {line}")

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
