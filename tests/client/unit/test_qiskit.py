"""Qiskit and OpenQASM in and out (``ionq_client._qiskit``): the exact IonQ gates each
Qiskit gate becomes, unitaries kept through round trips, final measurements as
registers, and every instruction IonQ cannot run refused by its place in ``qc.data``
before anything is sent. The emulator runs converted circuits in
``tests/client/e2e/test_qiskit_emulator.py``."""

from __future__ import annotations

import math
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from qiskit import ClassicalRegister, QuantumCircuit, QuantumRegister, qasm2, qasm3, transpile
from qiskit.circuit import Parameter
from qiskit.circuit.library import (
    ECRGate,
    HGate,
    PauliEvolutionGate,
    RYGate,
    U2Gate,
    UnitaryGate,
    XGate,
)
from qiskit.circuit.random import random_circuit
from qiskit.quantum_info import Operator, SparsePauliOp

from ionq_client import Circuit, IonQClient, IonQJob, IonQValidationError
from ionq_client._qiskit import SUPPORTED_BASIS

KEY = "test-key-123"


def random_supported(qubits: int, depth: int, seed: int) -> QuantumCircuit:
    """Qiskit's own random circuit, transpiled onto the gates we convert."""
    qc = random_circuit(qubits, depth, max_operands=3, measure=True, seed=seed)
    return transpile(qc, basis_gates=list(SUPPORTED_BASIS), optimization_level=0)


def unitary_part(qc: QuantumCircuit) -> QuantumCircuit:
    return qc.remove_final_measurements(inplace=False)


# --------------------------------------------------------------------------- gates


def _gate(build: Callable[[QuantumCircuit], Any], qubits: int = 4) -> list[dict[str, Any]]:
    qc = QuantumCircuit(qubits)
    build(qc)
    return list(Circuit.from_qiskit(qc))


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda qc: qc.x(1), [{"gate": "x", "targets": [1]}]),
        (lambda qc: qc.y(1), [{"gate": "y", "targets": [1]}]),
        (lambda qc: qc.z(1), [{"gate": "z", "targets": [1]}]),
        (lambda qc: qc.h(1), [{"gate": "h", "targets": [1]}]),
        (lambda qc: qc.s(1), [{"gate": "s", "targets": [1]}]),
        (lambda qc: qc.sdg(1), [{"gate": "si", "targets": [1]}]),
        (lambda qc: qc.t(1), [{"gate": "t", "targets": [1]}]),
        (lambda qc: qc.tdg(1), [{"gate": "ti", "targets": [1]}]),
        (lambda qc: qc.sx(1), [{"gate": "v", "targets": [1]}]),
        (lambda qc: qc.sxdg(1), [{"gate": "vi", "targets": [1]}]),
        (lambda qc: qc.rx(0.5, 1), [{"gate": "rx", "targets": [1], "rotation": 0.5}]),
        (lambda qc: qc.ry(0.5, 1), [{"gate": "ry", "targets": [1], "rotation": 0.5}]),
        (lambda qc: qc.rz(0.5, 1), [{"gate": "rz", "targets": [1], "rotation": 0.5}]),
        (lambda qc: qc.p(0.5, 1), [{"gate": "rz", "targets": [1], "rotation": 0.5}]),
        (lambda qc: qc.cx(2, 0), [{"gate": "cnot", "controls": [2], "targets": [0]}]),
        (lambda qc: qc.ccx(3, 1, 0), [{"gate": "cnot", "controls": [3, 1], "targets": [0]}]),
        (
            lambda qc: qc.mcx([0, 1, 2], 3),
            [{"gate": "cnot", "controls": [0, 1, 2], "targets": [3]}],
        ),
        (lambda qc: qc.cy(0, 1), [{"gate": "y", "controls": [0], "targets": [1]}]),
        (lambda qc: qc.cz(0, 1), [{"gate": "z", "controls": [0], "targets": [1]}]),
        (lambda qc: qc.ch(0, 1), [{"gate": "h", "controls": [0], "targets": [1]}]),
        (lambda qc: qc.cs(0, 1), [{"gate": "s", "controls": [0], "targets": [1]}]),
        (lambda qc: qc.csx(0, 1), [{"gate": "v", "controls": [0], "targets": [1]}]),
        (
            lambda qc: qc.crz(0.25, 0, 1),
            [{"gate": "rz", "controls": [0], "targets": [1], "rotation": 0.25}],
        ),
        (
            lambda qc: qc.append(RYGate(0.25).control(2, annotated=False), [3, 0, 2]),
            [{"gate": "ry", "controls": [3, 0], "targets": [2], "rotation": 0.25}],
        ),
        (
            lambda qc: qc.append(HGate().control(3, annotated=False), [0, 1, 2, 3]),
            [{"gate": "h", "controls": [0, 1, 2], "targets": [3]}],
        ),
        (  # Qiskit 3's default form of a controlled gate
            lambda qc: qc.append(RYGate(0.25).control(2, annotated=True), [3, 0, 2]),
            [{"gate": "ry", "controls": [3, 0], "targets": [2], "rotation": 0.25}],
        ),
        (lambda qc: qc.swap(0, 3), [{"gate": "swap", "targets": [0, 3]}]),
        (lambda qc: qc.cswap(2, 0, 3), [{"gate": "swap", "controls": [2], "targets": [0, 3]}]),
        (lambda qc: qc.rxx(0.5, 0, 1), [{"gate": "xx", "targets": [0, 1], "rotation": 0.5}]),
        (lambda qc: qc.ryy(0.5, 0, 1), [{"gate": "yy", "targets": [0, 1], "rotation": 0.5}]),
        (lambda qc: qc.rzz(0.5, 0, 1), [{"gate": "zz", "targets": [0, 1], "rotation": 0.5}]),
        (
            lambda qc: qc.u(0.1, 0.2, 0.3, 2),
            [
                {"gate": "rz", "targets": [2], "rotation": 0.3},
                {"gate": "ry", "targets": [2], "rotation": 0.1},
                {"gate": "rz", "targets": [2], "rotation": 0.2},
            ],
        ),
        (lambda qc: (qc.id(0), qc.barrier(), qc.delay(100, 1)), []),
    ],
)
def test_each_qiskit_gate_becomes_the_ionq_gate_with_the_same_matrix(
    build: Callable[[QuantumCircuit], Any], expected: list[dict[str, Any]]
) -> None:
    assert _gate(build) == expected
    qc = QuantumCircuit(4)
    build(qc)
    # Globally equivalent, and for a controlled gate the base matrices agree exactly.
    assert Operator(Circuit.from_qiskit(qc).to_qiskit()).equiv(Operator(qc))


