"""Circuit builders: exact wire dicts and the exact field each bad input is blamed on."""

from __future__ import annotations

import math
from typing import Any

import pytest

import ionq_client.circuit as circuit_module
from ionq_client._exceptions import IonQValidationError
from ionq_client.circuit import (
    Circuit,
    NativeCircuit,
    circuit_from_dicts,
    validate_gate,
)


def _field(exc: pytest.ExceptionInfo[IonQValidationError]) -> str:
    return exc.value.field


def test_bell_circuit_input() -> None:
    circuit = Circuit(2).h(0).cx(0, 1)
    assert circuit.to_input() == {
        "qubits": 2,
        "gateset": "qis",
        "circuit": [
            {"gate": "h", "targets": [0]},
            {"gate": "cnot", "controls": [0], "targets": [1]},
        ],
    }
    assert len(circuit) == 2


@pytest.mark.parametrize(
    ("method", "wire"),
    [
        ("x", "x"),
        ("y", "y"),
        ("z", "z"),
        ("h", "h"),
        ("s", "s"),
        ("si", "si"),
        ("v", "v"),
        ("vi", "vi"),
        ("t", "t"),
        ("ti", "ti"),
        ("sdg", "si"),
        ("tdg", "ti"),
        ("sx", "v"),
        ("sxdg", "vi"),
    ],
)
def test_one_qubit_gates_and_aliases(method: str, wire: str) -> None:
    circuit = getattr(Circuit(3), method)(2)
    assert list(circuit) == [{"gate": wire, "targets": [2]}]
    controlled = getattr(Circuit(3), method)(2, controls=[0, 1])
    assert list(controlled) == [{"gate": wire, "controls": [0, 1], "targets": [2]}]


def test_rotations_in_radians() -> None:
    circuit = Circuit(2).rx(0, math.pi).ry(1, 0.5).rz(0, -1, controls=[1])
    assert list(circuit) == [
        {"gate": "rx", "targets": [0], "rotation": math.pi},
        {"gate": "ry", "targets": [1], "rotation": 0.5},
        {"gate": "rz", "controls": [1], "targets": [0], "rotation": -1.0},
    ]
    assert isinstance(list(circuit)[2]["rotation"], float)


def test_controlled_gates() -> None:
    circuit = (
        Circuit(4)
        .cnot(0, 1)
        .cz(1, 2)
        .ccx(0, 1, 3)
        .toffoli(1, 2, 0)
        .mcx([0, 1, 2], 3)
        .swap(0, 3)
        .swap(1, 2, controls=[0])
    )
    assert list(circuit) == [
        {"gate": "cnot", "controls": [0], "targets": [1]},
        {"gate": "z", "controls": [1], "targets": [2]},
        {"gate": "cnot", "controls": [0, 1], "targets": [3]},
        {"gate": "cnot", "controls": [1, 2], "targets": [0]},
        {"gate": "cnot", "controls": [0, 1, 2], "targets": [3]},
        {"gate": "swap", "targets": [0, 3]},
        {"gate": "swap", "controls": [0], "targets": [1, 2]},
    ]


def test_two_qubit_rotations_and_pauliexp() -> None:
    circuit = (
        Circuit(3)
        .xx(0, 1, 0.1)
        .yy(1, 2, 0.2)
        .zz(0, 2, 0.3)
        .pauliexp([0, 1], ["XZ", "YY"], [0.5, -0.25], 1.5)
    )
    assert list(circuit) == [
        {"gate": "xx", "targets": [0, 1], "rotation": 0.1},
        {"gate": "yy", "targets": [1, 2], "rotation": 0.2},
        {"gate": "zz", "targets": [0, 2], "rotation": 0.3},
        {
            "gate": "pauliexp",
            "targets": [0, 1],
            "terms": ["XZ", "YY"],
            "coefficients": [0.5, -0.25],
            "time": 1.5,
        },
    ]


