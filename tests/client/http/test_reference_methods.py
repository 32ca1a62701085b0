"""Exact requests for every method of the reference client, and what they return."""

from __future__ import annotations

import json

import httpx
import respx

from ionq_client import Circuit, IonQJob, MultiResult, Result
from tests.client.http.conftest import BASE, KEY, Driver
from tests.support.files import load_fixture
from tests.support.payloads import BELL_INPUT

JOB_ID = "8a9f2b1c-4d3e-4f5a-9b6c-7d8e9f0a1b2c"


def assert_common_headers(request: httpx.Request) -> None:
    assert request.headers["authorization"] == f"apiKey {KEY}"
    assert request.headers["content-type"] == "application/json"
    agent = request.headers["user-agent"]
    assert agent.startswith("ionq-client/") and "python/" in agent and "httpx/" in agent
    assert "os/" in agent


def test_api_headers_and_make_path(client: Driver) -> None:
    headers = client.api_headers
    assert headers["Authorization"] == f"apiKey {KEY}"
    assert headers["Content-Type"] == "application/json"
    assert client.make_path("jobs", "abc", "status", "cancel") == f"{BASE}/jobs/abc/status/cancel"


def test_custom_headers_are_sent(make_client, mock_api: respx.MockRouter) -> None:  # type: ignore[no-untyped-def]
    route = mock_api.get("/whoami").respond(200, json=load_fixture("whoami"))
    client = make_client(custom_headers={"X-Team": "qc"})
    client.whoami()
    assert route.calls.last.request.headers["x-team"] == "qc"


def test_submit_job(client: Driver, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/jobs").respond(
        201, json={"id": JOB_ID, "status": "submitted", "session_id": None}
    )
    created = client.submit_job(
        IonQJob(circuit=Circuit(2).h(0).cx(0, 1), shots=500, name="bell", metadata={"a": "b"})
    )
    assert created.id == JOB_ID and created.status == "submitted"
    request = route.calls.last.request
    assert request.method == "POST" and request.url == f"{BASE}/jobs"
    assert_common_headers(request)
    body = json.loads(request.content)
    tag = body["metadata"].pop("ionq_client_submission")
    assert len(tag) == 32
    assert body == {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "shots": 500,
        "name": "bell",
        "metadata": {"a": "b"},
        "input": BELL_INPUT,
    }


def test_submit_job_accepts_a_plain_dict(client: Driver, mock_api: respx.MockRouter) -> None:
    route = mock_api.post("/jobs").respond(
        201, json={"id": "j", "status": "submitted", "session_id": None}
    )
    payload = {
        "type": "ionq.qasm3.v1",
        "backend": "simulator",
        "input": {"data": "OPENQASM 3.0;\nqubit[1] q;\nh q[0];\n"},
    }
    client.submit_job(payload)
    body = json.loads(route.calls.last.request.content)
    assert (
        body["input"] == payload["input"] and "metadata" not in payload
    )  # caller's dict untouched


def test_retrieve_job(client: Driver, mock_api: respx.MockRouter) -> None:
    route = mock_api.get(f"/jobs/{JOB_ID}").respond(200, json=load_fixture("job_single_urls"))
    job = client.retrieve_job(JOB_ID)
    assert type(job).__name__ == "SingleCircuitJob"
    assert job.to_dict() == load_fixture("job_single_urls")
    request = route.calls.last.request
    assert request.method == "GET" and request.url == f"{BASE}/jobs/{JOB_ID}"
    assert request.content == b""
    assert_common_headers(request)


def test_get_results_follows_the_url_and_passes_sharpen(
    client: Driver, mock_api: respx.MockRouter
) -> None:
    mock_api.get(f"/jobs/{JOB_ID}").respond(200, json=load_fixture("job_single_urls"))
    route = mock_api.get(f"/jobs/{JOB_ID}/results/probabilities").respond(
        200, json={"0": 0.5, "3": 0.5}
    )
    result = client.get_results(JOB_ID, sharpen=True, extra_query_params={"precision": "3"})
    assert isinstance(result, Result)
    assert result.counts() == {0: 500, 3: 500}  # the job ran 1,000 shots
    request = route.calls.last.request
    assert request.url.params["sharpen"] == "true" and request.url.params["precision"] == "3"


