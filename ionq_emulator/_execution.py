"""Running one circuit on a backend: gate counts, failures, probabilities and samples.

Running is split in two so that the store never simulates while holding its lock:
:func:`assess` (cheap, at submission) counts gates and decides the failures IonQ
would report without running anything; :func:`simulate` (the expensive part, in a
worker or, for a tiny job, in the request's thread) computes the results. The store
reveals either as the job's clock advances. A failure records whether IonQ would
refuse the circuit at compilation or fail it while running, which decides when the
job shows it.

A quantum function's circuit carries its observable: simulating it yields a ``value``
and ``variance`` (``_functions``) instead of probabilities.

What a result keeps is bounded: only the non-zero probabilities and the sampled
histogram survive (the state vector and dense probability arrays are dropped when
:func:`simulate` returns), and a result with more than ``max_states`` outcomes is
refused with IonQ's ``SimulationError`` before its dictionary is ever built.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

import numpy as np

from ionq_emulator._catalog import Backend
from ionq_emulator._circuits import Circuit
from ionq_emulator._functions import expectation
from ionq_emulator._simulator import (
    MAX_SIMULATED_QUBITS,
    NOISE_MODELS,
    ZERO_CUTOFF,
    SimulationError,
    apply_noise,
    count_gates,
    ideal_probabilities,
    probabilities_map,
    sample_counts,
)

__all__ = ["Failure", "Outcome", "assess", "simulate", "work_of"]

_SMALLEST_WORK: Final = 256
"""Per-gate cost floor in :func:`work_of`: tiny states still cost Python overhead."""


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
    value: float | None = None  # a quantum function's result (``_functions``)
    variance: float | None = None

    @property
    def states(self) -> int:
        """How many outcomes the result keeps (probabilities plus histogram entries)."""
        return len(self.probabilities or ()) + len(self.histogram or ())


def assess(circuit: Circuit, backend: Backend) -> Outcome:
    """Gate counts and any failure known without simulating; no results yet."""
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
    return Outcome(circuit.qubits, gates)


def work_of(outcome: Outcome) -> int:
    """A rough cost of simulating: amplitude updates, at least 256 per gate."""
    return int((sum(outcome.gates) + 1) * max(2**outcome.qubits, _SMALLEST_WORK))


def simulate(
    circuit: Circuit,
    assessed: Outcome,
    model: str | None,
    shots: int,
    seed: int,
    *,
    max_states: int,
    interrupted: Callable[[], bool] | None = None,
) -> Outcome:
    """The results of an assessed circuit with no failure yet (the expensive part)."""
    qubits, gates = assessed.qubits, assessed.gates
    if circuit.observable is not None:
        return _evaluate(circuit, assessed, model, shots, interrupted)
    try:
        probs = ideal_probabilities(circuit.gates, qubits, circuit.gateset, interrupted)
    except SimulationError as exc:
        return Outcome(qubits, gates, Failure(exc.code, exc.message, True))
    if model is None:
        probs = np.round(probs, 12)
        kept = int(np.count_nonzero(probs >= ZERO_CUTOFF))
        if kept + min(kept, shots) > max_states:
            return Outcome(qubits, gates, _too_many(kept, max_states))
        probabilities = probabilities_map(probs)
        histogram = sample_counts(probs, shots, seed)
    else:
        noisy = apply_noise(
            probs,
            one_qubit_gates=gates[0],
            two_qubit_gates=gates[1],
            qubits=qubits,
            model=NOISE_MODELS[model],
        )
        del probs
        histogram = sample_counts(noisy, shots, seed)
        if 2 * len(histogram) > max_states:
            return Outcome(qubits, gates, _too_many(len(histogram), max_states))
        probabilities = {state: count / shots for state, count in histogram.items()}
    return Outcome(qubits, gates, None, probabilities, histogram)


def _evaluate(
    circuit: Circuit,
    assessed: Outcome,
    model: str | None,
    shots: int,
    interrupted: Callable[[], bool] | None,
) -> Outcome:
    """A quantum function's value and variance; noise as :func:`apply_noise` models it."""
    assert circuit.observable is not None
    damping = None
    if model is not None:
        noise = NOISE_MODELS[model]
        fidelity = (
            noise.one_qubit_fidelity ** assessed.gates[0]
            * noise.two_qubit_fidelity ** assessed.gates[1]
        )
        readout = 1.0 - 2.0 * noise.readout_error

        def damping(weight: int) -> float:
            return float(fidelity * readout**weight)

    try:
        value, variance = expectation(circuit, circuit.observable, shots, damping, interrupted)
    except SimulationError as exc:
        return Outcome(assessed.qubits, assessed.gates, Failure(exc.code, exc.message, True))
    return Outcome(assessed.qubits, assessed.gates, value=value, variance=variance)


def _too_many(kept: int, max_states: int) -> Failure:
    message = (
        f"the result has {kept} non-zero outcomes; the emulator keeps at most {max_states} per job"
    )
    return Failure("SimulationError", message, True)
