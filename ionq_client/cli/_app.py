"""The top-level parser, the client every command runs against, and the outcome of a
run turned into an exit code (see the package docstring).

Start-up is the point of the layout: ``--help`` lists the commands from
:data:`COMMANDS` alone; a command's module (its arguments, its handler, and what
they import) is loaded only when that command is the one being run.
"""

from __future__ import annotations

import argparse
import os
import sys

from ._common import (
    EXIT_INTERRUPTED,
    EXIT_USAGE,
    PROG,
    CLIError,
    add_json_option,
    positive_float,
)

TYPE_CHECKING = False  # read as typing.TYPE_CHECKING by mypy; `typing` costs start-up
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from ionq_client import IonQClient

#: Every command, in the order ``--help`` lists them: (name, module, summary). The
#: module defines ``add_<name>(parser) -> handler``, which adds the command's arguments.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("whoami", "_account", "show the identity of the API key"),
    ("backends", "_account", "list backends: status, qubits, average queue time"),
    ("calibration", "_account", "show a backend's newest calibration snapshot"),
    ("submit", "_submit", "submit jobs: JSON (ours or IonQ's) or OpenQASM 2/3 files"),
    ("status", "_submit", "show a job's state"),
    ("wait", "_submit", "wait for jobs to finish, showing progress"),
    ("results", "_submit", "print a completed job's counts (or probabilities)"),
    ("jobs", "_jobs", "list recent jobs, newest first"),
    ("cancel", "_jobs", "cancel jobs, then show the state each one is in"),
    ("delete", "_jobs", "delete jobs and their data (one bulk request for several)"),
    ("estimate", "_account", "estimate the cost of a job by its size"),
)

_LEGACY_TIMEOUT = (
    "note: --timeout before the command is now --http-timeout "
    "(after `submit`/`wait`, --timeout is how long to wait)"
)


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, minus ``import shutil`` (and the compression modules it
    pulls in) to learn the terminal width."""

    def __init__(self, prog: str, **kwargs: Any) -> None:
        kwargs.setdefault("width", _columns() - 2)
        super().__init__(prog, **kwargs)


class _RawFormatter(_Formatter, argparse.RawDescriptionHelpFormatter):
    """For commands whose description is laid out by hand (``submit``'s formats)."""


def _columns() -> int:
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    try:
        return os.get_terminal_size(sys.stdout.fileno()).columns
    except (AttributeError, OSError, ValueError):
        return 80


class _LazyCommands(argparse._SubParsersAction):  # type: ignore[type-arg]
    """Subcommands whose arguments are added when the command is chosen."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        chosen = self._name_parser_map.get(values[0])
        if chosen is not None:
            _fill(values[0], chosen)
        super().__call__(parser, namespace, values, option_string)


def _fill(name: str, parser: argparse.ArgumentParser) -> None:
    """Add the arguments and handler of command ``name`` (once)."""
    if parser.get_default("handler") is not None:
        return
    from importlib import import_module

    module = next(m for n, m, _ in COMMANDS if n == name)
    handler = getattr(import_module(f"{__package__}.{module}"), f"add_{name}")(parser)
    parser.set_defaults(handler=handler)


def build_parser(*, complete: bool = False) -> argparse.ArgumentParser:
    """The parser; ``complete=True`` adds every command's arguments up front (for
    tools that read the whole tree, e.g. docs), instead of when one is chosen."""
    from ionq_client._version import __version__

    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A command-line client for IonQ's quantum computing API (v0.4).",
        epilog="Exit codes: 0 ok, 1 IonQ/API error, 2 invalid input, 130 interrupted. "
        "COMMAND --help shows the options of a command.",
        formatter_class=_Formatter,
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
        "--http-timeout",
        dest="http_timeout",
        type=positive_float,
        metavar="SECONDS",
        help="per-request HTTP timeout (default: 30 s read, 10 s connect)",
    )
    # The old spelling, before the command: still works, with a note (see main).
    parser.add_argument(
        "--timeout", dest="legacy_timeout", type=positive_float, help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help="log requests and show full tracebacks on stderr (the key is never shown)",
    )
    add_json_option(parser, default=False)
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", required=True, action=_LazyCommands
    )
    for name, _module, summary in COMMANDS:
        formatter = _RawFormatter if name == "submit" else _Formatter
        sub = commands.add_parser(
            name, help=summary, description=summary, formatter_class=formatter
        )
        add_json_option(sub, default=argparse.SUPPRESS)
        sub.set_defaults(handler=None)
        if complete:
            _fill(name, sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the process exit code."""
    try:
        args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except SystemExit as exc:  # --help, --version, or a usage error (already printed)
        if exc.code is None:
            return 0
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    from ._output import err, hide, redacted_traceback

    hide(*_keys(args.key))
    if args.legacy_timeout is not None:
        err(_LEGACY_TIMEOUT)
        if args.http_timeout is None:
            args.http_timeout = args.legacy_timeout
    try:
        return _dispatch(args)
    except KeyboardInterrupt:
        err("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `ionq-client jobs | head`: the reader left, which is not a failure.
        _silence_stdout()
        return 0
    except CLIError as exc:
        if args.debug:
            err(redacted_traceback(exc))
        err(f"error: {exc}")
        return EXIT_USAGE
    except Exception as exc:
        if args.debug:
            err(redacted_traceback(exc))
        from ._errors import report

        return report(exc, url=getattr(args, "resolved_url", None))


def _dispatch(args: argparse.Namespace) -> int:
    from ._output import announce_retries, log_requests

    announce_retries()
    if args.debug:
        log_requests()
    try:
        client = _make_client(args)
    except ValueError as exc:  # a malformed --url / IONQ_API_URL
        raise CLIError(str(exc)) from None
    args.resolved_url = client.url
    with client:
        code: int = args.handler(client, args)
    # Flushed here, not at exit: a reader that left (`| head`) is seen by main.
    sys.stdout.flush()
    return code


def _make_client(args: argparse.Namespace) -> IonQClient:
    from ionq_client import IonQClient

    if args.http_timeout is not None:
        return IonQClient(token=args.key, url=args.url, timeout=args.http_timeout)
    return IonQClient(token=args.key, url=args.url)


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
    """Point stdout at /dev/null, so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
