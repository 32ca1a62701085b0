"""What the command modules share: exit codes, the input error and option types.

``typing`` is not imported at run time (``TYPE_CHECKING = False`` is read by mypy as
``typing.TYPE_CHECKING``): this module is on the path of ``--help``, kept light.
"""

from __future__ import annotations

import argparse

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from ionq_client import IonQClient
    from ionq_client._requests import Job

    #: A command: runs against a client, returns the exit code.
    Handler = Callable[[IonQClient, argparse.Namespace], int]

PROG = "ionq-client"
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class CLIError(Exception):
    """A problem with the command line's own input (exit 2): a file, a format."""


def add_json_option(parser: argparse.ArgumentParser, *, default: Any) -> None:
    """``--json``, accepted before and after the subcommand.

    The top-level parser gives it ``default=False``; each subcommand gives it
    ``argparse.SUPPRESS``, so a subcommand that was not given the flag leaves the
    global value alone.
    """
    parser.add_argument(
        "--json",
        action="store_true",
        default=default,
        help="print machine-readable JSON on stdout",
    )


def job_status(job: Job) -> str:
    """The client's reading of a status (imported on use: ``--help`` stays light)."""
    from ionq_client._lifecycle import job_status as status_of

    return status_of(job)


# ------------------------------------------------------------------ option types
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


positive_int = _int_at_least(1)
natural_int = _int_at_least(0)


def positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, got {text}")
    return value