def test_u2_is_u_with_theta_half_pi() -> None:
    assert _gate(lambda qc: qc.append(U2Gate(0.2, 0.3), [0]), 1) == [
        {"gate": "rz", "targets": [0], "rotation": 0.3},
        {"gate": "ry", "targets": [0], "rotation": math.pi / 2},
        {"gate": "rz", "targets": [0], "rotation": 0.2},
    ]


def test_bound_parameters_are_numbers_on_the_wire() -> None:
    theta = Parameter("θ")
    qc = QuantumCircuit(1)
    qc.rx(theta * 2, 0)
    assert list(Circuit.from_qiskit(qc.assign_parameters({theta: 0.25}))) == [
        {"gate": "rx", "targets": [0], "rotation": 0.5}
    ]


def test_a_pauli_evolution_becomes_pauliexp_with_ionqs_term_order() -> None:
    # Qiskit's label "XZ" puts Z on the first qubit given; IonQ's term character j
    # acts on targets[j], so the same operator reads "ZX" over targets [2, 0].
    qc = QuantumCircuit(3)
    qc.append(PauliEvolutionGate(SparsePauliOp(["XZ", "YY"], [0.5, -0.25]), time=0.3), [2, 0])
    assert list(Circuit.from_qiskit(qc)) == [
        {
            "gate": "pauliexp",
            "targets": [2, 0],
            "terms": ["ZX", "YY"],
            "coefficients": [0.5, -0.25],
            "time": 0.3,
        }
    ]
    # XZ and YY commute, so Qiskit's synthesis is exact and the operators can be compared.
    assert Operator(Circuit.from_qiskit(qc).to_qiskit()).equiv(Operator(qc))


def test_a_user_defined_gate_is_expanded_by_its_definition() -> None:
    inner = QuantumCircuit(2, name="bell_pair")
    inner.h(0)
    inner.cx(0, 1)
    qc = QuantumCircuit(3)
    qc.append(inner.to_gate(), [2, 1])
    assert list(Circuit.from_qiskit(qc)) == [
        {"gate": "h", "targets": [2]},
        {"gate": "cnot", "controls": [2], "targets": [1]},
    ]


