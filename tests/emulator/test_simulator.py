"""Tests for the emulator's state-vector simulator.

References are built independently of the simulator: full 2**n matrices from
``np.kron`` (qubit 0 is the rightmost factor, matching IonQ's little-endian indices)
and matrix exponentials by eigendecomposition.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from ionq_emulator._simulator import (
    MAX_SIMULATED_QUBITS,
    NOISE_MODELS,
    NoiseParameters,
    SimulationError,
    apply_noise,
    count_gates,
    ideal_probabilities,
    probabilities_map,
    sample_counts,
    sample_shots,
    simulate_statevector,
)

Gate = dict[str, Any]

I2 = np.eye(2, dtype=complex)
X = np.array([[0, 1], [1, 0]], dtype=complex)
Y = np.array([[0, -1j], [1j, 0]])
Z = np.diag([1.0 + 0j, -1.0])
H = np.array([[1, 1], [1, -1]], dtype=complex) / math.sqrt(2)
S = np.diag([1, 1j])
T = np.diag([1, np.exp(1j * math.pi / 4)])
V = 0.5 * np.array([[1 + 1j, 1 - 1j], [1 - 1j, 1 + 1j]])
P1 = np.diag([0.0 + 0j, 1.0])
PAULI = {"I": I2, "X": X, "Y": Y, "Z": Z}


def pauli_sum(terms: list[np.ndarray]) -> np.ndarray:
    total = np.zeros_like(terms[0])
    for term in terms:
        total = total + term
    return total


def op_on(n: int, ops: dict[int, np.ndarray]) -> np.ndarray:
    """The n-qubit operator acting as ops[q] on qubit q (identity elsewhere)."""
    full = np.eye(1, dtype=complex)
    for q in reversed(range(n)):  # qubit n-1 is the leftmost (most significant) factor
        full = np.kron(full, ops.get(q, I2))
    return full


def controlled(n: int, controls: list[int], unitary: np.ndarray) -> np.ndarray:
    """Apply ``unitary`` (an n-qubit operator) only when every control is |1>."""
    projector = op_on(n, {c: P1 for c in controls})
    return np.eye(2**n) + projector @ (unitary - np.eye(2**n))


def expm_hermitian(generator: np.ndarray, t: float) -> np.ndarray:
    """exp(-i t G) for Hermitian G, by eigendecomposition (no scipy)."""
    w, vecs = np.linalg.eigh(generator)
    result: np.ndarray = vecs @ np.diag(np.exp(-1j * t * w)) @ vecs.conj().T
    return result


def sigma(phase_turns: float) -> np.ndarray:
    """cos(2 pi phi) X + sin(2 pi phi) Y: the axis IonQ's native gates rotate about."""
    return math.cos(2 * math.pi * phase_turns) * X + math.sin(2 * math.pi * phase_turns) * Y


def prep_circuit(n: int, seed: int) -> list[Gate]:
    """A circuit producing a generic entangled state, to test gates on."""
    rng = np.random.default_rng(seed)
    gates: list[Gate] = []
    for layer in range(2):
        for q in range(n):
            gates.append({"gate": "ry", "target": q, "rotation": float(rng.uniform(0, 6))})
            gates.append({"gate": "rz", "target": q, "rotation": float(rng.uniform(0, 6))})
        for q in range(n - 1):
            gates.append(
                {"gate": "cnot", "control": (q + layer) % n, "target": (q + layer + 1) % n}
            )
    return gates


def check_gate(gate: Gate, reference: np.ndarray, n: int = 3, gateset: str = "qis") -> None:
    """Applying ``gate`` to a generic state must equal the reference matrix, exactly."""
    prep = prep_circuit(n, seed=7)
    before = simulate_statevector(prep, n)
    assert np.linalg.norm(before) == pytest.approx(1.0)
    assert np.min(np.abs(before)) > 1e-3  # generic: no amplitude conveniently zero
    if gateset == "qis":
        after = simulate_statevector([*prep, gate], n)
    else:  # the native gateset cannot express the prep: compose with a native-only run
        unitary = np.column_stack(
            [simulate_statevector([*basis_prep(n, k), gate], n, "native") for k in range(2**n)]
        )
        after = unitary @ before
    np.testing.assert_allclose(after, reference @ before, atol=1e-10)


