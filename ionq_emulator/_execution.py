"""Running one circuit on a backend: gate counts, failures, probabilities and samples.

Results are computed once, at submission; the store reveals them as the job's clock
advances. A failure records whether IonQ would refuse the circuit at compilation or
fail it while running, which decides when the job shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ionq_emulator._catalog import Backend
from ionq_emulator._circuits import Circuit
from ionq_emulator._simulator import (
    MAX_SIMULATED_QUBITS,
    NOISE_MODELS,
    SimulationError,
    apply_noise,
    count_gates,
    ideal_probabilities,
    probabilities_map,
    sample_counts,
)

__all__ = ["Failure", "Outcome", "execute"]


@dataclass(frozen=True)
class Failure:
    code: str
    message: str
    while_running: bool  # False: refused at compilation, before the job starts


@dataclass(frozen=True)
class Outcome:
    """What running one circuit produced (nothing yet shown to the client)."""

    qubits: int
    gates: tuple[int, int]
    failure: Failure | None = None
    probabilities: dict[str, float] | None = None
    histogram: dict[str, int] | None = None


def execute(
    circuit: Circuit, backend: Backend, model: str | None, shots: int, seed: int, dry_run: bool
) -> Outcome:
    try:
        gates = count_gates(circuit.gates, circuit.gateset)
    except SimulationError as exc:
        return Outcome(circuit.qubits, (0, 0), Failure(exc.code, exc.message, False))
    if circuit.qubits > backend.qubits:
        message = (
            f"The circuit uses {circuit.qubits} qubits but {backend.name} has {backend.qubits}."
        )
        return Outcome(circuit.qubits, gates, Failure("NotEnoughQubits", message, False))
    if circuit.qubits > MAX_SIMULATED_QUBITS:
        message = f"the emulator simulates at most {MAX_SIMULATED_QUBITS} qubits"
        return Outcome(circuit.qubits, gates, Failure("SimulationError", message, True))
    if dry_run:
        return Outcome(circuit.qubits, gates)
    try:
        probs = ideal_probabilities(circuit.gates, circuit.qubits, circuit.gateset)
    except SimulationError as exc:
        return Outcome(circuit.qubits, gates, Failure(exc.code, exc.message, True))
    if model is None:
        probabilities = probabilities_map(np.round(probs, 12))
        histogram = sample_counts(probs, shots, seed)
    else:
        noisy = apply_noise(
            probs,
            one_qubit_gates=gates[0],
            two_qubit_gates=gates[1],
            qubits=circuit.qubits,
            model=NOISE_MODELS[model],
        )
        histogram = sample_counts(noisy, shots, seed)
        probabilities = {state: count / shots for state, count in histogram.items()}
    return Outcome(circuit.qubits, gates, None, probabilities, histogram)