@pytest.mark.parametrize("seed", range(12))
def test_random_circuits_keep_their_unitary_through_a_round_trip(seed: int) -> None:
    qc = random_supported(1 + seed % 5, 6, seed)
    back = Circuit.from_qiskit(qc).to_qiskit()
    assert Operator(back).equiv(Operator(unitary_part(qc)))


def test_to_qiskit_maps_every_ionq_gate_back() -> None:
    circuit = (
        Circuit(3)
        .h(0).x(1).y(2).z(0).s(1).si(2).t(0).ti(1).v(2).vi(0)
        .add("not", targets=[1])
        .rx(0, 0.1).ry(1, 0.2).rz(2, 0.3, controls=[0])
        .cx(0, 1).ccx(0, 1, 2).swap(0, 2, controls=[1])
        .xx(0, 1, 0.4).yy(1, 2, 0.5).zz(0, 2, 0.6)
        .pauliexp([0, 1], ["XX", "ZZ"], [0.5, 0.25], 0.7)
    )  # fmt: skip
    qc = circuit.to_qiskit()
    names = [instruction.operation.name for instruction in qc.data]
    assert names == [
        "h", "x", "y", "z", "s", "sdg", "t", "tdg", "sx", "sxdg", "x",
        "rx", "ry", "crz", "cx", "ccx", "cswap", "rxx", "ryy", "rzz", "PauliEvolution",
    ]  # fmt: skip
    # And back: every gate again, except "not", which Qiskit calls x.
    wire = list(circuit)
    wire[10] = {"gate": "x", "targets": [1]}
    assert list(Circuit.from_qiskit(qc)) == wire


# --------------------------------------------------------------------- measurements


def test_measuring_every_qubit_in_order_needs_no_registers() -> None:
    qc = QuantumCircuit(3)
    qc.h(0)
    qc.measure_all()
    circuit = Circuit.from_qiskit(qc)
    assert circuit.registers == {}
    assert IonQJob(circuit=qc).to_payload()["input"] == {
        "qubits": 3,
        "gateset": "qis",
        "circuit": [{"gate": "h", "targets": [0]}],
    }


def test_no_measurement_means_ionqs_default_every_qubit() -> None:
    qc = QuantumCircuit(2)
    qc.h(0)
    assert Circuit.from_qiskit(qc).registers == {}


def test_partial_or_permuted_measurements_become_registers() -> None:
    q = QuantumRegister(3, "q")
    low, high = ClassicalRegister(2, "low"), ClassicalRegister(1, "high")
    qc = QuantumCircuit(q, low, high)
    qc.h(0)
    qc.measure(q[2], low[0])
    qc.measure(q[0], low[1])
    qc.measure(q[1], high[0])
    assert Circuit.from_qiskit(qc).registers == {"low": [2, 0], "high": [1]}
    # IonQ takes registers in multi-circuit jobs only: the single form says so...
    with pytest.raises(IonQValidationError) as raised:
        IonQJob(circuit=qc).to_payload()
    assert raised.value.field == "registers" and "circuits=" in raised.value.problem
    # ...and the multi-circuit form sends them.
    entry = IonQJob(circuits=[qc]).to_payload()["input"]["circuits"][0]
    assert entry["registers"] == {"low": [2, 0], "high": [1]}


def test_registers_come_back_as_measurements() -> None:
    qc = QuantumCircuit(QuantumRegister(3, "q"), ClassicalRegister(2, "c"))
    qc.x(2)
    qc.measure([2, 0], [0, 1])
    circuit = Circuit.from_qiskit(qc)
    back = circuit.to_qiskit(measure=True)
    assert [creg.name for creg in back.cregs] == ["c"]
    assert Circuit.from_qiskit(back) == circuit
    plain = Circuit.from_qiskit(QuantumCircuit(2)).to_qiskit(measure=True)
    assert [(c.name, c.size) for c in plain.cregs] == [("meas", 2)]
    assert Circuit.from_qiskit(QuantumCircuit(2)).to_qiskit().num_clbits == 0


# ------------------------------------------------------------------------ refusals


def _mid_circuit_measure() -> QuantumCircuit:
    qc = QuantumCircuit(2, 2)
    qc.h(0)
    qc.measure(0, 0)
    qc.x(0)
    return qc


