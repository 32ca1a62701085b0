"""What the command modules share: exit codes, the input error, option types, and
:class:`Commands`, through which every command is added with its handler."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ionq_client import IonQClient

PROG = "ionq-client"
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

#: A command: runs against a client, returns the exit code.
Handler = Callable[["IonQClient", argparse.Namespace], int]


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


class Commands:
    """The subcommands of the top-level parser."""

    def __init__(self, subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
        self._subparsers = subparsers

    def add(self, name: str, help: str, handler: Handler) -> argparse.ArgumentParser:
        """A subcommand running ``handler``; the caller adds its arguments."""
        parser = self._subparsers.add_parser(name, help=help, description=help)
        add_json_option(parser, default=argparse.SUPPRESS)
        parser.set_defaults(handler=handler)
        return parser


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
