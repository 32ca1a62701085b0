"""IonQJob -> create-job payload, and validate_payload on raw dicts."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from ionq_client._exceptions import IonQValidationError
from ionq_client.circuit import Circuit, NativeCircuit
from ionq_client.job import ErrorMitigation, IonQJob, Noise, validate_payload
from tests.support.payloads import BELL_INPUT

BELL = Circuit(2).h(0).cx(0, 1)
QASM = "// bell\n/* block\n comment */\nOPENQASM 3.0;\nqubit[2] q;\nh q[0];\ncx q[0], q[1];\n"


def _field_of(job: IonQJob) -> str:
    with pytest.raises(IonQValidationError) as exc:
        job.to_payload()
    return exc.value.field


def test_single_circuit_payload_is_minimal() -> None:
    payload = IonQJob(circuit=BELL).to_payload()
    assert payload == {
        "type": "ionq.circuit.v1",
        "input": BELL_INPUT,
        "backend": "simulator",
        "shots": 100,
    }
    json.dumps(payload)  # plain JSON all the way down


def test_payload_gates_are_copies() -> None:
    circuit = Circuit(1).h(0)
    payload = IonQJob(circuit=circuit).to_payload()
    payload["input"]["circuit"][0]["targets"].append(5)
    assert list(circuit) == [{"gate": "h", "targets": [0]}]


def test_optional_fields_placement() -> None:
    payload = IonQJob(
        circuit=NativeCircuit(1).gpi(0, 0.5),
        backend="qpu.aria-1",
        shots=1024,
        name="run",
        metadata={"team": "alg"},
        error_mitigation=ErrorMitigation(debiasing=True),
        noise=Noise(model="aria-1", seed=7),
        session_id="sess-1",
        dry_run=True,
    ).to_payload()
    assert payload == {
        "type": "ionq.circuit.v1",
        "input": {
            "qubits": 1,
            "gateset": "native",
            "circuit": [{"gate": "gpi", "target": 0, "phase": 0.5}],
        },
        "backend": "qpu.aria-1",
        "shots": 1024,
        "name": "run",
        "metadata": {"team": "alg"},
        "session_id": "sess-1",
        "settings": {"error_mitigation": {"debiasing": True}},
        "noise": {"model": "aria-1", "seed": 7},
        "dry_run": True,
    }


def test_empty_optionals_are_omitted() -> None:
    payload = IonQJob(circuit=BELL, metadata={}, error_mitigation=ErrorMitigation()).to_payload()
    assert set(payload) == {"type", "input", "backend", "shots"}
    assert IonQJob(circuit=BELL, noise=Noise()).to_payload()["noise"] == {"model": "ideal"}


def test_multi_circuit_payload() -> None:
    small = Circuit(1).h(0)
    named = Circuit(3, name="ghz").h(0).cx(0, 1).cx(1, 2).add_register("m", [0, 1, 2])
    payload = IonQJob(circuits=[small, named, Circuit(2).x(1)]).to_payload()
    assert payload["type"] == "ionq.multi-circuit.v1"
    assert payload["input"]["gateset"] == "qis"
    assert payload["input"]["qubits"] == 3
    entries = payload["input"]["circuits"]
    assert [e["name"] for e in entries] == ["circuit-0", "ghz", "circuit-2"]
    assert [e["qubits"] for e in entries] == [1, 3, 2]
    assert entries[1]["registers"] == {"m": [0, 1, 2]}
    assert "registers" not in entries[0]
    assert entries[2]["circuit"] == [{"gate": "x", "targets": [1]}]


def test_multi_circuit_refuses_mixed_gatesets() -> None:
    job = IonQJob(circuits=[Circuit(1).h(0), Circuit(1), NativeCircuit(1).gpi(0, 0.0)])
    assert _field_of(job) == "circuits[2]"


def test_multi_circuit_refuses_non_circuits_and_empty() -> None:
    assert _field_of(IonQJob(circuits=[BELL, {"gate": "h"}])) == "circuits[1]"  # type: ignore[list-item]
    assert _field_of(IonQJob(circuits=[])) == "circuits"


def test_qasm_payload() -> None:
    payload = IonQJob(qasm=QASM, shots=10).to_payload()
    assert payload == {
        "type": "ionq.qasm3.v1",
        "input": {"data": QASM},
        "backend": "simulator",
        "shots": 10,
    }


@pytest.mark.parametrize(
    "source",
    [
        "",
        "   \n",
        "OPENQASM 2.0;\nqreg q[1];",
        "qubit q;\nOPENQASM 3;",
        "/* unterminated OPENQASM 3;",
    ],
)
def test_qasm_without_v3_header_refused(source: str) -> None:
    assert (
        _field_of(IonQJob(qasm=source)) == "qasm"
    )  # the IonQJob field; a raw payload says input.data


def test_exactly_one_source() -> None:
    assert _field_of(IonQJob()) == "circuit"
    assert _field_of(IonQJob(circuit=BELL, qasm=QASM)) == "circuit"


@pytest.mark.parametrize("shots", [0, 1_000_001, True, 10.5, -5])
def test_bad_shots(shots: Any) -> None:
    assert _field_of(IonQJob(circuit=BELL, shots=shots)) == "shots"


@pytest.mark.parametrize("shots", [1, 1_000_000])
def test_shot_bounds_inclusive(shots: int) -> None:
    assert IonQJob(circuit=BELL, shots=shots).to_payload()["shots"] == shots


def test_metadata_rules() -> None:
    ten = {f"k{i}": "v" for i in range(10)}
    assert IonQJob(circuit=BELL, metadata=ten).to_payload()["metadata"] == ten
    assert _field_of(IonQJob(circuit=BELL, metadata={**ten, "k10": "v"})) == "metadata"
    assert _field_of(IonQJob(circuit=BELL, metadata={"a" * 41: "v"})) == "metadata." + "a" * 41
    assert IonQJob(circuit=BELL, metadata={"a" * 40: "v"}).to_payload()
    assert _field_of(IonQJob(circuit=BELL, metadata={"": "v"})) == "metadata."
    assert _field_of(IonQJob(circuit=BELL, metadata={"foo": 1})) == "metadata.foo"  # type: ignore[dict-item]


def test_with_metadata_merges_without_mutating() -> None:
    job = IonQJob(circuit=BELL, metadata={"a": "1"})
    tagged = job.with_metadata(b="2", a="3")
    assert tagged.metadata == {"a": "3", "b": "2"}
    assert job.metadata == {"a": "1"}
    assert IonQJob(circuit=BELL).with_metadata(x="y").to_payload()["metadata"] == {"x": "y"}


def test_too_many_circuits_refused() -> None:
    one = Circuit(1).h(0)
    assert IonQJob(circuits=[one] * 5000).to_payload()["input"]["qubits"] == 1
    assert _field_of(IonQJob(circuits=[one] * 5001)) == "circuits"


def test_too_many_gates_refused() -> None:
    thirty_one = Circuit(1)
    for _ in range(31):
        thirty_one.h(0)
    job = IonQJob(circuits=[thirty_one] * 5000)  # 155,000 gates, refused before copying
    with pytest.raises(IonQValidationError) as exc:
        job.to_payload()
    assert exc.value.field == "circuits"
    assert "155000" in exc.value.problem


def test_invalid_noise_and_settings() -> None:
    assert _field_of(IonQJob(circuit=BELL, noise=Noise(model=""))) == "noise.model"
    # IonQ adds noise models: an unheard-of name is the server's to judge.
    assert IonQJob(circuit=BELL, noise=Noise(model="tempo-1")).to_payload()["noise"]["model"] == (
        "tempo-1"
    )
    assert _field_of(IonQJob(circuit=BELL, noise=Noise(seed=True))) == "noise.seed"
    # IonQJob names its own fields; the same mistakes in a raw payload name the wire path.
    mitigation = ErrorMitigation(debiasing="yes")  # type: ignore[arg-type]
    assert _field_of(IonQJob(circuit=BELL, error_mitigation=mitigation)) == (
        "error_mitigation.debiasing"
    )
    raw = IonQJob(circuit=BELL).to_payload()
    with pytest.raises(IonQValidationError) as exc:
        validate_payload({**raw, "settings": {"turbo": 1}})
    assert exc.value.field == "settings.turbo"
    assert _field_of(IonQJob(circuit=BELL, dry_run="yes")) == "dry_run"  # type: ignore[arg-type]
    assert _field_of(IonQJob(circuit=BELL, backend="")) == "backend"


# --------------------------------------------------------------------------- validate_payload


@pytest.mark.parametrize(
    "job",
    [
        IonQJob(circuit=BELL, name="n", metadata={"a": "b"}, dry_run=True),
        IonQJob(circuits=[BELL, Circuit(3).h(2)], noise=Noise(model="forte-1")),
        IonQJob(qasm=QASM, error_mitigation=ErrorMitigation(symmetry_verification=False)),
    ],
)
def test_validate_payload_accepts_built_payloads(job: IonQJob) -> None:
    payload = job.to_payload()
    validate_payload(payload)
    validate_payload(json.loads(json.dumps(payload)))


def _bell_payload() -> dict[str, Any]:
    return IonQJob(circuit=BELL).to_payload()


def _refusal(payload: dict[str, Any]) -> str:
    with pytest.raises(IonQValidationError) as exc:
        validate_payload(payload)
    return exc.value.field


def test_validate_payload_refuses_unknown_top_level_key() -> None:
    assert _refusal({**_bell_payload(), "priority": 1}) == "priority"


def test_validate_payload_refuses_unknown_type_and_missing_keys() -> None:
    assert _refusal({**_bell_payload(), "type": "ionq.circuit.v0"}) == "type"
    assert _refusal({**_bell_payload(), "type": ["x"]}) == "type"
    payload = _bell_payload()
    del payload["backend"]
    assert _refusal(payload) == "backend"


def test_validate_payload_gate_paths() -> None:
    payload = _bell_payload()
    payload["input"]["circuit"].append({"gate": "h", "targets": [0]})
    payload["input"]["circuit"].append({"gate": "rx", "targets": [9], "rotation": 1.0})
    assert _refusal(payload) == "input.circuit[3].targets[0]"

    multi = IonQJob(circuits=[BELL, BELL, Circuit(1).rx(0, 1.0)]).to_payload()
    multi["input"]["circuits"][2]["circuit"][0]["rotation"] = float("nan")
    assert _refusal(multi) == "input.circuits[2].circuit[0].rotation"

    multi = IonQJob(circuits=[BELL]).to_payload()
    multi["input"]["circuits"][0]["extra"] = 1
    assert _refusal(multi) == "input.circuits[0].extra"
    multi = IonQJob(circuits=[BELL]).to_payload()
    multi["input"]["qubits"] = 1
    assert _refusal(multi) == "input.qubits"


def test_validate_payload_total_gate_limit_is_cheap() -> None:
    gates = [{"gate": "h", "targets": [0]}] * 31
    payload: dict[str, Any] = {
        "type": "ionq.multi-circuit.v1",
        "backend": "simulator",
        "input": {
            "gateset": "qis",
            "qubits": 1,
            "circuits": [{"qubits": 1, "circuit": gates}] * 5000,
        },
    }
    assert _refusal(payload) == "input.circuits"
    payload["input"]["circuits"] = [{"qubits": 1, "circuit": gates}] * 5001
    assert _refusal(payload) == "input.circuits"
    single = {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "input": {"gateset": "qis", "qubits": 1, "circuit": gates * 4839},
    }
    assert _refusal(single) == "input.circuit"


def test_validate_payload_requires_gateset_and_accepts_legacy_gate_keys() -> None:
    payload: dict[str, Any] = {
        "type": "ionq.circuit.v1",
        "backend": "qpu.forte-1",
        "input": {
            "qubits": 2,
            "circuit": [{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}],
        },
    }
    assert _refusal(payload) == "input.gateset"
    payload["input"]["gateset"] = "qis"
    original = copy.deepcopy(payload)
    validate_payload(payload)
    assert payload == original  # validation never rewrites the caller's dict
    payload["input"]["gateset"] = "native"
    assert _refusal(payload) == "input.circuit[0].gate"


@pytest.mark.parametrize("form", ["IonQJob", "dict", "payload model"])
def test_submit_job_validates_each_gate_exactly_once(
    form: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """From the builder (or the JSON) to the request body, every gate is checked once."""
    from ionq_api.models import CircuitJobPayload

    import ionq_client.circuit as circuit_module
    from ionq_client._submission import submission_payload

    checked: list[str] = []
    real = circuit_module.validate_gate

    def counting(gate: Any, **kwargs: Any) -> dict[str, Any]:
        checked.append(gate["gate"])
        return real(gate, **kwargs)

    monkeypatch.setattr(circuit_module, "validate_gate", counting)
    job = IonQJob(circuit=Circuit(2).h(0).cx(0, 1))
    if form == "dict":
        built = job.to_payload()
        checked.clear()
        job = built
    elif form == "payload model":
        built = CircuitJobPayload.from_dict(job.to_payload())
        checked.clear()
        job = built
    payload = submission_payload(job)
    assert checked == ["h", "cnot"]
    assert [g["gate"] for g in payload["input"]["circuit"]] == ["h", "cnot"]


def test_compilation_is_gone_since_october_2026() -> None:
    """IonQ removed settings.compilation from creation payloads on Oct 1, 2026."""
    with pytest.raises(TypeError):
        IonQJob(circuit=BELL, compilation={"opt": 1})  # type: ignore[call-arg]
    raw = IonQJob(circuit=BELL).to_payload()
    for compilation in ({"opt": 1}, {}, None):
        with pytest.raises(IonQValidationError) as exc:
            validate_payload({**raw, "settings": {"compilation": compilation}})
        assert exc.value.field == "settings.compilation"
        assert "removed" in str(exc.value) and "Oct 1, 2026" in str(exc.value)
