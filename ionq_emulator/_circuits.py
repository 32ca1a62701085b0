"""The circuits a job's ``input`` carries, in one shape whatever its ``type``.

Decoding smooths over what SDKs send that the simulator should not have to know about:
integral floats as qubit indices, cirq's ``phase`` for a native zz, multi-circuit
entries that inherit or infer their width and gateset. A circuit also carries its
classical registers when it has any (an OpenQASM 3 program's, or a multi-circuit
entry's ``registers``), for IonQ's register-nested v2 results, and a quantum function's
ansatz carries the observable whose expectation is the job's result (``_functions``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from ionq_emulator._qasm import parse_program

if TYPE_CHECKING:
    from ionq_emulator._functions import Observable

__all__ = ["FUNCTION_TYPES", "Circuit", "circuits_of"]

FUNCTION_TYPES: Final = frozenset({"quantum-function", "qctrl.qaoa.v1"})
"""Job types that run a function of circuits rather than the circuits given."""


@dataclass(frozen=True)
class Circuit:
    gates: tuple[Mapping[str, Any], ...]
    qubits: int
    gateset: str
    name: str | None = None
    # classical register -> the qubit each bit measures (None: nothing measured into it)
    registers: Mapping[str, tuple[int | None, ...]] | None = None
    observable: Observable | None = None  # a quantum function: <observable> is the result


def _normalised_gate(gate: Mapping[str, Any]) -> Mapping[str, Any]:
    """Integral floats to ints (JSON Schema calls 1.0 an integer); cirq's zz ``phase``."""
    out = dict(gate)
    for key in ("target", "control"):
        if isinstance(out.get(key), float):
            out[key] = int(out[key])
    for key in ("targets", "controls"):
        if key in out:
            out[key] = [int(q) for q in out[key]]
    if out.get("gate") == "zz" and "angle" not in out and "phase" in out:
        out["angle"] = out.pop("phase")  # cirq-ionq sends native zz's angle as "phase"
    return out


def circuits_of(payload: Mapping[str, Any]) -> list[Circuit]:
    """The circuits ``payload`` runs; ``SimulationError`` for one IonQ would fail."""
    data = payload["input"]
    if payload["type"] in FUNCTION_TYPES:
        from ionq_emulator._functions import function_circuit

        return [function_circuit(payload)]
    if payload["type"] == "ionq.qasm3.v1":
        program = parse_program(data["data"])
        return [Circuit(program.gates, program.qubits, "qis", registers=program.registers)]
    if payload["type"] == "ionq.circuit.v1":
        gates = tuple(map(_normalised_gate, data["circuit"]))
        return [Circuit(gates, int(data["qubits"]), data["gateset"])]
    circuits = []
    for entry in data["circuits"]:
        gates = tuple(map(_normalised_gate, entry["circuit"]))
        qubits = entry.get("qubits", data.get("qubits"))
        if qubits is None:  # neither given: as many as the highest index used
            used = [q for g in gates for k in ("targets", "controls") for q in g.get(k, [])]
            used += [g[k] for g in gates for k in ("target", "control") if k in g]
            qubits = max(used, default=0) + 1
        gateset = entry.get("gateset", data["gateset"])
        registers = entry.get("registers")
        if registers is not None:
            registers = {name: tuple(int(q) for q in bits) for name, bits in registers.items()}
        circuits.append(Circuit(gates, int(qubits), gateset, entry.get("name"), registers))
    return circuits
