"""The top-level parser, the client every command runs against, and the outcome of a
run turned into an exit code (see the package docstring)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from . import _account, _jobs, _submit
from ._common import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    PROG,
    CLIError,
    Commands,
    add_json_option,
    positive_float,
)
from ._output import err, hide

if TYPE_CHECKING:
    from ionq_client import IonQClient

#: Every command, in the order ``--help`` lists them.
COMMANDS: tuple[Callable[[Commands], None], ...] = (
    _account.add_whoami,
    _account.add_backends,
    _account.add_calibration,
    _submit.add_submit,
    _submit.add_status,
    _submit.add_wait,
    _submit.add_results,
    _jobs.add_jobs,
    _jobs.add_cancel,
    _jobs.add_delete,
    _account.add_estimate,
)


def build_parser() -> argparse.ArgumentParser:
    from ionq_client._version import __version__

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
        type=positive_float,
        metavar="SECONDS",
        help="per-request HTTP timeout (default: 30 s read, 10 s connect)",
    )
    add_json_option(parser, default=False)
    commands = Commands(parser.add_subparsers(dest="command", metavar="COMMAND", required=True))
    for add in COMMANDS:
        add(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    try:
        args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # --help, --version, or a usage error (already printed)
        if exc.code is None:
            return 0
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    hide(*_keys(args.key))
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        err("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `ionq-client jobs | head`: the reader left; stop quietly.
        _silence_stdout()
        return EXIT_ERROR
    except CLIError as exc:
        err(f"error: {exc}")
        return EXIT_USAGE
    except Exception as exc:
        return _report(exc)


def _dispatch(args: argparse.Namespace) -> int:
    _announce_retries()
    try:
        client = _make_client(args)
    except ValueError as exc:  # a malformed --url / IONQ_API_URL
        raise CLIError(str(exc)) from None
    with client:
        code: int = args.handler(client, args)
        return code


def _announce_retries() -> None:
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

    logger = logging.getLogger("ionq_client")
    for handler in [h for h in logger.handlers if type(h).__name__ == "RetryNotice"]:
        logger.removeHandler(handler)  # one per process, even when main() runs again
    logger.addHandler(RetryNotice(logging.INFO))
    if logger.getEffectiveLevel() > logging.INFO:
        logger.setLevel(logging.INFO)


def _make_client(args: argparse.Namespace) -> IonQClient:
    from ionq_client import IonQClient

    if args.http_timeout is not None:
        return IonQClient(token=args.key, url=args.url, timeout=args.http_timeout)
    return IonQClient(token=args.key, url=args.url)


def _report(exc: Exception) -> int:
    """Print ``error: ...`` for an IonQError (never a traceback, never the key)."""
    from ionq_client import IonQError, IonQValidationError

    if isinstance(exc, IonQValidationError):
        err(f"error: invalid {exc.field}: {exc.problem}")
        return EXIT_USAGE
    if isinstance(exc, IonQError):
        lines = [f"error: {exc}", *getattr(exc, "__notes__", ())]
        err("\n".join(lines))
        return EXIT_ERROR
    raise exc


def _keys(given: str | None) -> tuple[str | None, ...]:
    """The key a command will use (``--key``, else the environment), as typed and as
    sent, so output can never show it (the errors are redacted already; this is the
    CLI's own belt and braces, and it covers a key the client refuses)."""
    from ionq_client import IonQError
    from ionq_client._config import KEY_ENV, resolve_token

    typed = given or next((os.environ[k] for k in KEY_ENV if os.environ.get(k)), None)
    try:
        usable = resolve_token(given)
    except IonQError:
        usable = None
    return typed, (typed or "").strip(), usable


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
