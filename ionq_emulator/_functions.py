"""Function jobs: a quantum function computed here, a Q-CTRL QAOA job failed honestly.

IonQ's v0.4 document has two job types that are not circuits:

``quantum-function``
    IonQ's hosted hybrid service evaluates a function of quantum results. The one
    whose meaning is clear, ``hamiltonian-energy``, is computed: the ansatz (an
    OpenQASM 3 program whose ``input float`` parameters take ``params`` in order) is
    simulated once, and each Pauli term's expectation is read off the state vector,
    so ``value`` = sum of coefficient * <P>. ``variance`` is the variance the shot
    estimate would have if every term were measured on its own with the job's shots:
    sum of coefficient^2 * (1 - <P>^2) / shots (identity terms are exact). On a QPU
    backend the backend's noise model is applied the way ``apply_noise`` models it:
    global depolarizing (fidelity F from the ansatz's gate counts) and independent
    readout flips (rate e) scale a non-identity term's expectation by
    F * (1 - 2e)^weight. Constrained programs (``linear_constraints``,
    ``quadratic_constraints``, ``penalty``), CVaR (``cvar_alpha``) and functions other
    than Hamiltonian energy are IonQ's own recipes the emulator does not know; such a
    job is accepted and fails with ``SimulationError`` saying so, never with a guess.

``qctrl.qaoa.v1``
    The optimizer is Q-CTRL's, reached with the caller's Q-CTRL key; the emulator
    cannot reach it (and must not try: it is offline by design). The job is accepted
    and then fails before it starts with IonQ's ``OptimizationError``, as a QAOA job
    whose optimizer cannot run would. The key (``external_settings.api_credentials``)
    is dropped at intake (see :func:`without_secrets`): the emulator never stores,
    echoes or logs it, and IonQ's QaoaJob object has no place for it either.

Pauli strings come in the two forms IonQ's examples use: dense (``"ZIX"``, one letter
per qubit, the *last* letter on qubit 0, as Qiskit's ``SparsePauliOp`` writes them) and
sparse (``"Z0 Z1"``: letters with qubit indices, other qubits the identity).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from ionq_emulator._circuits import Circuit
from ionq_emulator._qasm import parse_program
from ionq_emulator._simulator import SimulationError, simulate_statevector

__all__ = ["Observable", "PauliTerm", "expectation", "function_circuit", "without_secrets"]

QAOA_FAILURE: Final = (
    "OptimizationError",
    "qctrl.qaoa.v1 runs Q-CTRL's QAOA optimizer, an external service the emulator does not"
    " reach; the job cannot run here (use a quantum-function or circuit job instead).",
)
_DENSE: Final = re.compile(r"[IXYZ]+")
_SPARSE: Final = re.compile(r"([IXYZ])(\d+)")
_UNSUPPORTED_DATA: Final = ("linear_constraints", "quadratic_constraints")


@dataclass(frozen=True)
class PauliTerm:
    """coefficient * P, with P given by bit masks over the basis-state index."""

    coefficient: float
    x_mask: int  # qubits where P flips the bit (X or Y)
    z_mask: int  # qubits where P adds a sign (Z or Y)
    y_count: int  # each Y also contributes a factor i
    weight: int  # non-identity qubits


@dataclass(frozen=True)
class Observable:
    """A Hamiltonian: a sum of weighted Pauli strings."""

    terms: tuple[PauliTerm, ...]


def without_secrets(payload: Mapping[str, Any]) -> dict[str, Any]:
    """``payload`` without the Q-CTRL key, for the store to keep (and clone) safely."""
    kept = copy.deepcopy(dict(payload))
    settings = kept.get("external_settings")
    if isinstance(settings, dict):
        settings.pop("api_credentials", None)
    return kept


def _letters(pauli_string: str, qubits: int) -> dict[int, str]:
    """Qubit -> X/Y/Z for one Pauli string; InvalidInput when it does not fit."""
    text = pauli_string.strip()
    if _DENSE.fullmatch(text):
        if len(text) > qubits:
            raise SimulationError(
                "InvalidInput",
                f"Pauli string {text!r} has {len(text)} letters; the ansatz has {qubits} qubits",
            )
        return {q: letter for q, letter in enumerate(reversed(text)) if letter != "I"}
    tokens = text.split()
    found: dict[int, str] = {}
    for token in tokens:
        match = _SPARSE.fullmatch(token)
        if match is None:
            raise SimulationError(
                "InvalidInput",
                f"Pauli string {text!r}: write it dense ('ZIX') or sparse ('Z0 X2')",
            )
        letter, qubit = match.group(1), int(match.group(2))
        if qubit >= qubits:
            raise SimulationError(
                "InvalidInput",
                f"Pauli string {text!r} acts on qubit {qubit}; the ansatz has {qubits} qubits",
            )
        if qubit in found:
            raise SimulationError(
                "InvalidInput", f"Pauli string {text!r} names qubit {qubit} twice"
            )
        if letter != "I":
            found[qubit] = letter
    return found


def observable(hamiltonian: Sequence[Mapping[str, Any]], qubits: int) -> Observable:
    terms = []
    for term in hamiltonian:
        letters = _letters(str(term["pauli_string"]), qubits)
        x_mask = sum(1 << q for q, p in letters.items() if p in "XY")
        z_mask = sum(1 << q for q, p in letters.items() if p in "ZY")
        y_count = sum(1 for p in letters.values() if p == "Y")
        terms.append(PauliTerm(float(term["coefficient"]), x_mask, z_mask, y_count, len(letters)))
    return Observable(tuple(terms))


def function_circuit(payload: Mapping[str, Any]) -> Circuit:
    """The ansatz of a ``hamiltonian-energy`` function with its observable attached.

    Raises ``SimulationError`` for what IonQ would accept and the emulator fails: a QAOA
    job (``OptimizationError``), an ansatz that does not compile, parameters or Pauli
    strings that do not fit it (``InvalidInput``), and functions it does not compute.
    """
    if payload["type"] == "qctrl.qaoa.v1":
        raise SimulationError(*QAOA_FAILURE)
    data = payload["input"]
    if "type" in data:  # the generic form: {type, data, params}
        kind, energy = data["type"], data["data"]
    else:  # IonQ's Hamiltonian form: {data: {type, data}, params}
        kind, energy = data["data"]["type"], data["data"]["data"]
    if kind != "hamiltonian-energy":
        raise SimulationError(
            "SimulationError",
            f"the emulator computes only hamiltonian-energy quantum functions, not {kind!r}",
        )
    missing = [key for key in ("hamiltonian", "ansatz") if key not in energy]
    if missing or not isinstance(energy["ansatz"], dict) or "data" not in energy["ansatz"]:
        raise SimulationError(
            "InvalidInput", "a hamiltonian-energy function needs a hamiltonian and an ansatz.data"
        )
    for field in _UNSUPPORTED_DATA:
        if energy.get(field):
            raise SimulationError(
                "SimulationError", f"the emulator does not compute energies with {field}"
            )
    if energy.get("penalty"):
        raise SimulationError("SimulationError", "the emulator does not compute penalties")
    if energy.get("cvar_alpha") is not None:
        raise SimulationError("SimulationError", "the emulator does not compute CVaR energies")
    program = parse_program(energy["ansatz"]["data"], data.get("params") or [])
    return Circuit(
        program.gates,
        program.qubits,
        "qis",
        observable=observable(energy["hamiltonian"], program.qubits),
    )


def _parity(index: npt.NDArray[np.int64], mask: int) -> npt.NDArray[np.int64]:
    """popcount(index & mask) mod 2, elementwise (numpy 1.26 has no bitwise_count)."""
    parity = np.zeros_like(index)
    for qubit in range(mask.bit_length()):
        if mask >> qubit & 1:
            parity ^= (index >> qubit) & 1
    return parity


def expectation(
    circuit: Circuit,
    observable: Observable,
    shots: int,
    damping: Callable[[int], float] | None = None,
    interrupted: Callable[[], bool] | None = None,
) -> tuple[float, float]:
    """(value, variance) of ``observable`` in the state ``circuit`` prepares.

    ``damping(weight)`` scales a non-identity term's expectation (noise); the variance
    is the per-term shot estimate's, summed as if each term were measured separately.
    """
    state = simulate_statevector(circuit.gates, circuit.qubits, circuit.gateset, interrupted)
    index = np.arange(state.size)
    value = variance = 0.0
    for term in observable.terms:
        if term.weight == 0:
            value += term.coefficient
            continue
        # P|i> = i^y * (-1)^popcount(i & z) |i ^ x>, so <psi|P|psi> sums over i.
        signs = 1.0 - 2.0 * _parity(index, term.z_mask)
        amplitude = np.vdot(state[index ^ term.x_mask], signs * state)
        mean = float(((1j) ** term.y_count * amplitude).real)
        if damping is not None:
            mean *= damping(term.weight)
        mean = min(1.0, max(-1.0, mean))
        value += term.coefficient * mean
        variance += term.coefficient**2 * (1.0 - mean**2) / shots
    return value, variance
