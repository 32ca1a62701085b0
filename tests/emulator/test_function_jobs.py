"""Quantum functions, Q-CTRL QAOA jobs, register-nested (v2) results and the retired
``settings.compilation``, end to end over HTTP.

Expected energies are computed here independently of the emulator's code path (dense
Pauli matrices and the textbook state), so a wrong sign, bit order or Y phase fails.
"""

from __future__ import annotations

import math
from typing import Any

import httpx
import pytest

from ionq_emulator import openapi
from tests.support.energies import ANSATZ, ansatz_state, energy
from tests.support.payloads import MAXCUT_TRIANGLE

from .conftest import INSTANT, Serve, bell, http_to

QAOA_KEY = "qctrl-secret-key-0123456789"


def energy_payload(
    hamiltonian: list[dict[str, Any]], params: list[float], **extra: Any
) -> dict[str, Any]:
    return {
        "type": "quantum-function",
        "backend": "simulator",
        "shots": 1000,
        "input": {
            "data": {
                "type": "hamiltonian-energy",
                "data": {"hamiltonian": hamiltonian, "ansatz": {"data": ANSATZ}},
            },
            "params": params,
        },
        **extra,
    }


def qaoa_payload(**extra: Any) -> dict[str, Any]:
    return {
        "type": "qctrl.qaoa.v1",
        "backend": "simulator",
        "input": {"problem_type": "maxcut", "problem": MAXCUT_TRIANGLE},
        "external_settings": {"api_credentials": QAOA_KEY, "external_organization": "acme"},
        **extra,
    }


def submit(http: httpx.Client, payload: dict[str, Any]) -> str:
    answer = http.post("/jobs", json=payload)
    assert answer.status_code == 201, answer.text
    return str(answer.json()["id"])


def view(http: httpx.Client, job_id: str) -> dict[str, Any]:
    answer = http.get(f"/jobs/{job_id}")
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    assert openapi.errors("#/components/schemas/Job", body) == []
    return body


# ----------------------------------------------------------- quantum functions


@pytest.mark.parametrize(
    ("dense", "sparse"),
    [
        ([("ZI", -1.0), ("IZ", 0.5), ("ZZ", 0.25)], ["Z1", "Z0", "Z0 Z1"]),
        ([("XX", 0.7), ("YY", -0.3), ("XY", 1.1), ("II", 2.0)], ["X0 X1", "Y0 Y1", "X1 Y0", ""]),
    ],
)
def test_hamiltonian_energy_is_the_exact_expectation(
    serve: Serve, dense: list[tuple[str, float]], sparse: list[str]
) -> None:
    theta, phi = 0.7, -1.3
    expected = energy([(c, letters) for letters, c in dense], ansatz_state(theta, phi))
    with http_to(serve(**INSTANT)) as http:
        for strings in ([d for d, _ in dense], sparse):
            terms = [
                {"pauli_string": s or "II", "coefficient": c}
                for s, (_, c) in zip(strings, dense, strict=True)
            ]
            job = view(http, submit(http, energy_payload(terms, [theta, phi])))
            assert job["status"] == "completed" and job["type"] == "quantum-function"
            assert job["results"]["value"] == pytest.approx(expected, abs=1e-9)
            assert job["results"]["variance"] >= 0
            assert job["output"] == {} and job["child_job_ids"] is None


def test_variance_is_the_shot_estimate_of_each_term(serve: Serve) -> None:
    """One term: var = c^2 (1 - <P>^2) / shots; <Z0> = cos(theta) here."""
    theta = 1.1
    terms = [{"pauli_string": "IZ", "coefficient": 3.0}]
    with http_to(serve(**INSTANT)) as http:
        results = view(http, submit(http, energy_payload(terms, [theta, 0.0])))["results"]
    assert results["value"] == pytest.approx(3 * math.cos(theta))
    assert results["variance"] == pytest.approx(9 * (1 - math.cos(theta) ** 2) / 1000)


def test_a_qpu_damps_the_energy_by_its_noise(serve: Serve) -> None:
    terms = [{"pauli_string": "ZZ", "coefficient": 1.0}]
    with http_to(serve(**INSTANT)) as http:
        ideal = view(http, submit(http, energy_payload(terms, [0.0, 0.0])))["results"]
        noisy = view(http, submit(http, energy_payload(terms, [0.0, 0.0], backend="qpu.aria-1")))
    assert ideal["value"] == pytest.approx(1.0)
    assert 0.9 < noisy["results"]["value"] < 1.0