def basis_prep(n: int, index: int) -> list[Gate]:
    """Native gates preparing basis state |index> (gpi(0) is X)."""
    return [{"gate": "gpi", "target": q, "phase": 0} for q in range(n) if index >> q & 1]


def assert_equal_up_to_phase(actual: np.ndarray, expected: np.ndarray) -> None:
    overlap = np.vdot(expected, actual)
    assert abs(overlap) == pytest.approx(np.vdot(expected, expected).real, abs=1e-9)
    np.testing.assert_allclose(actual, expected * overlap / abs(overlap), atol=1e-10)


# --- results and bit order ------------------------------------------------------------


def test_bell_probabilities() -> None:
    bell = [{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}]
    result = probabilities_map(ideal_probabilities(bell, 2))
    assert result.keys() == {"0", "3"}
    assert result == pytest.approx({"0": 0.5, "3": 0.5})
    assert all(type(v) is float for v in result.values())


def test_ghz_ten_qubits() -> None:
    ghz: list[Gate] = [{"gate": "h", "target": 0}]
    ghz += [{"gate": "cnot", "control": q, "target": q + 1} for q in range(9)]
    assert probabilities_map(ideal_probabilities(ghz, 10)) == pytest.approx({"0": 0.5, "1023": 0.5})


def test_little_endian_keys() -> None:
    assert probabilities_map(ideal_probabilities([{"gate": "x", "target": 0}], 3)) == {"1": 1.0}
    assert probabilities_map(ideal_probabilities([{"gate": "x", "target": 2}], 3)) == {"4": 1.0}
    state = simulate_statevector([{"gate": "x", "targets": [0, 2]}], 3)
    assert state.dtype == np.complex128 and state.shape == (8,)
    np.testing.assert_allclose(state, np.eye(8)[5])


def test_probabilities_map_drops_rounding_noise() -> None:
    assert probabilities_map(np.array([0.5, 1e-15, 0.5, 0.0])) == {"0": 0.5, "2": 0.5}


