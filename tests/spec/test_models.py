"""Generated models round-trip realistic IonQ payloads; the spec's schemas accept
good create-job payloads and refuse bad ones."""

from __future__ import annotations

import copy
from typing import Any

import httpx
import pytest
from ionq_api import Client
from ionq_api.api.jobs import get_job
from ionq_api.api.results import get_job_probabilities
from ionq_api.models import (
    BackendInfo,
    Characterization,
    Error,
    JobCost,
    JobStatus,
    MultiCircuitJob,
    RateCardEstimate,
    RateInformationEstimate,
    ResultArtifacts,
    ResultUrls,
    Session,
    SingleCircuitJob,
    WhoAmI,
)
from ionq_api.models.failure_code import FailureCode

from ionq_emulator import openapi
from tests.support.files import load_fixture

ROUND_TRIPS = [
    ("job_single_urls", SingleCircuitJob),
    ("job_single_artifacts", SingleCircuitJob),
    ("job_multi_urls", MultiCircuitJob),
    ("job_multi_artifacts", MultiCircuitJob),
    ("job_failed", SingleCircuitJob),
    ("job_unknown_status", SingleCircuitJob),
    ("backend", BackendInfo),
    ("characterization", Characterization),
    ("session", Session),
    ("estimate_rate_card", RateCardEstimate),
    ("estimate_rate_information", RateInformationEstimate),
    ("error_validation", Error),
    ("job_cost", JobCost),
    ("whoami", WhoAmI),
]


@pytest.mark.parametrize(("name", "model"), ROUND_TRIPS, ids=[n for n, _ in ROUND_TRIPS])
def test_model_round_trips(name: str, model: Any) -> None:
    payload = load_fixture(name)
    assert model.from_dict(copy.deepcopy(payload)).to_dict() == payload


@pytest.mark.parametrize(("name", "model"), ROUND_TRIPS, ids=[n for n, _ in ROUND_TRIPS])
def test_fixture_conforms_to_spec(name: str, model: Any) -> None:
    schema = {
        SingleCircuitJob: "Job",
        MultiCircuitJob: "Job",
        RateCardEstimate: "CostEstimate",
        RateInformationEstimate: "CostEstimate",
    }.get(model, model.__name__)
    assert openapi.errors(openapi.schema_validator(schema), load_fixture(name)) == []


def parse_job(payload: dict[str, Any]) -> Any:
    response = httpx.Response(200, json=payload)
    return get_job._parse_response(client=Client(base_url="http://x"), response=response)


@pytest.mark.parametrize(
    ("name", "model", "results"),
    [
        ("job_single_urls", SingleCircuitJob, ResultUrls),
        ("job_single_artifacts", SingleCircuitJob, ResultArtifacts),
        ("job_multi_urls", MultiCircuitJob, ResultUrls),
        ("job_multi_artifacts", MultiCircuitJob, ResultArtifacts),
    ],
)
def test_job_union_picks_the_right_class_and_results_shape(
    name: str, model: type, results: type
) -> None:
    job = parse_job(load_fixture(name))
    assert type(job) is model
    assert type(job.results) is results


def test_results_shapes_are_read() -> None:
    urls = parse_job(load_fixture("job_single_urls")).results
    assert urls.probabilities.url.endswith("/results/probabilities")
    artifacts = parse_job(load_fixture("job_multi_artifacts")).results
    descriptor = artifacts["ionq.result.probabilities-aggregate.json.v1"]
    assert descriptor.id == "probabilities-aggregate"


def test_known_and_unknown_enum_values() -> None:
    done = parse_job(load_fixture("job_single_urls"))
    assert done.status is JobStatus.COMPLETED
    future = parse_job(load_fixture("job_unknown_status"))
    assert future.status == "awaiting_calibration" and not isinstance(future.status, JobStatus)
    assert future.failure.code == "ThermalDrift"
    assert future["queue_position"] == 4  # unknown keys are kept, not dropped
    failed = parse_job(load_fixture("job_failed"))
    assert failed.failure.code is FailureCode.NOTENOUGHQUBITS


def test_probabilities_parse_as_a_map() -> None:
    response = httpx.Response(200, json={"0": 0.5, "3": 0.5})
    parsed = get_job_probabilities._parse_response(
        client=Client(base_url="http://x"), response=response
    )
    assert parsed.to_dict() == {"0": 0.5, "3": 0.5}