def test_get_results_for_artifact_style_jobs(client: Driver, mock_api: respx.MockRouter) -> None:
    job = load_fixture("job_single_artifacts")
    mock_api.get(f"/jobs/{job['id']}").respond(200, json=job)
    route = mock_api.get(f"/jobs/{job['id']}/artifacts/probabilities").respond(200, json={"5": 1.0})
    result = client.get_results(job["id"])
    assert route.called and result.bitstrings() == {"101": 1.0}


def test_get_results_for_multi_circuit_jobs(client: Driver, mock_api: respx.MockRouter) -> None:
    job = load_fixture("job_multi_urls")
    mock_api.get(f"/jobs/{job['id']}").respond(200, json=job)
    children = {"c1": {"0": 1.0}, "c2": {"1": 0.25, "2": 0.75}}
    route = mock_api.get(f"/jobs/{job['id']}/results/probabilities/aggregated").respond(
        200, json=children
    )
    result = client.get_results(job["id"], sharpen=False)
    assert isinstance(result, MultiResult)
    assert route.calls.last.request.url.params["sharpen"] == "false"
    assert result["c2"].counts(100) == {1: 25, 2: 75}


def test_get_results_never_sends_the_key_to_another_host(
    client: Driver, mock_api: respx.MockRouter
) -> None:
    job = load_fixture("job_single_urls")
    job["results"]["probabilities"]["url"] = "https://evil.example/steal"
    mock_api.get(f"/jobs/{JOB_ID}").respond(200, json=job)
    route = mock_api.get(f"/jobs/{JOB_ID}/results/probabilities").respond(200, json={"0": 1.0})
    client.get_results(JOB_ID)
    assert route.called and route.calls.last.request.url.host == "api.ionq.co"


def test_cancel_job(client: Driver, mock_api: respx.MockRouter) -> None:
    route = mock_api.put(f"/jobs/{JOB_ID}/status/cancel").respond(
        200, json={"id": JOB_ID, "status": "canceled"}
    )
    assert client.cancel_job(JOB_ID).status == "canceled"
    request = route.calls.last.request
    assert request.method == "PUT" and request.content == b""
    assert_common_headers(request)


def test_cancel_jobs_uses_the_bulk_endpoint_in_chunks(
    client: Driver, mock_api: respx.MockRouter
) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        ids = json.loads(request.content)["ids"]
        return httpx.Response(200, json={"ids": ids, "status": "canceled"})

    route = mock_api.put("/jobs/status/cancel").mock(side_effect=answer)
    ids = [f"job-{i}" for i in range(2500)]
    answers = client.cancel_jobs(ids)
    sizes = [len(json.loads(c.request.content)["ids"]) for c in route.calls]
    assert sizes == [1000, 1000, 500]
    assert [i for a in answers for i in a.ids] == ids


def test_delete_job_and_delete_jobs(client: Driver, mock_api: respx.MockRouter) -> None:
    one = mock_api.delete(f"/jobs/{JOB_ID}").respond(200, json={"id": JOB_ID, "status": "deleted"})
    many = mock_api.delete("/jobs").respond(200, json={"ids": ["a", "b"], "status": "deleted"})
    assert client.delete_job(JOB_ID).status == "deleted"
    assert [r.ids for r in client.delete_jobs(["a", "b", "a"])] == [["a", "b"]]
    assert one.calls.last.request.method == "DELETE"
    assert json.loads(many.calls.last.request.content) == {"ids": ["a", "b"]}
    assert client.delete_jobs([]) == [] and many.call_count == 1


def test_get_calibration_data(client: Driver, mock_api: respx.MockRouter) -> None:
    route = mock_api.get("/backends/qpu.forte-1/characterizations").respond(
        200, json={"characterizations": [load_fixture("characterization")], "pages": 4}
    )
    data = client.get_calibration_data("qpu.forte-1")
    assert data is not None and data.to_dict() == load_fixture("characterization")
    assert route.calls.last.request.url.params["limit"] == "1"
    mock_api.get("/backends/simulator/characterizations").respond(
        200, json={"characterizations": None, "pages": 0}
    )
    assert client.get_calibration_data("simulator") is None


def test_path_traversal_in_ids_is_refused_before_the_wire(
    client: Driver, mock_api: respx.MockRouter
) -> None:
    from ionq_client import IonQValidationError

    for bad in ["../whoami", "..", "a/b", "", "a?b=c"]:
        try:
            client.retrieve_job(bad)
        except IonQValidationError as exc:
            assert exc.field == "job_id"
        else:
            raise AssertionError(f"{bad!r} was accepted")
    assert not mock_api.calls