@pytest.mark.parametrize("n", [3, 4])
@pytest.mark.parametrize("seed", [0, 1])
def test_qft_matches_numpy_dft(n: int, seed: int) -> None:
    """The textbook QFT (wire 0 = most significant = qubit n-1, final swaps included)
    maps |x> to sum_k exp(2 pi i x k / N) |k> / sqrt(N) in IonQ's little-endian order,
    which is numpy's inverse DFT times sqrt(N), up to global phase."""
    size = 2**n
    x = int(np.random.default_rng(seed).integers(1, size))
    wire = [n - 1 - w for w in range(n)]
    gates: list[Gate] = [{"gate": "x", "target": q} for q in range(n) if x >> q & 1]
    for w in range(n):
        gates.append({"gate": "h", "target": wire[w]})
        for m in range(w + 1, n):
            theta = math.pi / 2 ** (m - w)
            # controlled-phase(theta) = controlled-rz(theta) then rz(theta/2) on the
            # control, up to a global phase.
            gates.append(
                {"gate": "rz", "controls": [wire[m]], "target": wire[w], "rotation": theta}
            )
            gates.append({"gate": "rz", "target": wire[m], "rotation": theta / 2})
    for w in range(n // 2):
        gates.append({"gate": "swap", "targets": [wire[w], wire[n - 1 - w]]})
    expected = np.fft.ifft(np.eye(size)[x]) * math.sqrt(size)
    assert_equal_up_to_phase(simulate_statevector(gates, n), expected)


# --- QIS gates against textbook matrices -----------------------------------------------

ONE_QUBIT = {
    "x": X,
    "not": X,
    "y": Y,
    "z": Z,
    "h": H,
    "s": S,
    "si": S.conj().T,
    "t": T,
    "ti": T.conj().T,
    "v": V,
    "vi": V.conj().T,
}


def test_v_is_sqrt_x() -> None:
    np.testing.assert_allclose(V @ V, X, atol=1e-12)


@pytest.mark.parametrize("name", sorted(ONE_QUBIT))
@pytest.mark.parametrize("target", [0, 1, 2])
def test_fixed_one_qubit_gates(name: str, target: int) -> None:
    check_gate({"gate": name, "target": target}, op_on(3, {target: ONE_QUBIT[name]}))


@pytest.mark.parametrize("name", ["rx", "ry", "rz"])
@pytest.mark.parametrize("target", [0, 2])
def test_rotations_in_radians(name: str, target: int) -> None:
    theta = 0.731
    pauli = PAULI[name[1].upper()]
    rotation = math.cos(theta / 2) * I2 - 1j * math.sin(theta / 2) * pauli
    check_gate({"gate": name, "target": target, "rotation": theta}, op_on(3, {target: rotation}))


def test_single_qubit_gate_with_several_targets() -> None:
    check_gate({"gate": "h", "targets": [0, 1, 2]}, op_on(3, {0: H, 1: H, 2: H}))
    rx = expm_hermitian(X, 0.5)  # RX(1.0) = exp(-i 0.5 X)
    check_gate({"gate": "rx", "targets": [2, 0], "rotation": 1.0}, op_on(3, {0: rx, 2: rx}))


@pytest.mark.parametrize(
    ("gate", "controls", "target", "matrix"),
    [
        ({"gate": "cnot", "control": 0, "target": 2}, [0], 2, X),
        ({"gate": "cnot", "control": 2, "target": 0}, [2], 0, X),
        ({"gate": "x", "controls": [1], "target": 0}, [1], 0, X),
        ({"gate": "h", "control": 0, "target": 1}, [0], 1, H),
        ({"gate": "y", "control": 2, "target": 1}, [2], 1, Y),
        ({"gate": "s", "controls": [0, 2], "target": 1}, [0, 2], 1, S),
        (
            {"gate": "rz", "control": 1, "target": 0, "rotation": 0.4},
            [1],
            0,
            expm_hermitian(Z, 0.2),
        ),
        (
            {"gate": "rx", "controls": [2, 0], "target": 1, "rotation": -1.3},
            [2, 0],
            1,
            expm_hermitian(X, -0.65),
        ),
        ({"gate": "v", "control": 0, "target": 2}, [0], 2, V),
    ],
)
def test_controlled_gates(gate: Gate, controls: list[int], target: int, matrix: np.ndarray) -> None:
    check_gate(gate, controlled(3, controls, op_on(3, {target: matrix})))


def test_toffoli_truth_table() -> None:
    for index in range(8):
        prep = [{"gate": "x", "target": q} for q in range(3) if index >> q & 1]
        toffoli = {"gate": "x", "controls": [0, 1], "target": 2}
        expected = index ^ 4 if index & 3 == 3 else index
        assert probabilities_map(ideal_probabilities([*prep, toffoli], 3)) == {str(expected): 1.0}


@pytest.mark.parametrize("targets", [[0, 1], [2, 0], [1, 2]])
def test_swap(targets: list[int]) -> None:
    a, b = targets
    swap = pauli_sum([op_on(3, {a: p, b: p}) for p in (I2, X, Y, Z)]) / 2
    check_gate({"gate": "swap", "targets": targets}, swap)
    moved = ideal_probabilities(
        [{"gate": "x", "target": a}, {"gate": "swap", "targets": targets}], 3
    )
    assert probabilities_map(moved) == {str(1 << b): 1.0}


@pytest.mark.parametrize("name", ["xx", "yy", "zz"])
@pytest.mark.parametrize("targets", [[0, 1], [2, 0]])
def test_two_qubit_pauli_rotations(name: str, targets: list[int]) -> None:
    theta = 0.917
    pauli = PAULI[name[0].upper()]
    generator = op_on(3, {targets[0]: pauli, targets[1]: pauli})
    reference = expm_hermitian(generator, theta / 2)
    check_gate({"gate": name, "targets": targets, "rotation": theta}, reference)


def test_controlled_two_qubit_gates() -> None:
    swap = pauli_sum([op_on(3, {0: p, 2: p}) for p in (I2, X, Y, Z)]) / 2
    check_gate({"gate": "swap", "control": 1, "targets": [0, 2]}, controlled(3, [1], swap))
    zz = expm_hermitian(op_on(3, {1: Z, 2: Z}), 0.3)
    check_gate(
        {"gate": "zz", "control": 0, "targets": [2, 1], "rotation": 0.6}, controlled(3, [0], zz)
    )


@pytest.mark.parametrize(
    ("targets", "terms", "coefficients", "time"),
    [
        ([2, 0], ["XZ", "YY", "ZI"], [0.4, -1.1, 0.25], 0.8),
        ([0, 1, 2], ["XYZ", "ZZI", "IXI"], [1.0, 0.3, -0.7], 1.9),
        ([1], ["X", "Z"], [0.5, 0.5], 2.0),
        ([0, 2], ["ZI", "IZ"], [0.3, 1.2], 1.0),  # diagonal, asymmetric in its targets
    ],
)
def test_pauliexp(
    targets: list[int], terms: list[str], coefficients: list[float], time: float
) -> None:
    generator = pauli_sum(
        [
            c * op_on(3, {q: PAULI[ch] for q, ch in zip(targets, term, strict=True)})
            for term, c in zip(terms, coefficients, strict=True)
        ]
    )
    gate = {
        "gate": "pauliexp",
        "targets": targets,
        "terms": terms,
        "coefficients": coefficients,
        "time": time,
    }
    check_gate(gate, expm_hermitian(generator, time))


# --- native gates -------------------------------------------------------------------


def native_state(circuit: list[Gate], n: int = 2) -> np.ndarray:
    return simulate_statevector(circuit, n, "native")


@pytest.mark.parametrize("phase", [0.0, 0.125, 0.3, -0.71])
def test_gpi_and_gpi2_matrices(phase: float) -> None:
    check_gate(
        {"gate": "gpi", "target": 1, "phase": phase}, op_on(3, {1: sigma(phase)}), gateset="native"
    )
    gpi2 = (I2 - 1j * sigma(phase)) / math.sqrt(2)
    check_gate({"gate": "gpi2", "target": 2, "phase": phase}, op_on(3, {2: gpi2}), gateset="native")


@pytest.mark.parametrize("phase", [0.0, 0.2, 0.55])
def test_gpi_squared_is_identity(phase: float) -> None:
    gpi = {"gate": "gpi", "target": 0, "phase": phase}
    out = native_state([{"gate": "gpi2", "target": 0, "phase": 0.1}, gpi, gpi])
    np.testing.assert_allclose(
        out, native_state([{"gate": "gpi2", "target": 0, "phase": 0.1}]), atol=1e-12
    )


def test_two_gpi2_make_a_gpi() -> None:
    for start in range(4):
        prep = [*basis_prep(2, start), {"gate": "gpi2", "target": 1, "phase": 0.37}]
        twice = native_state([*prep, *[{"gate": "gpi2", "target": 0, "phase": 0}] * 2])
        once = native_state([*prep, {"gate": "gpi", "target": 0, "phase": 0}])
        assert_equal_up_to_phase(twice, once)


def test_ms_on_zero_state() -> None:
    out = native_state([{"gate": "ms", "targets": [0, 1], "phases": [0, 0], "angle": 0.25}])
    np.testing.assert_allclose(out, np.array([1, 0, 0, -1j]) / math.sqrt(2), atol=1e-12)
    default_angle = native_state([{"gate": "ms", "targets": [0, 1], "phases": [0, 0]}])
    np.testing.assert_allclose(default_angle, out, atol=1e-12)


def ms_literal(p0: float, p1: float, theta: float) -> np.ndarray:
    c, s = math.cos(math.pi * theta), math.sin(math.pi * theta)

    def e(turns: float) -> complex:
        return complex(np.exp(1j * 2 * math.pi * turns))

    return np.array(
        [
            [c, 0, 0, -1j * e(-(p0 + p1)) * s],
            [0, c, -1j * e(-(p0 - p1)) * s, 0],
            [0, -1j * e(p0 - p1) * s, c, 0],
            [-1j * e(p0 + p1) * s, 0, 0, c],
        ]
    )


@pytest.mark.parametrize(("p0", "p1", "theta"), [(0.1, 0.35, 0.25), (0.6, -0.2, 0.13)])
def test_ms_matrix_and_orientation(p0: float, p1: float, theta: float) -> None:
    gate = {"gate": "ms", "phases": [p0, p1], "angle": theta}
    # On 2 qubits, qubit 1 is the high bit: targets [1, 0] is the literal 4x4 matrix.
    unitary = np.column_stack(
        [native_state([*basis_prep(2, k), {**gate, "targets": [1, 0]}]) for k in range(4)]
    )
    np.testing.assert_allclose(unitary, ms_literal(p0, p1, theta), atol=1e-12)
    # And as exp(-i pi theta sigma(p0) sigma(p1)) on arbitrary qubits of a larger register.
    reference = expm_hermitian(op_on(3, {2: sigma(p0), 0: sigma(p1)}), math.pi * theta)
    check_gate({**gate, "targets": [2, 0]}, reference, gateset="native")


def test_ms_with_zero_angle_is_identity() -> None:
    for start in range(4):
        gate = {"gate": "ms", "targets": [0, 1], "phases": [0.3, 0.8], "angle": 0}
        np.testing.assert_allclose(
            native_state([*basis_prep(2, start), gate]), np.eye(4)[start], atol=1e-12
        )


def test_native_zz_is_diagonal() -> None:
    theta = 0.13
    unitary = np.column_stack(
        [
            native_state([*basis_prep(2, k), {"gate": "zz", "targets": [0, 1], "angle": theta}])
            for k in range(4)
        ]
    )
    phase = np.exp(1j * math.pi * theta)
    np.testing.assert_allclose(unitary, np.diag([1 / phase, phase, phase, 1 / phase]), atol=1e-12)


def test_nop_does_nothing() -> None:
    out = native_state(
        [{"gate": "gpi2", "target": 0, "phase": 0.2}, {"gate": "nop", "target": 1, "duration": 10}]
    )
    np.testing.assert_allclose(out, native_state([{"gate": "gpi2", "target": 0, "phase": 0.2}]))


# --- errors --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("circuit", "qubits", "gateset", "code"),
    [
        ([{"gate": "foo", "target": 0}], 2, "qis", "UnsupportedGate"),
        ([{"gate": "h", "target": 0}], 2, "native", "UnsupportedGate"),
        ([{"gate": "gpi", "target": 0, "phase": 0}], 2, "qis", "UnsupportedGate"),
        ([{"gate": "h", "target": 3}], 3, "qis", "NotEnoughQubits"),
        ([{"gate": "cnot", "control": 5, "target": 0}], 3, "qis", "NotEnoughQubits"),
        ([{"gate": "ms", "targets": [0, 4], "phases": [0, 0]}], 3, "native", "NotEnoughQubits"),
        ([], MAX_SIMULATED_QUBITS + 1, "qis", "NotEnoughQubits"),
        ([{"gate": "cnot", "control": 1, "target": 1}], 2, "qis", "InvalidInput"),
        ([{"gate": "x", "controls": [0, 0], "target": 1}], 2, "qis", "InvalidInput"),
        ([{"gate": "xx", "targets": [1, 1], "rotation": 0.1}], 2, "qis", "InvalidInput"),
        ([{"gate": "rx", "target": 0, "rotation": float("nan")}], 1, "qis", "InvalidInput"),
        ([{"gate": "rz", "target": 0, "rotation": float("inf")}], 1, "qis", "InvalidInput"),
        ([{"gate": "ry", "target": 0}], 1, "qis", "InvalidInput"),
        ([{"gate": "swap", "targets": [0]}], 2, "qis", "InvalidInput"),
        ([{"gate": "cnot", "target": 0}], 2, "qis", "InvalidInput"),
        ([{"gate": "h"}], 2, "qis", "InvalidInput"),
        ([{"gate": "gpi2", "target": 0, "phase": float("nan")}], 1, "native", "InvalidInput"),
        (
            [
                {
                    "gate": "pauliexp",
                    "targets": [0, 1],
                    "terms": ["X"],
                    "coefficients": [1.0],
                    "time": 1.0,
                }
            ],
            2,
            "qis",
            "InvalidInput",
        ),
    ],
)
def test_errors_carry_ionq_codes(circuit: list[Gate], qubits: int, gateset: str, code: str) -> None:
    with pytest.raises(SimulationError) as info:
        simulate_statevector(circuit, qubits, gateset)
    assert info.value.code == code
    assert isinstance(info.value, ValueError)


