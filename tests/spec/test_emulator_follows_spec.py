"""The emulator keeps up with what the spec added (native ``nop``, new job types)."""

from __future__ import annotations

import numpy as np
import pytest

from ionq_emulator._simulator import count_gates, ideal_probabilities
from ionq_emulator._validation import circuit_problems


def _native(circuit: list[dict[str, object]], qubits: int = 2) -> dict[str, object]:
    return {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "input": {"gateset": "native", "qubits": qubits, "circuit": circuit},
    }


def test_nop_is_the_identity_and_free() -> None:
    gpi = {"gate": "gpi", "target": 0, "phase": 0.0}  # X up to a phase
    with_nop = [gpi, {"gate": "nop", "target": 1}, {"gate": "nop", "target": 0}]
    assert np.allclose(
        ideal_probabilities(with_nop, 2, "native"), ideal_probabilities([gpi], 2, "native")
    )
    assert count_gates(with_nop, "native") == (1, 0)
    assert circuit_problems(_native(with_nop)) == []


@pytest.mark.parametrize(
    ("gate", "key"),
    [
        ({"gate": "nop", "target": 2}, "input.circuit.0.target"),
        ({"gate": "nop", "targets": [0, 1]}, "input.circuit.0.targets"),
        ({"gate": "nop", "target": 0, "angle": 0.1}, "input.circuit.0.angle"),
    ],
)
def test_a_malformed_nop_is_refused(gate: dict[str, object], key: str) -> None:
    assert key in [where for where, _ in circuit_problems(_native([gate]))]