def test_native_gates_in_turns() -> None:
    circuit = NativeCircuit(2).gpi(0, 0.5).gpi2(1, 0.25).ms(0, 1).ms(1, 0, (0.1, 0.2), 0.125)
    circuit.zz(0, 1, 0.05)
    assert circuit.to_input() == {
        "qubits": 2,
        "gateset": "native",
        "circuit": [
            {"gate": "gpi", "target": 0, "phase": 0.5},
            {"gate": "gpi2", "target": 1, "phase": 0.25},
            {"gate": "ms", "targets": [0, 1], "phases": [0.0, 0.0], "angle": 0.25},
            {"gate": "ms", "targets": [1, 0], "phases": [0.1, 0.2], "angle": 0.125},
            {"gate": "zz", "targets": [0, 1], "angle": 0.05},
        ],
    }


def test_generic_add() -> None:
    circuit = Circuit(2).add("rx", targets=[1], rotation=0.5).add("not", targets=[0])
    assert list(circuit) == [
        {"gate": "rx", "targets": [1], "rotation": 0.5},
        {"gate": "not", "targets": [0]},
    ]
    assert list(NativeCircuit(1).add("gpi", target=0, phase=0.1)) == [
        {"gate": "gpi", "target": 0, "phase": 0.1}
    ]


# --------------------------------------------------------------------------- errors


def test_out_of_range_index_names_the_field() -> None:
    with pytest.raises(IonQValidationError) as exc:
        Circuit(2).h(5)
    assert exc.value.field == "circuit[0].targets[0]"
    assert exc.value.problem == "qubit 5 out of range for a 2-qubit circuit"
    assert str(exc.value) == "circuit[0].targets[0]: qubit 5 out of range for a 2-qubit circuit"


def test_error_index_counts_earlier_gates() -> None:
    circuit = Circuit(2).h(0).h(1).h(0)
    with pytest.raises(IonQValidationError) as exc:
        circuit.rx(0, 1.0, controls=[-1])
    assert exc.value.field == "circuit[3].controls[0]"
    assert len(circuit) == 3  # the bad gate was not appended


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: Circuit(2).add("foo", targets=[0]), "circuit[0].gate"),
        (lambda: Circuit(2).add("gpi", target=0, phase=0.1), "circuit[0].gate"),
        (lambda: NativeCircuit(2).add("h", targets=[0]), "circuit[0].gate"),
        (lambda: Circuit(2).cx(1, 1), "circuit[0].controls[0]"),
        (lambda: Circuit(3).h(0, controls=[1, 1]), "circuit[0].controls[1]"),
        (lambda: Circuit(2).swap(1, 1), "circuit[0].targets[1]"),
        (lambda: Circuit(2).xx(0, 0, 0.1), "circuit[0].targets[1]"),
        (lambda: Circuit(2).rx(0, math.nan), "circuit[0].rotation"),
        (lambda: Circuit(2).ry(0, math.inf), "circuit[0].rotation"),
        (lambda: Circuit(2).rz(0, True), "circuit[0].rotation"),
        (lambda: Circuit(2).rz(0, "1.0"), "circuit[0].rotation"),  # type: ignore[arg-type]
        (lambda: Circuit(2).h(True), "circuit[0].targets[0]"),
        (lambda: Circuit(2).h(1.5), "circuit[0].targets[0]"),  # type: ignore[arg-type]
        (lambda: Circuit(2).cx(False, 1), "circuit[0].controls[0]"),
        (lambda: Circuit(2).mcx([], 1), "circuit[0].controls"),
        (lambda: Circuit(2).add("h", targets=[0], rotation=1.0), "circuit[0].rotation"),
        (lambda: Circuit(2).add("swap", targets=[0]), "circuit[0].targets"),
        (lambda: Circuit(2).add("rx", targets=[0]), "circuit[0].rotation"),
        (
            lambda: Circuit(2).add("xx", targets=[0, 1], rotation=1.0, controls=[]),
            "circuit[0].controls",
        ),
        (lambda: NativeCircuit(2).ms(0, 1, angle=0.3), "circuit[0].angle"),
        (lambda: NativeCircuit(2).ms(0, 1, angle=-0.01), "circuit[0].angle"),
        (lambda: NativeCircuit(2).ms(0, 1, phases=(0.1,)), "circuit[0].phases"),
        (lambda: NativeCircuit(2).ms(0, 1, phases=(0.1, math.nan)), "circuit[0].phases[1]"),
        (lambda: NativeCircuit(2).gpi(0, math.inf), "circuit[0].phase"),
        (lambda: NativeCircuit(2).gpi2(2, 0.0), "circuit[0].target"),
        (lambda: NativeCircuit(2).zz(0, 1, math.nan), "circuit[0].angle"),
        (lambda: Circuit(2).pauliexp([0, 1], ["XZ"], [0.5, 0.5], 1.0), "circuit[0].coefficients"),
        (lambda: Circuit(2).pauliexp([0, 1], ["XZ", "X"], [0.5, 0.5], 1.0), "circuit[0].terms[1]"),
        (lambda: Circuit(2).pauliexp([0, 1], ["XA"], [0.5], 1.0), "circuit[0].terms[0]"),
        (lambda: Circuit(2).pauliexp([0, 1], [], [], 1.0), "circuit[0].terms"),
        (lambda: Circuit(2).pauliexp([0, 1], ["XZ"], [0.5], math.nan), "circuit[0].time"),
    ],
)
def test_validation_errors(build: Any, field: str) -> None:
    with pytest.raises(IonQValidationError) as exc:
        build()
    assert _field(exc) == field