# --- sampling ------------------------------------------------------------------------

BELL = [{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}]


def test_sampling_is_reproducible() -> None:
    probs = ideal_probabilities(prep_circuit(4, seed=3), 4)
    assert sample_counts(probs, 1000, 42) == sample_counts(probs, 1000, 42)
    assert sample_shots(probs, 200, 42) == sample_shots(probs, 200, 42)
    assert sample_shots(probs, 200, 1) != sample_shots(probs, 200, 2)
    counts = sample_counts(probs, 1234, None)
    assert sum(counts.values()) == 1234 and all(v > 0 for v in counts.values())
    shots = sample_shots(probs, 321, None)
    assert len(shots) == 321 and all(0 <= int(s) < 16 for s in shots)


def test_bell_counts_within_five_sigma() -> None:
    counts = sample_counts(ideal_probabilities(BELL, 2), 10_000, 2024)
    assert counts.keys() == {"0", "3"}
    assert sum(counts.values()) == 10_000
    assert abs(counts["0"] - 5000) < 5 * 50
    assert set(sample_shots(ideal_probabilities(BELL, 2), 500, 5)) == {"0", "3"}


# --- noise --------------------------------------------------------------------------


def test_noise_models_exclude_ideal() -> None:
    assert {"harmony", "aria-1", "aria-2", "forte-1", "forte-enterprise-1"} <= set(NOISE_MODELS)
    assert "ideal" not in NOISE_MODELS