def _if_test() -> QuantumCircuit:
    qc = QuantumCircuit(2, 1)
    qc.h(0)
    with qc.if_test((qc.clbits[0], 1)):
        qc.x(1)
    return qc


def _while_loop() -> QuantumCircuit:
    qc = QuantumCircuit(1, 1)
    with qc.while_loop((qc.clbits[0], 0)):
        qc.h(0)
    return qc


def _for_loop() -> QuantumCircuit:
    qc = QuantumCircuit(1)
    with qc.for_loop(range(2)):
        qc.h(0)
    return qc


def _reset() -> QuantumCircuit:
    qc = QuantumCircuit(2)
    qc.h(1)
    qc.reset(0)
    return qc


def _unsupported(gate: Any, qubits: list[int]) -> Callable[[], QuantumCircuit]:
    def build() -> QuantumCircuit:
        qc = QuantumCircuit(3)
        qc.h(0)
        qc.append(gate, qubits)
        return qc

    return build


def _cp() -> QuantumCircuit:
    qc = QuantumCircuit(2)
    qc.h(0)
    qc.cp(0.3, 0, 1)  # a controlled phase is not a controlled rz
    return qc


def _unbound() -> QuantumCircuit:
    qc = QuantumCircuit(1)
    qc.h(0)
    qc.rz(Parameter("theta"), 0)
    return qc


def _measure_twice() -> QuantumCircuit:
    qc = QuantumCircuit(1, 2)
    qc.h(0)
    qc.measure(0, 0)
    qc.measure(0, 1)
    return qc


REFUSED = [
    ("mid-circuit measurement", _mid_circuit_measure, "'x' on qubit 0 comes after qubit 0"),
    ("measured twice", _measure_twice, "'measure' on qubit 0 comes after qubit 0"),
    ("if_test", _if_test, "'if_else' is classical control flow"),
    ("while_loop", _while_loop, "'while_loop' is classical control flow"),
    ("for_loop", _for_loop, "'for_loop' is classical control flow"),
    ("reset", _reset, "'reset' on qubit 0"),
    ("ecr", _unsupported(ECRGate(), [0, 1]), "'ecr' on qubits 0, 1 has no IonQ"),
    ("unitary", _unsupported(UnitaryGate([[0, 1], [1, 0]]), [2]), "'unitary' on qubit 2"),
    ("cp", _cp, "'cp' on qubits 0, 1 has no IonQ"),
    (
        "open control",
        _unsupported(XGate().control(2, ctrl_state=1, annotated=False), [0, 1, 2]),
        "open control",
    ),
    (
        "open annotated control",
        _unsupported(HGate().control(1, ctrl_state=0, annotated=True), [0, 1]),
        "open control",
    ),
    ("unbound parameter", _unbound, "unbound parameter(s) theta"),
]


@pytest.mark.parametrize(("kind", "build", "says"), REFUSED, ids=[r[0] for r in REFUSED])
def test_what_ionq_cannot_run_is_refused_naming_the_instruction(
    kind: str, build: Callable[[], QuantumCircuit], says: str
) -> None:
    qc = build()
    index = len(qc.data) - 1  # every example puts the refused instruction last
    with pytest.raises(IonQValidationError) as raised:
        Circuit.from_qiskit(qc)
    assert raised.value.field == f"data[{index}]"
    assert says in raised.value.problem
    with pytest.raises(IonQValidationError) as job:
        IonQJob(circuits=[QuantumCircuit(1), qc])
    assert job.value.field == f"circuits[1].data[{index}]"


@pytest.mark.parametrize(("kind", "build", "says"), REFUSED, ids=[r[0] for r in REFUSED])
def test_refusals_happen_before_anything_is_sent(
    kind: str, build: Callable[[], QuantumCircuit], says: str
) -> None:
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(500))
    with httpx.Client(transport=transport) as http:
        client = IonQClient(token=KEY, url="http://127.0.0.1:9/v0.4", http_client=http)
        with pytest.raises(IonQValidationError) as raised:
            client.submit_job(IonQJob(circuit=build()))
    assert raised.value.field.startswith("circuit.data[") and says in raised.value.problem
    assert sent == []


