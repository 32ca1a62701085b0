"""Property-based checks that the builder, the validator and the generated models
agree with the spec's schemas (hypothesis; deterministic, bounded)."""

from __future__ import annotations

import copy
import importlib
import math
import re
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode

from ionq_client import Circuit, IonQJob, IonQValidationError, NativeCircuit
from ionq_client.job import validate_payload
from ionq_emulator import openapi

SETTINGS = settings(
    max_examples=60,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=list(HealthCheck),
)
# Payload strategies from the spec are slow to draw (deep oneOfs): fewer, still deterministic.
FAST = settings(SETTINGS, max_examples=25)
PAYLOAD = openapi.schema_validator("JobCreationPayload")
angles = st.floats(min_value=-10, max_value=10, allow_nan=False, allow_infinity=False)
turns = st.floats(min_value=0, max_value=1, allow_nan=False, allow_infinity=False)

ONE_QUBIT = ["x", "y", "z", "h", "s", "si", "v", "vi", "t", "ti"]


@st.composite
def qis_circuits(draw: st.DrawFn) -> Circuit:
    qubits = draw(st.integers(min_value=1, max_value=6))
    circuit = Circuit(qubits, name=draw(st.none() | st.text(min_size=1, max_size=8)))
    for _ in range(draw(st.integers(min_value=0, max_value=12))):
        q = st.integers(min_value=0, max_value=qubits - 1)
        kind = draw(
            st.sampled_from(["one", "rot", "two", "tworot"] if qubits > 1 else ["one", "rot"])
        )
        if kind == "one":
            target = draw(q)
            others = [i for i in range(qubits) if i != target]
            controls = (
                draw(st.lists(st.sampled_from(others), unique=True, max_size=2)) if others else []
            )
            getattr(circuit, draw(st.sampled_from(ONE_QUBIT)))(target, controls=controls)
        elif kind == "rot":
            getattr(circuit, draw(st.sampled_from(["rx", "ry", "rz"])))(draw(q), draw(angles))
        else:
            a, b = draw(st.lists(q, min_size=2, max_size=2, unique=True))
            if kind == "two":
                draw(st.sampled_from([circuit.cx, circuit.swap, circuit.cz]))(a, b)
            else:
                getattr(circuit, draw(st.sampled_from(["xx", "yy", "zz"])))(a, b, draw(angles))
    return circuit


@st.composite
def native_circuits(draw: st.DrawFn) -> NativeCircuit:
    qubits = draw(st.integers(min_value=2, max_value=5))
    circuit = NativeCircuit(qubits)
    q = st.integers(min_value=0, max_value=qubits - 1)
    for _ in range(draw(st.integers(min_value=0, max_value=10))):
        kind = draw(st.sampled_from(["gpi", "gpi2", "ms", "zz"]))
        if kind in ("gpi", "gpi2"):
            getattr(circuit, kind)(draw(q), draw(turns))
        else:
            a, b = draw(st.lists(q, min_size=2, max_size=2, unique=True))
            if kind == "ms":
                circuit.ms(a, b, (draw(turns), draw(turns)), draw(st.floats(0, 0.25)))
            else:
                circuit.zz(a, b, draw(turns))
    return circuit


@st.composite
def jobs(draw: st.DrawFn) -> IonQJob:
    form = draw(st.sampled_from(["qis", "native", "multi", "qasm"]))
    common: dict[str, Any] = {
        "backend": draw(st.sampled_from(["simulator", "qpu.aria-1", "qpu.forte-1"])),
        "shots": draw(st.integers(min_value=1, max_value=1_000_000)),
        "name": draw(st.none() | st.text(max_size=20)),
        "metadata": draw(
            st.none()
            | st.dictionaries(st.text(min_size=1, max_size=40), st.text(max_size=30), max_size=10)
        ),
        "dry_run": draw(st.booleans()),
    }
    if form == "qis":
        return IonQJob(circuit=draw(qis_circuits()), **common)
    if form == "native":
        return IonQJob(circuit=draw(native_circuits()), **common)
    if form == "multi":
        return IonQJob(circuits=draw(st.lists(qis_circuits(), min_size=1, max_size=4)), **common)
    return IonQJob(qasm="OPENQASM 3.0;\nqubit[1] q;\nh q[0];\n", **common)