def test_noise_spreads_probability_and_keeps_the_sum() -> None:
    ideal = ideal_probabilities(BELL, 2)
    one, multi = count_gates(BELL, "qis")
    noisy = apply_noise(
        ideal, one_qubit_gates=one, two_qubit_gates=multi, qubits=2, model=NOISE_MODELS["aria-1"]
    )
    assert noisy.sum() == pytest.approx(1.0, abs=1e-12)
    assert noisy[1] > 0 and noisy[2] > 0
    assert noisy[0] < 0.5 and noisy[3] < 0.5


def test_perfect_noise_model_is_identity() -> None:
    probs = ideal_probabilities(prep_circuit(3, seed=1), 3)
    same = apply_noise(
        probs,
        one_qubit_gates=50,
        two_qubit_gates=20,
        qubits=3,
        model=NoiseParameters(1.0, 1.0, 0.0),
    )
    np.testing.assert_allclose(same, probs, atol=1e-15)


def test_noise_formula() -> None:
    model = NoiseParameters(1.0, 0.9, 0.0)
    depolarized = apply_noise(
        np.array([1.0, 0, 0, 0]), one_qubit_gates=3, two_qubit_gates=2, qubits=2, model=model
    )
    f = 0.9**2
    np.testing.assert_allclose(depolarized, f * np.array([1.0, 0, 0, 0]) + (1 - f) / 4)
    # Readout flips are independent per qubit: |01> (qubit 0 set) with e = 0.1.
    readout = apply_noise(
        np.array([0.0, 1, 0, 0]),
        one_qubit_gates=0,
        two_qubit_gates=0,
        qubits=2,
        model=NoiseParameters(1.0, 1.0, 0.1),
    )
    np.testing.assert_allclose(readout, [0.9 * 0.1, 0.9 * 0.9, 0.1 * 0.1, 0.1 * 0.9])


