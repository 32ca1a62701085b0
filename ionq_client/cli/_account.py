"""What the API key sees besides its jobs: ``whoami``, ``backends``,
``calibration`` and ``estimate``."""

from __future__ import annotations

from argparse import ArgumentParser, Namespace
from typing import TYPE_CHECKING

from ._common import EXIT_ERROR, natural_int, positive_int
from ._output import duration_ms, err, print_json, show_mapping, table

if TYPE_CHECKING:
    from ionq_client import IonQClient

    from ._common import Handler


# ------------------------------------------------------------------------ whoami
def add_whoami(parser: ArgumentParser) -> Handler:
    return whoami


def whoami(client: IonQClient, args: Namespace) -> int:
    show_mapping(client.whoami().to_dict(), as_json=args.json)
    return 0


# ---------------------------------------------------------------------- backends
def add_backends(parser: ArgumentParser) -> Handler:
    return backends


def backends(client: IonQClient, args: Namespace) -> int:
    found = [b.to_dict() for b in client.get_backends()]
    if args.json:
        print_json(found)
        return 0
    rows = [
        [
            str(b.get("backend", "")),
            str(b.get("status", "")) + (" (degraded)" if b.get("degraded") else ""),
            str(b.get("qubits", "")),
            duration_ms(b.get("average_queue_time")),
        ]
        for b in found
    ]
    table(["backend", "status", "qubits", "avg queue time"], rows)
    return 0


# ------------------------------------------------------------------- calibration
def add_calibration(parser: ArgumentParser) -> Handler:
    parser.add_argument("backend")
    return calibration


def calibration(client: IonQClient, args: Namespace) -> int:
    snapshot = client.get_calibration_data(args.backend)
    if snapshot is None:
        if args.json:
            print_json(None)
        err(f"error: backend {args.backend} has no calibration data")
        return EXIT_ERROR
    show_mapping(snapshot.to_dict(), as_json=args.json)
    return 0


# ---------------------------------------------------------------------- estimate
def add_estimate(parser: ArgumentParser) -> Handler:
    parser.add_argument("--backend", required=True)
    parser.add_argument("--qubits", type=positive_int)
    parser.add_argument("--shots", type=positive_int)
    parser.add_argument("--1q-gates", dest="one_qubit_gates", type=natural_int, metavar="N")
    parser.add_argument("--2q-gates", dest="two_qubit_gates", type=natural_int, metavar="N")
    return estimate


def estimate(client: IonQClient, args: Namespace) -> int:
    sizes = {
        "qubits": args.qubits,
        "shots": args.shots,
        "one_qubit_gates": args.one_qubit_gates,
        "two_qubit_gates": args.two_qubit_gates,
    }
    answer = client.estimate_job(args.backend, **{k: v for k, v in sizes.items() if v is not None})
    show_mapping(answer.to_dict(), as_json=args.json)
    return 0
