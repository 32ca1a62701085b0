"""``python -m ionq_emulator``: serve the emulator until interrupted.

For trying clients by hand or from another language; tests should prefer
``run_emulator()``, which picks a free port and stops cleanly.
"""

from __future__ import annotations

import argparse
import errno
import logging
import signal
import sys
import threading
from collections.abc import Sequence

from ionq_emulator._config import EmulatorConfig
from ionq_emulator._faults import FaultConfig
from ionq_emulator._server import run_emulator

__all__ = ["build_parser", "config_from_args", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ionq-emulator",
        description="Serve a local IonQ-compatible API (v0.4) for tests and offline work.",
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface (default: loopback)")
    parser.add_argument("--port", type=int, default=8000, help="port; 0 picks a free one")
    parser.add_argument("--allow-remote", action="store_true", help="allow a non-loopback --host")
    parser.add_argument(
        "--key", action="append", default=[], help="accepted API key (repeatable; default: random)"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed for ids, sampling and faults")
    parser.add_argument("--results-style", choices=("urls", "artifacts"), default="artifacts")
    for name, default in (("ready-after", 0.05), ("start-after", 0.05), ("run-time", 0.1)):
        parser.add_argument(f"--{name}", type=float, default=default, help="seconds")
    for kind in ("429", "500", "502", "503", "504", "drop", "delay"):
        parser.add_argument(
            f"--fault-rate-{kind}", type=float, default=0.0, help="probability per request"
        )
    parser.add_argument(
        "--fault-after-rate",
        type=float,
        default=0.0,
        help="share of faults injected after the request was handled (default 0: all before)",
    )
    parser.add_argument(
        "--fault-delay",
        type=float,
        default=10.0,
        help="seconds a 'delay' fault holds the answer (past the client's read timeout)",
    )
    parser.add_argument("--latency", type=float, default=0.0, help="seconds added per request")
    parser.add_argument("--retry-after", type=int, default=1, help="Retry-After of 429/503")
    return parser


def config_from_args(args: argparse.Namespace) -> EmulatorConfig:
    faults = FaultConfig(
        rate_429=args.fault_rate_429,
        rate_500=args.fault_rate_500,
        rate_502=args.fault_rate_502,
        rate_503=args.fault_rate_503,
        rate_504=args.fault_rate_504,
        rate_drop=args.fault_rate_drop,
        rate_delay=args.fault_rate_delay,
        delay=args.fault_delay,
        after_rate=args.fault_after_rate,
        latency=args.latency,
        retry_after=args.retry_after,
    )
    return EmulatorConfig(
        keys=tuple(args.key),
        seed=args.seed,
        ready_after=args.ready_after,
        start_after=args.start_after,
        run_time=args.run_time,
        results_style=args.results_style,
        faults=faults,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Serve until Ctrl+C or SIGTERM; 0 on a clean stop, 2 on bad arguments."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        config = config_from_args(args)
    except ValueError as exc:
        parser.error(str(exc))
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    stop = threading.Event()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        with run_emulator(
            config, host=args.host, port=args.port, allow_remote=args.allow_remote
        ) as emulator:
            print(f"IonQ emulator listening on {emulator.url}", flush=True)
            for key in emulator.keys:
                print(f"API key: {key}", flush=True)
            print(f"Try: IONQ_API_URL={emulator.url} IONQ_API_KEY={emulator.key}", flush=True)
            while not stop.wait(0.2):
                pass
    except KeyboardInterrupt:
        pass
    except (OSError, ValueError, RuntimeError) as exc:
        if isinstance(exc, OSError) and exc.errno == errno.EADDRINUSE:
            print(
                f"error: port {args.port} on {args.host} is already in use (another "
                "emulator?); choose another with --port, or --port 0 for a free one",
                file=sys.stderr,
            )
            return 1
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