@SETTINGS
@given(jobs())
def test_every_built_payload_conforms_to_the_spec(job: IonQJob) -> None:
    payload = job.to_payload()
    assert openapi.errors(PAYLOAD, payload) == []


@SETTINGS
@given(qis_circuits(), st.sampled_from(["index", "nan", "inf", "gate", "control"]))
def test_invalid_circuits_are_refused_before_the_wire(circuit: Circuit, fault: str) -> None:
    q = circuit.qubits
    with pytest.raises(IonQValidationError) as raised:
        if fault == "index":
            circuit.h(q)
        elif fault == "nan":
            circuit.rx(0, math.nan)
        elif fault == "inf":
            circuit.rz(0, math.inf)
        elif fault == "gate":
            circuit.add("toffoli2", targets=[0])
        else:
            circuit.x(0, controls=[0])
    assert raised.value.field and raised.value.problem


# ------------------------------------------------- raw payloads from the schema itself
def _synthetic(schema_names: list[str]) -> Any:
    """Each named schema as the body of a fake POST, so schemathesis can generate it."""
    spec = copy.deepcopy(openapi.load_spec())
    spec["paths"] = {
        f"/_fuzz/{name}": {
            "post": {
                "operationId": f"fuzz{name}",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}
                    },
                },
                "responses": {"200": {"description": "ok"}},
            }
        }
        for name in schema_names
    }
    return schemathesis.openapi.from_dict(spec)


PAYLOADS = _synthetic(["JobCreationPayload"])["/_fuzz/JobCreationPayload"]["POST"]


@FAST
@given(PAYLOADS.as_strategy(generation_mode=GenerationMode.NEGATIVE).map(lambda c: c.body))
def test_the_validator_never_passes_what_the_spec_refuses(body: Any) -> None:
    """For arbitrary (mostly invalid) payloads: validate_payload accepting implies the spec does."""
    try:
        validate_payload(body)
    except IonQValidationError:
        return
    assert openapi.errors(PAYLOAD, body) == []


# Rules the schema cannot state; the validator may refuse a schema-valid payload only for these.
SEMANTIC = re.compile(
    r"out of range|equal|duplicate|finite|exceed|at least|less than|OPENQASM|"
    r"takes no|needs|must have|length|one of|only|gate set|gateset|non-empty"
)


@FAST
@given(PAYLOADS.as_strategy(generation_mode=GenerationMode.POSITIVE).map(lambda c: c.body))
def test_schema_valid_payloads_pass_the_validator_unless_semantics_forbid(body: Any) -> None:
    try:
        validate_payload(body)
    except IonQValidationError as exc:
        gate_field = ".circuit[" in exc.field  # which of a gate's optional fields apply
        assert gate_field or SEMANTIC.search(exc.problem), exc


# --------------------------------------------------- models round-trip their own schema
MODEL_SCHEMAS = [
    "BackendInfo",
    "Characterization",
    "CharacterizationList",
    "JobCreated",
    "SingleCircuitJob",
    "MultiCircuitJob",
    "JobList",
    "JobCost",
    "RateCardEstimate",
    "RateInformationEstimate",
    "Session",
    "SessionList",
    "UsageReport",
    "WhoAmI",
    "Error",
    "CircuitJobPayload",
    "MultiCircuitJobPayload",
    "Qasm3JobPayload",
    "JobsCanceled",
    "JobDeleted",
]
MODELS = _synthetic(MODEL_SCHEMAS)


def _model(name: str) -> Any:
    module = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower().replace("qasm3", "qasm_3")
    return getattr(importlib.import_module(f"ionq_api.models.{module}"), name)


@pytest.mark.parametrize("name", MODEL_SCHEMAS)
def test_generated_models_round_trip_their_schema(name: str) -> None:
    model = _model(name)
    strategy = MODELS[f"/_fuzz/{name}"]["POST"].as_strategy().map(lambda c: c.body)

    @settings(SETTINGS, max_examples=10 if name.endswith("Payload") else 25)
    @given(strategy)
    def check(body: Any) -> None:
        assert model.from_dict(copy.deepcopy(body)).to_dict() == body

    check()