def test_unknown_gate_error_names_the_gate() -> None:
    with pytest.raises(IonQValidationError, match="'foo'"):
        Circuit(1).add("foo", targets=[0])


def test_ms_angle_bounds_are_inclusive() -> None:
    circuit = NativeCircuit(2).ms(0, 1, angle=0.0).ms(0, 1, angle=0.25)
    assert [g["angle"] for g in circuit] == [0.0, 0.25]


@pytest.mark.parametrize("qubits", [0, -1, True, 2.5])
def test_bad_qubit_count(qubits: Any) -> None:
    with pytest.raises(IonQValidationError) as exc:
        Circuit(qubits)
    assert exc.value.field == "qubits"


def test_a_gate_is_checked_when_added_not_again_when_serialized(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Validation happens once, at the builder call, where the error is most useful."""
    circuit = Circuit(2).h(0)
    with pytest.raises(IonQValidationError) as exc:
        circuit.cx(0, 7)
    assert exc.value.field == "circuit[1].targets[0]"
    assert len(circuit) == 1  # the refused gate was not kept
    checked: list[object] = []
    real = circuit_module.validate_gate
    monkeypatch.setattr(
        circuit_module, "validate_gate", lambda *a, **k: checked.append(a) or real(*a, **k)
    )
    assert circuit.to_input()["circuit"] == [{"gate": "h", "targets": [0]}]
    assert checked == []


def test_per_circuit_gate_limit_checked_on_serialization() -> None:
    circuit = Circuit(1).h(0)
    circuit._gates = circuit._gates * 150_001  # cheap: no per-gate validation on build
    with pytest.raises(IonQValidationError) as exc:
        circuit.to_input()
    assert exc.value.field == "circuit"
    assert "150001" in exc.value.problem


def test_iteration_hands_out_copies() -> None:
    circuit = Circuit(2).cx(0, 1)
    for gate in circuit:
        gate["targets"].append(0)
    assert list(circuit) == [{"gate": "cnot", "controls": [0], "targets": [1]}]


# --------------------------------------------------------------------------- registers etc.


def test_registers() -> None:
    circuit = Circuit(3, name="ghz").h(0).cx(0, 1).add_register("meas", [0, 2])
    assert circuit.registers == {"meas": [0, 2]}
    with pytest.raises(IonQValidationError) as refused:
        circuit.to_input()  # the single-circuit input has no registers on the wire
    assert refused.value.field == "registers"
    assert circuit.to_entry("circuit-0") == {
        "name": "ghz",
        "qubits": 3,
        "circuit": [
            {"gate": "h", "targets": [0]},
            {"gate": "cnot", "controls": [0], "targets": [1]},
        ],
        "registers": {"meas": [0, 2]},
    }
    assert "registers" not in Circuit(1).h(0).to_entry("x")
    assert Circuit(1).to_entry("circuit-4")["name"] == "circuit-4"


@pytest.mark.parametrize(
    ("name", "qubits", "field"),
    [
        ("r", [3], "registers.r[0]"),
        ("r", [0, 0], "registers.r[1]"),
        ("r", [], "registers.r"),
        ("", [0], "registers"),
    ],
)
def test_bad_registers(name: str, qubits: list[int], field: str) -> None:
    with pytest.raises(IonQValidationError) as exc:
        Circuit(2).add_register(name, qubits)
    assert exc.value.field == field


def test_duplicate_register_name() -> None:
    circuit = Circuit(2).add_register("r", [0])
    with pytest.raises(IonQValidationError) as exc:
        circuit.add_register("r", [1])
    assert exc.value.field == "registers.r"


def test_from_gates_round_trip() -> None:
    original = (
        Circuit(3, name="c")
        .h(0)
        .cx(0, 1)
        .rz(2, 0.5, controls=[0])
        .pauliexp([1, 2], ["ZZ"], [1.0], 0.1)
    )
    original.add_register("all", [0, 1, 2])
    payload = original.to_entry("c")
    rebuilt = Circuit.from_gates(
        payload["circuit"], payload["qubits"], "qis", name="c", registers=payload["registers"]
    )
    assert rebuilt == original
    assert rebuilt.to_entry("c") == payload

    native = NativeCircuit(2).gpi(0, 0.1).ms(0, 1)
    back = circuit_from_dicts(list(native), 2, "native")
    assert isinstance(back, NativeCircuit)
    assert back == native
    assert back != Circuit(2)


def test_from_gates_rejects_unknown_keys_and_wrong_gateset() -> None:
    with pytest.raises(IonQValidationError) as exc:
        Circuit.from_gates(
            [{"gate": "h", "targets": [0]}, {"gate": "h", "targets": [0], "x": 1}], 1
        )
    assert exc.value.field == "circuit[1].x"
    with pytest.raises(IonQValidationError) as exc:
        Circuit.from_gates([], 1, "native")
    assert exc.value.field == "gateset"
    with pytest.raises(IonQValidationError) as exc:
        circuit_from_dicts([], 1, "quantum")
    assert exc.value.field == "gateset"
    with pytest.raises(IonQValidationError) as exc:
        Circuit.from_gates(["h"], 1)  # type: ignore[list-item]
    assert exc.value.field == "circuit[0]"


def test_from_gates_accepts_legacy_singular_target_and_control() -> None:
    circuit = Circuit.from_gates(
        [{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}], 2
    )
    assert list(circuit) == [
        {"gate": "h", "targets": [0]},
        {"gate": "cnot", "controls": [0], "targets": [1]},
    ]
    with pytest.raises(IonQValidationError) as exc:
        Circuit.from_gates([{"gate": "cnot", "control": 1, "target": 1}], 2)
    assert exc.value.field == "circuit[0].control"
    with pytest.raises(IonQValidationError) as exc:
        Circuit.from_gates([{"gate": "h", "target": 0, "targets": [0]}], 2)
    assert exc.value.field == "circuit[0].target"


def test_validate_gate_normalises_numeric_types() -> None:
    class Index:
        def __index__(self) -> int:
            return 1

    gate = validate_gate({"gate": "rx", "targets": (Index(),), "rotation": 1}, qubits=2)
    assert gate == {"gate": "rx", "targets": [1], "rotation": 1.0}
    assert type(gate["targets"][0]) is int
    assert type(gate["rotation"]) is float


def test_equality_copy_and_repr() -> None:
    a = Circuit(2, name="a").h(0)
    b = a.copy()
    assert a == b
    b.x(1)
    assert a != b
    assert len(a) == 1
    assert Circuit(2).h(0) != Circuit(3).h(0)
    assert Circuit(2) != NativeCircuit(2)
    assert repr(a) == "Circuit(qubits=2, name='a', gates=1)"


def test_native_nop_is_an_idle_target() -> None:
    from ionq_client.job import IonQJob, validate_payload

    circuit = NativeCircuit(2).gpi(0, 0.5).nop(1)
    assert list(circuit)[1] == {"gate": "nop", "target": 1}
    payload = IonQJob(circuit=circuit).to_payload()
    validate_payload(payload)
    for bad, field in (
        ({"gate": "nop", "target": 2}, "input.circuit[0].target"),
        ({"gate": "nop", "target": 0, "phase": 0.1}, "input.circuit[0].phase"),
    ):
        raw = {**payload, "input": {**payload["input"], "circuit": [bad]}}
        with pytest.raises(IonQValidationError) as exc:
            validate_payload(raw)
        assert exc.value.field == field