def test_count_gates() -> None:
    qis: list[Gate] = [
        {"gate": "h", "targets": [0, 1, 2]},
        {"gate": "cnot", "control": 0, "target": 1},
        {"gate": "rz", "controls": [0, 1], "target": 2, "rotation": 0.1},
        {"gate": "xx", "targets": [0, 1], "rotation": 0.2},
        {"gate": "rx", "target": 1, "rotation": 0.3},
    ]
    assert count_gates(qis, "qis") == (4, 3)
    native: list[Gate] = [
        {"gate": "gpi", "target": 0, "phase": 0},
        {"gate": "gpi2", "target": 1, "phase": 0},
        {"gate": "ms", "targets": [0, 1], "phases": [0, 0]},
        {"gate": "zz", "targets": [0, 1], "angle": 0.1},
        {"gate": "nop", "target": 0},
    ]
    assert count_gates(native, "native") == (2, 2)


def test_twenty_qubits_five_hundred_gates_completes() -> None:
    """Size the emulator promises; its time is recorded by bench/run.py, not asserted here."""
    rng = np.random.default_rng(20)
    circuit: list[dict[str, object]] = []
    for _ in range(500):
        a, b = (int(q) for q in rng.choice(20, size=2, replace=False))
        kind = ("h", "rx", "cnot", "zz")[int(rng.integers(4))]
        if kind == "h":
            circuit.append({"gate": "h", "targets": [a]})
        elif kind == "rx":
            circuit.append({"gate": "rx", "targets": [a], "rotation": float(rng.uniform(0, 6))})
        elif kind == "cnot":
            circuit.append({"gate": "cnot", "controls": [a], "targets": [b]})
        else:
            circuit.append({"gate": "zz", "targets": [a, b], "rotation": float(rng.uniform(0, 6))})
    probs = ideal_probabilities(circuit, 20, "qis")
    assert probs.shape == (2**20,)
    assert probs.sum() == pytest.approx(1.0, abs=1e-9)


