"""What the API key sees besides its jobs: ``whoami``, ``backends``,
``calibration`` and ``estimate``."""

from __future__ import annotations

from argparse import Namespace
from typing import TYPE_CHECKING

from ._common import EXIT_ERROR, Commands, natural_int, positive_int
from ._output import duration_ms, err, print_json, show_mapping, table

if TYPE_CHECKING:
    from ionq_client import IonQClient


# ------------------------------------------------------------------------ whoami
def add_whoami(commands: Commands) -> None:
    commands.add("whoami", "show the identity of the API key", whoami)


def whoami(client: IonQClient, args: Namespace) -> int:
    show_mapping(client.whoami().to_dict(), as_json=args.json)
    return 0


# ---------------------------------------------------------------------- backends
def add_backends(commands: Commands) -> None:
    commands.add("backends", "list backends: status, qubits, average queue time", backends)


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
def add_calibration(commands: Commands) -> None:
    parser = commands.add(
        "calibration", "show a backend's newest calibration snapshot", calibration
    )
    parser.add_argument("backend")


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
def add_estimate(commands: Commands) -> None:
    parser = commands.add("estimate", "estimate the cost of a job by its size", estimate)
    parser.add_argument("--backend", required=True)
    parser.add_argument("--qubits", type=positive_int)
    parser.add_argument("--shots", type=positive_int)
    parser.add_argument("--1q-gates", dest="one_qubit_gates", type=natural_int, metavar="N")
    parser.add_argument("--2q-gates", dest="two_qubit_gates", type=natural_int, metavar="N")


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
