"""Qiskit circuits run on the emulator's ideal simulator give Qiskit's own
probabilities (``Statevector``) to 1e-9: an independent check of every gate mapping,
since the emulator computes IonQ's gates from their definitions, not from Qiskit."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister, qasm2, qasm3, transpile
from qiskit.circuit.library import HGate, PauliEvolutionGate, RYGate, U2Gate
from qiskit.circuit.random import random_circuit
from qiskit.quantum_info import SparsePauliOp, Statevector

from ionq_client import Circuit, IonQJob, IonQValidationError, MultiResult, Result
from ionq_emulator import RunningEmulator
from tests.support.drivers import Driver

Connect = Callable[..., Driver]
TOLERANCE = 1e-9


def expected(qc: QuantumCircuit) -> dict[int, float]:
    """Qiskit's probabilities by state integer (qubit 0 least significant, as IonQ's)."""
    unitary = qc.remove_final_measurements(inplace=False)
    return {int(bits, 2): p for bits, p in Statevector(unitary).probabilities_dict().items()}


def assert_close(got: Mapping[int, float], want: Mapping[int, float]) -> None:
    for state in set(got) | set(want):
        assert abs(got.get(state, 0.0) - want.get(state, 0.0)) <= TOLERANCE, state


def random_layer(qc: QuantumCircuit, rng: random.Random) -> None:
    """A random u on every qubit, so phases a wrong mapping would get wrong show up
    in the probabilities (h, s, h and h, sdg, h have the same ones)."""
    for q in range(qc.num_qubits):
        qc.u(rng.uniform(0, math.pi), rng.uniform(0, 2 * math.pi), rng.uniform(0, 2 * math.pi), q)


# Every gate the converter maps, each between two random layers.
GATES: list[tuple[str, Callable[[QuantumCircuit], Any]]] = [
    ("x", lambda qc: qc.x(1)),
    ("y", lambda qc: qc.y(1)),
    ("z", lambda qc: qc.z(1)),
    ("h", lambda qc: qc.h(1)),
    ("s", lambda qc: qc.s(1)),
    ("sdg", lambda qc: qc.sdg(1)),
    ("t", lambda qc: qc.t(1)),
    ("tdg", lambda qc: qc.tdg(1)),
    ("sx", lambda qc: qc.sx(1)),
    ("sxdg", lambda qc: qc.sxdg(1)),
    ("rx", lambda qc: qc.rx(0.7, 1)),
    ("ry", lambda qc: qc.ry(0.7, 1)),
    ("rz", lambda qc: qc.rz(0.7, 1)),
    ("p", lambda qc: qc.p(0.7, 1)),
    ("u", lambda qc: qc.u(0.3, 0.5, 0.7, 1)),
    ("u2", lambda qc: qc.append(U2Gate(0.5, 0.7), [1])),
    ("cx", lambda qc: qc.cx(2, 0)),
    ("cy", lambda qc: qc.cy(0, 2)),
    ("cz", lambda qc: qc.cz(0, 2)),
    ("ch", lambda qc: qc.ch(0, 2)),
    ("cs", lambda qc: qc.cs(0, 2)),
    ("csdg", lambda qc: qc.csdg(0, 2)),
    ("csx", lambda qc: qc.csx(0, 2)),
    ("crx", lambda qc: qc.crx(0.7, 2, 1)),
    ("cry", lambda qc: qc.cry(0.7, 2, 1)),
    ("crz", lambda qc: qc.crz(0.7, 2, 1)),
    ("ccx", lambda qc: qc.ccx(0, 3, 1)),
    ("mcx", lambda qc: qc.mcx([0, 1, 3], 2)),
    ("cch", lambda qc: qc.append(HGate().control(2, annotated=False), [3, 0, 1])),
    ("ccry", lambda qc: qc.append(RYGate(0.7).control(2, annotated=True), [3, 0, 1])),
    ("swap", lambda qc: qc.swap(0, 3)),
    ("cswap", lambda qc: qc.cswap(1, 0, 3)),
    ("rxx", lambda qc: qc.rxx(0.7, 0, 2)),
    ("ryy", lambda qc: qc.ryy(0.7, 0, 2)),
    ("rzz", lambda qc: qc.rzz(0.7, 0, 2)),
    (
        "PauliEvolution",  # XZ and YY commute, so Qiskit's Statevector is exact
        lambda qc: qc.append(
            PauliEvolutionGate(SparsePauliOp(["XZ", "YY"], [0.5, -0.25]), time=0.9), [3, 1]
        ),
    ),
]


@pytest.mark.parametrize("build", [g[1] for g in GATES], ids=[g[0] for g in GATES])
def test_every_mapped_gate_matches_qiskit(
    emulator: RunningEmulator, connect: Connect, build: Callable[[QuantumCircuit], Any]
) -> None:
    rng = random.Random(7)
    qc = QuantumCircuit(4)
    random_layer(qc, rng)
    build(qc)
    random_layer(qc, rng)
    result = connect(emulator).run(IonQJob(circuit=qc, shots=100))
    assert isinstance(result, Result)
    assert_close(result.probabilities, expected(qc))


@pytest.mark.parametrize("seed", range(16))
def test_random_qiskit_circuits_match_statevector(
    emulator: RunningEmulator, connect: Connect, seed: int
) -> None:
    # Qiskit's own generator, onto the gates the converter maps; measure=True adds the
    # final measurement of every qubit, which becomes IonQ's default.
    qubits = 1 + seed % 6
    raw = random_circuit(qubits, 8, max_operands=3, measure=True, seed=seed)
    basis = ["rx", "ry", "rz", "h", "cx", "ccx", "cswap", "rzz", "u"]
    # Level 1 keeps the qubits in place; level 2 may drop a final swap by permuting the
    # measurements, which makes registers (see the multi-circuit test below).
    qc = transpile(raw, basis_gates=basis, optimization_level=1, seed_transpiler=seed)
    assert Circuit.from_qiskit(qc).registers == {}
    result = connect(emulator).run(IonQJob(circuit=qc, shots=100))
    assert isinstance(result, Result)
    assert_close(result.probabilities, expected(qc))


def test_registers_from_partial_measurement_run_as_a_multi_circuit_job(
    emulator: RunningEmulator, connect: Connect
) -> None:
    q = QuantumRegister(3, "q")
    c = ClassicalRegister(2, "c")
    qc = QuantumCircuit(q, c)
    qc.h(0)
    qc.cx(0, 2)
    qc.x(1)
    qc.measure([2, 0], c)
    assert Circuit.from_qiskit(qc).registers == {"c": [2, 0]}
    result = connect(emulator).run(IonQJob(circuits=[qc], shots=100))
    assert isinstance(result, MultiResult) and len(result) == 1
    (only,) = result.values()
    assert_close(only.probabilities, expected(qc))


QASM3 = """OPENQASM 3.0;
include "stdgates.inc";
qubit[3] q;
bit[3] c;
h q[0];
crx(pi/3) q[0], q[1];
U(0.3, 0.2, 0.1) q[2];
ccx q[0], q[2], q[1];
c = measure q;
"""
QASM2_NEEDS_TRANSPILE = """OPENQASM 2.0;
include "qelib1.inc";
qreg q[3];
creg c[3];
h q[0];
cu1(pi/2) q[0], q[1];
u3(0.3, 0.2, 0.1) q[2];
ccx q[0], q[2], q[1];
measure q -> c;
"""


def test_qasm_runs_like_the_circuit_it_describes(
    emulator: RunningEmulator, connect: Connect
) -> None:
    client = connect(emulator)
    result = client.run(IonQJob(circuit=Circuit.from_qasm(QASM3), shots=100))
    assert isinstance(result, Result)
    assert_close(result.probabilities, expected(qasm3.loads(QASM3)))
    # cu1 is not mapped: the error says to transpile, and the transpiled circuit runs.
    with pytest.raises(IonQValidationError, match="transpile"):
        Circuit.from_qasm(QASM2_NEEDS_TRANSPILE)
    qc = qasm2.loads(QASM2_NEEDS_TRANSPILE)
    lowered = transpile(qc, basis_gates=["rx", "ry", "rz", "cx"])
    result = client.run(IonQJob(circuit=lowered, shots=100))
    assert isinstance(result, Result)
    assert_close(result.probabilities, expected(qc))