def test_a_registers_only_job_is_refused_before_anything_is_sent() -> None:
    qc = QuantumCircuit(2, 1)
    qc.measure(1, 0)
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(500))
    with httpx.Client(transport=transport) as http:
        client = IonQClient(token=KEY, url="http://127.0.0.1:9/v0.4", http_client=http)
        with pytest.raises(IonQValidationError, match="registers"):
            client.submit_job(IonQJob(circuit=qc))
    assert sent == []


def test_a_register_measured_in_part_is_refused() -> None:
    qc = QuantumCircuit(2, 2)
    qc.measure(0, 1)
    with pytest.raises(IonQValidationError) as raised:
        Circuit.from_qiskit(qc)
    assert raised.value.field == "cregs['c']" and "c[0] is never measured" in raised.value.problem


def test_not_a_circuit_is_refused() -> None:
    with pytest.raises(IonQValidationError, match=r"qiskit\.QuantumCircuit"):
        Circuit.from_qiskit("h 0")


# --------------------------------------------------------------------------- QASM


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("dumps", [qasm2.dumps, qasm3.dumps], ids=["qasm2", "qasm3"])
def test_qasm_from_qiskits_exporters_round_trips(seed: int, dumps: Callable[..., str]) -> None:
    qc = random_supported(2 + seed % 3, 5, 100 + seed)
    circuit = Circuit.from_qasm(dumps(qc))
    assert Operator(circuit.to_qiskit()).equiv(Operator(unitary_part(qc)))
    assert circuit.registers == {}  # random_circuit measures every qubit, in order


def test_qasm_measurements_become_registers_as_in_qiskit() -> None:
    source = """
    // a comment before the header is allowed
    OPENQASM 3.0;
    include "stdgates.inc";
    qubit[3] q;
    bit[2] c;
    h q[0];
    cx q[0], q[2];
    c[0] = measure q[2];
    c[1] = measure q[0];
    """
    circuit = Circuit.from_qasm(source, name="from-qasm")
    assert circuit.name == "from-qasm" and circuit.registers == {"c": [2, 0]}
    assert list(circuit) == [
        {"gate": "h", "targets": [0]},
        {"gate": "cnot", "controls": [0], "targets": [2]},
    ]


def test_qasm_user_gates_and_control_flow() -> None:
    defined = """OPENQASM 2.0;
    include "qelib1.inc";
    gate pair a, b { h a; cx a, b; }
    qreg q[2];
    pair q[1], q[0];
    """
    assert list(Circuit.from_qasm(defined)) == [
        {"gate": "h", "targets": [1]},
        {"gate": "cnot", "controls": [1], "targets": [0]},
    ]
    branching = """OPENQASM 3.0;
    include "stdgates.inc";
    qubit[1] q;
    bit[1] c;
    c[0] = measure q[0];
    if (c[0]) { x q[0]; }
    """
    with pytest.raises(IonQValidationError) as raised:
        Circuit.from_qasm(branching)
    assert raised.value.field == "data[1]"
    assert "'if_else' is classical control flow" in raised.value.problem


@pytest.mark.parametrize(
    ("source", "says"),
    [
        ("qreg q[1];", "no 'OPENQASM 2.0;' or 'OPENQASM 3;' header"),
        ("OPENQASM 4.0; qubit q;", "header"),
        ("OPENQASM 2.0;\nqreg q[1];\nfoo q[0];", "OpenQASM 2 does not parse"),
        ("OPENQASM 3.0;\nqubit[1] q;\nfoo q[0];", "OpenQASM 3 does not parse"),
    ],
)
def test_bad_qasm_is_a_validation_error_on_qasm(source: str, says: str) -> None:
    with pytest.raises(IonQValidationError) as raised:
        Circuit.from_qasm(source)
    assert raised.value.field == "qasm" and says in raised.value.problem


def test_the_header_scan_is_linear_on_hostile_input() -> None:
    # 200,000 unclosed comment openers: a backtracking regex would take minutes.
    with pytest.raises(IonQValidationError, match="header"):
        Circuit.from_qasm("/*" * 100_000)


# --------------------------------------------------------------------------- lazy


def test_importing_the_client_does_not_import_qiskit() -> None:
    code = (
        "import sys\n"
        "from ionq_client import Circuit, IonQJob, IonQClient\n"
        "IonQJob(circuit=Circuit(2).h(0).cx(0, 1)).to_payload()\n"
        "IonQJob(circuits=[Circuit(1).h(0)]).to_payload()\n"
        "assert 'qiskit' not in sys.modules, 'qiskit was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