@pytest.mark.parametrize(
    ("change", "code", "words"),
    [
        (lambda p: p["input"].update(params=[0.1]), "InvalidInput", "2 input parameter"),
        (
            lambda p: p["input"]["data"]["data"]["hamiltonian"].append(
                {"pauli_string": "Z5", "coefficient": 1}
            ),
            "InvalidInput",
            "qubit 5",
        ),
        (
            lambda p: p["input"]["data"]["data"]["hamiltonian"].append(
                {"pauli_string": "ZZZ", "coefficient": 1}
            ),
            "InvalidInput",
            "3 letters",
        ),
        (
            lambda p: p["input"]["data"]["data"].update(cvar_alpha=0.2),
            "SimulationError",
            "CVaR",
        ),
        (
            lambda p: p["input"]["data"]["data"].update(
                linear_constraints=[{"coeffs": [1, 1], "rhs": 1}]
            ),
            "SimulationError",
            "linear_constraints",
        ),
        (
            lambda p: p["input"]["data"]["data"]["ansatz"].update(data="OPENQASM 3;\nfoo q;"),
            "CompilationError",
            "OpenQASM",
        ),
        (
            lambda p: p.update(input={"type": "qcqp-objective", "data": {"a": 1}}),
            "SimulationError",
            "only hamiltonian-energy",
        ),
    ],
)
def test_what_the_emulator_cannot_compute_fails_saying_why(
    serve: Serve, change: Any, code: str, words: str
) -> None:
    payload = energy_payload([{"pauli_string": "ZZ", "coefficient": 1.0}], [0.1, 0.2])
    change(payload)
    with http_to(serve(**INSTANT)) as http:
        job = view(http, submit(http, payload))
    assert job["status"] == "failed" and job["results"] is None
    assert job["failure"]["code"] == code and words in job["failure"]["message"]


def test_a_quantum_function_has_no_circuit_results(serve: Serve) -> None:
    payload = energy_payload([{"pauli_string": "ZZ", "coefficient": 1.0}], [0.1, 0.2])
    with http_to(serve(**INSTANT)) as http:
        job_id = submit(http, payload)
        for path in ("results/probabilities", "results/histogram", "artifacts/probabilities.v2"):
            answer = http.get(f"/jobs/{job_id}/{path}")
            assert answer.status_code == 404 and "quantum-function" in answer.text


def test_quantum_function_payloads_are_checked_by_the_schema(serve: Serve) -> None:
    bad = energy_payload([{"pauli_string": "ZZ", "coefficient": 1.0}], [0.1, 0.2])
    bad["noise"] = {"model": "aria-1"}  # not part of a quantum function's payload
    no_terms = energy_payload([], [0.1, 0.2])
    with http_to(serve(**INSTANT)) as http:
        for payload, key in ((bad, "noise"), (no_terms, "input.data.data.hamiltonian")):
            answer = http.post("/jobs", json=payload)
            assert answer.status_code == 400
            assert key in answer.json()["validation"]["keys"]


# ------------------------------------------------------------------------ QAOA


def test_qaoa_is_accepted_then_fails_with_optimization_error(serve: Serve) -> None:
    emulator = serve(**INSTANT)
    with http_to(emulator) as http:
        job_id = submit(http, qaoa_payload(name="maxcut"))
        job = view(http, job_id)
        listed = http.get("/jobs").json()
        clone = http.post(f"/jobs/{job_id}/clone", json={"shots": 10})
        cloned = view(http, clone.json()["id"])
        dry = view(http, submit(http, qaoa_payload(dry_run=True)))
    assert job["type"] == "qctrl.qaoa.v1" and job["status"] == "failed"
    assert job["failure"]["code"] == "OptimizationError"
    assert "Q-CTRL" in job["failure"]["message"]
    assert job["results"] is None and job["started_at"] is None
    assert openapi.errors("#/components/schemas/JobList", listed) == []
    assert [item["type"] for item in listed["jobs"]] == ["qctrl.qaoa.v1"]
    assert cloned["failure"]["code"] == "OptimizationError" and cloned["shots"] == 10
    assert dry["status"] == "failed"  # IonQ validates a dry run as it would run it


def test_the_qctrl_key_is_never_shown(serve: Serve) -> None:
    emulator = serve(**INSTANT)
    store = emulator.app.state.store
    with http_to(emulator) as http:
        job_id = submit(http, qaoa_payload())
        bodies = [
            http.get(f"/jobs/{job_id}").text,
            http.get("/jobs").text,
            http.get(f"/jobs/{job_id}/cost").text,
            http.post(f"/jobs/{job_id}/clone", json={}).text,
            # A refusal quoting the payload must not quote the key either.
            http.post("/jobs", json=qaoa_payload(input={"problem_type": "tsp"})).text,
        ]
    assert all(QAOA_KEY not in body for body in bodies)
    kept = store._jobs[job_id].payload  # the store does not even keep it
    assert "api_credentials" not in kept["external_settings"]
    assert kept["external_settings"]["external_organization"] == "acme"


def test_qaoa_needs_its_credentials(serve: Serve) -> None:
    payload = qaoa_payload()
    del payload["external_settings"]["api_credentials"]
    with http_to(serve(**INSTANT)) as http:
        answer = http.post("/jobs", json=payload)
    assert answer.status_code == 400
    assert answer.json()["validation"]["keys"] == ["external_settings.api_credentials"]