def reference_apply(state: np.ndarray, n: int, unitary: np.ndarray, qubits: list[int]) -> None:
    """Apply ``unitary`` (qubits[0] its most significant bit) by tensordot on the whole
    state: no pieces, no fusion, nothing shared with the simulator's code path."""
    k = len(qubits)
    tensor = state.reshape((2,) * n)
    axes = [n - 1 - q for q in qubits]  # axis 0 is qubit n-1
    moved = np.tensordot(unitary.reshape((2,) * (2 * k)), tensor, axes=(range(k, 2 * k), axes))
    state[...] = np.moveaxis(moved, range(k), axes).reshape(-1)


@pytest.mark.parametrize("n", [15, 16])
def test_large_states_match_a_gate_by_gate_reference(n: int) -> None:
    """Above 2**14 amplitudes a gate is applied a piece at a time and runs of one-qubit
    gates are multiplied together; the result must equal gate-by-gate application."""
    rng = np.random.default_rng(n)
    circuit: list[Gate] = []
    expected = np.zeros(2**n, dtype=complex)
    expected[0] = 1
    for _ in range(120):
        a, b, c = (int(q) for q in rng.choice(n, size=3, replace=False))
        kind = ("h", "rx", "rz", "y", "cnot", "zz", "swap", "crx", "ccx")[int(rng.integers(9))]
        theta = float(rng.uniform(0, 6))
        if kind in ("h", "y"):
            circuit.append({"gate": kind, "target": a})
            reference_apply(expected, n, {"h": H, "y": Y}[kind], [a])
        elif kind in ("rx", "rz"):
            circuit.append({"gate": kind, "target": a, "rotation": theta})
            pauli = X if kind == "rx" else Z
            reference_apply(expected, n, expm_hermitian(pauli, theta / 2), [a])
        elif kind == "cnot":
            circuit.append({"gate": "cnot", "control": a, "target": b})
            reference_apply(expected, n, controlled(2, [1], np.kron(I2, X)), [a, b])
        elif kind == "zz":
            circuit.append({"gate": "zz", "targets": [a, b], "rotation": theta})
            reference_apply(expected, n, expm_hermitian(np.kron(Z, Z), theta / 2), [a, b])
        elif kind == "swap":
            circuit.append({"gate": "swap", "targets": [a, b]})
            swap = np.eye(4)[[0, 2, 1, 3]].astype(complex)
            reference_apply(expected, n, swap, [a, b])
        elif kind == "crx":
            circuit.append({"gate": "rx", "control": a, "target": b, "rotation": theta})
            rx = np.kron(I2, expm_hermitian(X, theta / 2))
            reference_apply(expected, n, controlled(2, [1], rx), [a, b])
        else:
            circuit.append({"gate": "x", "controls": [a, b], "target": c})
            reference_apply(expected, n, controlled(3, [2, 1], np.kron(np.eye(4), X)), [a, b, c])
    np.testing.assert_allclose(simulate_statevector(circuit, n), expected, atol=1e-10)
