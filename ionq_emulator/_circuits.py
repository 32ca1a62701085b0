"""The circuits a job's ``input`` carries, in one shape whatever its ``type``.

Decoding smooths over what SDKs send that the simulator should not have to know about:
integral floats as qubit indices, cirq's ``phase`` for a native zz, multi-circuit
entries that inherit or infer their width and gateset.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ionq_emulator._qasm import parse_qasm

__all__ = ["Circuit", "circuits_of"]


@dataclass(frozen=True)
class Circuit:
    gates: tuple[Mapping[str, Any], ...]
    qubits: int
    gateset: str
    name: str | None = None


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
    data = payload["input"]
    if payload["type"] == "ionq.qasm3.v1":
        return [Circuit(*parse_qasm(data["data"]), "qis")]
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
        circuits.append(Circuit(gates, int(qubits), gateset, entry.get("name")))
    return circuits