# ----------------------------------------------------------------- payloads
BELL_QIS = [{"gate": "h", "targets": [0]}, {"gate": "x", "controls": [0], "targets": [1]}]
NATIVE = [
    {"gate": "gpi", "target": 0, "phase": 0.1},
    {"gate": "gpi2", "target": 1, "phase": 0.2},
    {"gate": "ms", "targets": [1, 2], "phases": [0.2, 0.3], "angle": 0.25},
    {"gate": "zz", "angle": 0.4, "targets": [0, 2]},
]
VALID_PAYLOADS = {
    "circuit-qis": {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "shots": 200,
        "name": "bell",
        "noise": {"model": "ideal", "seed": None},
        "input": {"gateset": "qis", "qubits": 2, "circuit": BELL_QIS},
        "metadata": {"shots": "200", "sampler_seed": "42"},
        "settings": {"error_mitigation": {"debiasing": False}},
    },
    "circuit-native": {
        "type": "ionq.circuit.v1",
        "backend": "qpu.aria-1",
        "input": {"gateset": "native", "qubits": 3, "circuit": NATIVE},
    },
    "circuit-rotations": {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "input": {
            "gateset": "qis",
            "qubits": 3,
            "circuit": [
                {"gate": "rx", "targets": [0], "rotation": 1.5707963},
                {"gate": "zz", "targets": [0, 1], "rotation": 0.5},
                {"gate": "x", "controls": [0, 1], "targets": [2]},
                {"gate": "cnot", "control": 0, "target": 1},
                {
                    "gate": "pauliexp",
                    "targets": [0, 1],
                    "terms": ["XX", "ZI"],
                    "coefficients": [0.5, 0.25],
                    "time": 1.0,
                },
            ],
        },
    },
    "multi-circuit": {
        "type": "ionq.multi-circuit.v1",
        "backend": "simulator",
        "shots": 100,
        "input": {
            "gateset": "qis",
            "qubits": 3,
            "circuits": [
                {"name": "bell", "qubits": 2, "circuit": BELL_QIS, "registers": {"c": [0, 1]}},
                {"name": "x", "qubits": 3, "circuit": [{"gate": "x", "targets": [2]}]},
            ],
        },
    },
    "qasm3": {
        "type": "ionq.qasm3.v1",
        "backend": "simulator",
        "shots": 1000,
        "dry_run": True,
        "input": {
            "data": 'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[2] q;\nh q[0];\ncx q[0], q[1];\n'
        },
    },
}


@pytest.mark.parametrize("name", VALID_PAYLOADS)
def test_valid_payloads_conform(name: str) -> None:
    assert openapi.errors("#/components/schemas/JobCreationPayload", VALID_PAYLOADS[name]) == []


def _broken(name: str, mutate: Any) -> dict[str, Any]:
    payload = copy.deepcopy(VALID_PAYLOADS[name])
    mutate(payload)
    return payload


INVALID_PAYLOADS = {
    "unknown-gate": _broken(
        "circuit-qis", lambda p: p["input"]["circuit"].append({"gate": "foo", "targets": [0]})
    ),
    "native-gate-in-qis": _broken(
        "circuit-qis",
        lambda p: p["input"]["circuit"].append({"gate": "gpi", "target": 0, "phase": 0.1}),
    ),
    "shots-zero": _broken("circuit-qis", lambda p: p.update(shots=0)),
    "shots-too-many": _broken("circuit-qis", lambda p: p.update(shots=1_000_001)),
    "qubits-zero": _broken("circuit-qis", lambda p: p["input"].update(qubits=0)),
    "extra-property": _broken("circuit-qis", lambda p: p.update(target="simulator")),
    "extra-gate-property": _broken(
        "circuit-native", lambda p: p["input"]["circuit"][0].update(rotation=1.0)
    ),
    "metadata-not-string": _broken("circuit-qis", lambda p: p["metadata"].update(shots=200)),
    "metadata-too-many": _broken(
        "circuit-qis", lambda p: p.update(metadata={f"k{i}": "v" for i in range(11)})
    ),
    "negative-qubit-index": _broken(
        "circuit-qis", lambda p: p["input"]["circuit"][0].update(targets=[-1])
    ),
    "missing-backend": _broken("circuit-qis", lambda p: p.pop("backend")),
    "unknown-type": _broken("circuit-qis", lambda p: p.update(type="ionq.circuit.v0")),
    "multi-without-circuits": _broken("multi-circuit", lambda p: p["input"].pop("circuits")),
    "multi-with-singular-circuit": _broken(
        "multi-circuit", lambda p: p["input"].update(circuit=BELL_QIS)
    ),
    "qasm-empty": _broken("qasm3", lambda p: p["input"].update(data="")),
    "ms-one-phase": _broken(
        "circuit-native", lambda p: p["input"]["circuit"][2].update(phases=[0.1])
    ),
}


@pytest.mark.parametrize("name", INVALID_PAYLOADS)
def test_invalid_payloads_are_refused(name: str) -> None:
    assert openapi.errors("#/components/schemas/JobCreationPayload", INVALID_PAYLOADS[name]) != []


def test_validation_keys_name_the_field() -> None:
    """The emulator's 400 names the offending field, as IonQ's ``validation.keys`` does."""
    from ionq_emulator._validation import RequestInvalid, validate_instance

    for name, key in [("shots-zero", "shots"), ("extra-property", "target")]:
        with pytest.raises(RequestInvalid) as refused:
            validate_instance(
                "#/components/schemas/JobCreationPayload", INVALID_PAYLOADS[name], "body"
            )
        assert refused.value.keys == [key]