# ------------------------------------------------------------ v2 results

QASM3_REGISTERS = """OPENQASM 3;
include "stdgates.inc";
qubit[3] q;
bit[2] c;
bit flag;
x q[0];
h q[1];
cx q[1], q[2];
c[0] = measure q[2];
c[1] = measure q[0];
measure q[1] -> flag;
"""


def test_a_qasm3_job_lists_and_serves_v2_results_by_register(serve: Serve) -> None:
    payload = {
        "type": "ionq.qasm3.v1",
        "backend": "simulator",
        "shots": 400,
        "input": {"data": QASM3_REGISTERS},
    }
    with http_to(serve(**INSTANT)) as http:
        job = view(http, submit(http, payload))
        results = job["results"]
        assert set(results) == {
            f"ionq.result.{kind}.json.v{v}"
            for kind in ("probabilities", "histogram", "shots")
            for v in (1, 2)
        }
        got = {
            kind: http.get(
                f"/jobs/{job['id']}/artifacts/{results[f'ionq.result.{kind}.json.v2']['id']}"
            ).json()
            for kind in ("probabilities", "histogram", "shots")
        }
        v1 = http.get(f"/jobs/{job['id']}/results/probabilities").json()
    # q0 = 1 always; q1 = q2 = a fair coin. c = (bit0: q2, bit1: q0), printed bit1 bit0.
    registers = got["probabilities"]["probabilities"]["registers"]
    assert registers["c"] == pytest.approx({"10": 0.5, "11": 0.5})
    assert registers["flag"] == pytest.approx({"0": 0.5, "1": 0.5})
    assert registers["output_all"] == pytest.approx({"001": 0.5, "111": 0.5})
    assert v1 == pytest.approx({"1": 0.5, "7": 0.5})  # v1 is unchanged
    counts = got["histogram"]["histogram"]["registers"]
    assert sum(counts["c"].values()) == sum(counts["output_all"].values()) == 400
    assert counts["c"]["11"] == counts["flag"]["1"] == counts["output_all"]["111"]
    shots = got["shots"]["shots"]
    assert len(shots) == 400
    for shot in shots:
        bits = shot["registers"]
        assert bits["c"] == [bits["output_all"][2], bits["output_all"][0]] and bits["c"][1] == 1
        assert bits["flag"] == [bits["output_all"][1]]
    for kind, artifact in got.items():
        name = {"probabilities": "ProbabilitiesV2", "histogram": "HistogramV2"}.get(kind, "ShotsV2")
        assert openapi.errors(f"#/components/schemas/{name}", artifact) == []


def test_a_circuit_without_registers_lists_v1_and_still_serves_v2(serve: Serve) -> None:
    with http_to(serve(**INSTANT)) as http:
        job = view(http, submit(http, bell(shots=10)))
        assert all(fmt.endswith(".v1") for fmt in job["results"])
        answer = http.get(f"/jobs/{job['id']}/artifacts/probabilities.v2")
    assert answer.status_code == 200
    assert answer.json()["probabilities"]["registers"] == {
        "output_all": pytest.approx({"00": 0.5, "11": 0.5})
    }


def test_multi_circuit_registers_give_their_children_v2_results(serve: Serve) -> None:
    payload = {
        "type": "ionq.multi-circuit.v1",
        "backend": "simulator",
        "input": {
            "gateset": "qis",
            "qubits": 2,
            "circuits": [
                {"circuit": [{"gate": "x", "targets": [1]}], "registers": {"r": [1, 0]}},
                {"circuit": [{"gate": "x", "targets": [0]}]},
            ],
        },
    }
    with http_to(serve(**INSTANT)) as http:
        parent = view(http, submit(http, payload))
        first, second = (view(http, c) for c in parent["child_job_ids"])
        probabilities = http.get(f"/jobs/{first['id']}/artifacts/probabilities.v2").json()
    assert "ionq.result.probabilities.json.v2" in first["results"]
    assert "ionq.result.probabilities.json.v2" not in second["results"]
    assert probabilities["probabilities"]["registers"]["r"] == {"01": 1.0}


# ------------------------------------------------------ retired compilation


def test_qiskit_ionqs_compilation_setting_is_accepted_and_ignored(serve: Serve) -> None:
    """qiskit-ionq 1.1.1 sends settings.compilation.service_version with QASM 3 jobs."""
    payload = {
        "type": "ionq.qasm3.v1",
        "backend": "simulator",
        "input": {"data": QASM3_REGISTERS},
        "settings": {
            "compilation": {"service_version": "v0.4"},
            "error_mitigation": {"debiasing": False},
        },
    }
    with http_to(serve(**INSTANT)) as http:
        job = view(http, submit(http, payload))
        wrong = http.post("/jobs", json={**payload, "settings": {"compilation": "v0.4"}})
    assert job["status"] == "completed"
    assert job["settings"] == {"error_mitigation": {"debiasing": False}}
    assert wrong.status_code == 400  # only an object is taken for the retired setting
