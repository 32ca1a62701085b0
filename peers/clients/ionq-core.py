"""ionq-core (IonQ's generated client) against the emulator: Bell, multi-circuit, noisy.

Used as its README shows: ``IonQClient(api_key=, base_url=)``, ``create_job.sync``,
``wait_for_job`` (which parses each ``GET /jobs/{id}`` into the document's job
models), then the results: ``get_job_probabilities`` for one circuit, and the
``probabilities-aggregate`` artifact named in the parent job's ``results`` for a
multi-circuit job. Each step that fails is named in the check's detail.
"""

from __future__ import annotations

import copy
import json
import re
import traceback
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

from _peer import (
    KEY,
    NOISE_MODEL,
    SHOTS,
    URL,
    CheckFailed,
    bits,
    expect,
    expect_batch,
    expect_bell,
    expect_noisy,
    one_line,
    run_checks,
)
from ionq_core import IonQClient, Unset, wait_for_job
from ionq_core.api.default import create_job, get_job_artifact, get_job_probabilities
from ionq_core.models.circuit_job_creation_payload import CircuitJobCreationPayload
from ionq_core.models.json_multi_circuit_job import JSONMultiCircuitJob
from ionq_core.models.multi_circuit_job import MultiCircuitJob
from ionq_core.models.single_circuit_job import SingleCircuitJob

T = TypeVar("T")

BELL = [{"gate": "h", "target": 0}, {"gate": "cnot", "control": 0, "target": 1}]
BOTH_X = [{"gate": "x", "target": 0}, {"gate": "x", "target": 1}]
AGGREGATE = "ionq.result.probabilities-aggregate.json.v1"
# get_job tries each job model in turn and reports only the last one's complaint
# (QuantumFunctionJob: "Unexpected value 'ionq.circuit.v1'"); the model for the job's
# own type says what it could not read.
MODELS = {"ionq.circuit.v1": SingleCircuitJob, "ionq.multi-circuit.v1": MultiCircuitJob}

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # "does not use HTTPS": it is the loopback
    CLIENT = IonQClient(api_key=KEY, base_url=URL, max_retries=0)


def step(name: str, fn: Callable[[], T]) -> T:
    try:
        return fn()
    except CheckFailed:
        raise
    except Exception as exc:
        raise CheckFailed(f"{name} -> {one_line(exc)}") from exc


def circuit_job(circuit: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "shots": SHOTS,
        "input": {"gateset": "qis", "qubits": 2, "circuit": circuit},
        **extra,
    }


def unreadable_fields(job_id: str) -> str:
    """The fields of the raw job that its own model cannot parse, with their values."""
    raw = CLIENT.get_httpx_client().get(f"/jobs/{job_id}").json()
    model = MODELS.get(raw.get("type"))
    if model is None:
        return f"no model for type {raw.get('type')!r}"
    found: list[str] = []
    for _ in range(len(raw)):
        try:
            model.from_dict(copy.deepcopy(raw))
            break
        except Exception as exc:
            lines = [frame.line or "" for frame in traceback.extract_tb(exc.__traceback__)]
            names = [m.group(1) for line in lines if (m := re.search(r'pop\("(\w+)"', line))]
            found.append(
                f"{names[0] if names else '?'}={json.dumps(raw.get(names[0]) if names else None)}"
                f" ({type(exc).__name__}: {exc})"
            )
            if not names or raw.get(names[0]) == {}:
                break
            raw[names[0]] = {}  # as if it were an (empty) object, to find the next one
    return f"{model.__name__} cannot read " + "; ".join(found) if found else "it parses"


def submit_and_wait(body: Any) -> Any:
    created = step("create_job", lambda: create_job.sync(client=CLIENT, body=body))
    expect(created is not None, "create_job answered with nothing it could parse")
    try:
        return step(
            f"wait_for_job({created.id})",
            lambda: wait_for_job(CLIENT, created.id, poll_interval=0.05, timeout=60),
        )
    except CheckFailed as exc:
        raise CheckFailed(f"{exc} [{unreadable_fields(created.id)}]") from exc


def probabilities(job_id: str) -> dict[str, float]:
    got = step(
        "get_job_probabilities", lambda: get_job_probabilities.sync(uuid=job_id, client=CLIENT)
    )
    expect(got is not None, "get_job_probabilities answered with nothing it could parse")
    return {bits(k): float(v) for k, v in got.additional_properties.items()}


def run_single(body: dict[str, Any]) -> tuple[str, dict[str, float]]:
    job = submit_and_wait(CircuitJobCreationPayload.from_dict(body))
    return job.id, probabilities(job.id)


def main() -> None:
    def run_bell() -> str:
        job_id, dist = run_single(circuit_job(BELL))
        return f"job {job_id}: probabilities {expect_bell(dist)}"

    def run_batch() -> str:
        body = {
            "type": "ionq.multi-circuit.v1",
            "backend": "simulator",
            "shots": SHOTS,
            "input": {
                "gateset": "qis",
                "qubits": 2,
                "circuits": [{"name": "bell", "circuit": BELL}, {"name": "x-x", "circuit": BOTH_X}],
            },
        }
        job = submit_and_wait(JSONMultiCircuitJob.from_dict(body))
        results = job.results
        expect(not isinstance(results, Unset) and results is not None, "the job has no results")
        descriptors = results.to_dict()
        expect(AGGREGATE in descriptors, f"no {AGGREGATE} among the results: {descriptors}")
        artifact_id = descriptors[AGGREGATE]["id"]
        response = step(
            f"get_job_artifact({artifact_id})",
            lambda: get_job_artifact.sync_detailed(job.id, artifact_id, client=CLIENT),
        )
        expect(response.status_code == 200, f"artifact answered {response.status_code}")
        by_child = json.loads(response.content)
        children = list(job.child_job_ids)
        expect(set(by_child) == set(children), f"{list(by_child)} are not the children {children}")
        return expect_batch(
            {bits(k): float(v) for k, v in by_child[child].items()} for child in children
        )

    def run_noisy() -> str:
        _, dist = run_single(circuit_job(BELL, noise={"model": NOISE_MODEL}))
        return expect_noisy(dist)

    run_checks(run_bell, run_batch, run_noisy)


if __name__ == "__main__":
    main()
