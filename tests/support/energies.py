"""The expected energy of one two-qubit ansatz, computed with dense NumPy matrices,
independently of the emulator's simulator and of the client: the reference the
quantum-function tests of both rooms check against."""

from __future__ import annotations

import math
from functools import reduce

import numpy as np

#: ry(theta) on q0, CNOT 0->1, rx(phi) on q1.
ANSATZ = """OPENQASM 3.0;
include "stdgates.inc";
input float[64] theta;
input float[64] phi;
qubit[2] q;
ry(theta) q[0];
cx q[0], q[1];
rx(phi) q[1];
"""

PAULI = {
    "I": np.eye(2),
    "X": np.array([[0, 1], [1, 0]], dtype=complex),
    "Y": np.array([[0, -1j], [1j, 0]]),
    "Z": np.diag([1.0, -1.0]).astype(complex),
}


def ansatz_state(theta: float, phi: float) -> np.ndarray:
    """|psi> of :data:`ANSATZ`; kron order puts qubit 1 first, so index bit k is qubit k."""
    c, s = math.cos(theta / 2), math.sin(theta / 2)
    ry = np.array([[c, -s], [s, c]], dtype=complex)
    c, s = math.cos(phi / 2), math.sin(phi / 2)
    rx = np.array([[c, -1j * s], [-1j * s, c]])
    state = np.zeros(4, dtype=complex)
    state[0] = 1
    state = np.kron(np.eye(2), ry) @ state
    cnot = np.eye(4)[[0, 3, 2, 1]]  # control q0 (bit 0), target q1 (bit 1)
    return np.kron(rx, np.eye(2)) @ (cnot @ state)


def energy(terms: list[tuple[float, str]], state: np.ndarray) -> float:
    """sum of coefficient * <state|P|state>, each P a dense string in Qiskit's order
    (the first letter acts on the highest qubit)."""
    total = 0.0
    for coefficient, letters in terms:
        matrix = reduce(np.kron, [PAULI[p] for p in letters])
        total += coefficient * float(np.vdot(state, matrix @ state).real)
    return total
