"""Jobs and sessions through their lives: statuses, results, listing, changes."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import httpx
import pytest

from ionq_emulator import RunningEmulator
from tests.support.files import load_fixture

from .conftest import (
    INSTANT,
    KEYS,
    FakeClock,
    Serve,
    assert_error,
    assert_spec,
    bell,
    ghz,
    http_to,
    multi,
)

FIXTURE_JOB_KEYS = set().union(
    *(load_fixture(name) for name in ("job_single_urls", "job_failed", "job_multi_urls"))
)


def submit(http: httpx.Client, payload: dict[str, Any]) -> str:
    body = assert_spec("createJob", http.post("/jobs", json=payload), 201)
    assert body["status"] == "submitted"
    return str(body["id"])


def get_job(http: httpx.Client, job_id: str) -> dict[str, Any]:
    body: dict[str, Any] = assert_spec("getJob", http.get(f"/jobs/{job_id}"), 200)
    return body


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def slow(serve: Serve, clock: FakeClock) -> RunningEmulator:
    """Ready after 1 s, started after 2 s, completed after 4 s, on a fake clock."""
    return serve(clock=clock, ready_after=1.0, start_after=1.0, run_time=2.0)


# ------------------------------------------------------------------ lifecycle


def test_a_job_ages_through_every_status_on_the_clock(
    slow: RunningEmulator, clock: FakeClock
) -> None:
    http = http_to(slow)
    job_id = submit(http, bell(shots=100))
    seen = []
    for step in (0.0, 1.0, 1.0, 1.5, 0.5):
        clock.advance(step)
        job = get_job(http, job_id)
        seen.append(job["status"])
        if job["status"] != "completed":
            assert job["results"] is None
            assert_error(http.get(f"/jobs/{job_id}/results/probabilities"), 404)
    assert seen == ["submitted", "ready", "started", "started", "completed"]
    assert job["started_at"] is not None and job["completed_at"] > job["started_at"]
    assert job["execution_duration_ms"] == 2000
    assert set(job) >= FIXTURE_JOB_KEYS


def test_job_ids_are_reproducible_per_seed(serve: Serve) -> None:
    ids = [submit(http_to(serve(seed=seed, **INSTANT)), bell()) for seed in (5, 5, 6)]
    assert ids[0] == ids[1] != ids[2]


def test_bell_on_the_ideal_simulator(serve: Serve) -> None:
    # URL results are no longer the default (see test_official_shapes): asked for here.
    http = http_to(serve(seed=11, results_style="urls", **INSTANT))
    job_id = submit(http, bell(shots=1000, name="bell", metadata={"run": "1"}))
    job = get_job(http, job_id)
    assert job["status"] == "completed" and job["failure"] is None
    assert job["name"] == "bell" and job["metadata"] == {"run": "1"} and job["shots"] == 1000
    assert job["stats"]["qubits"] == 2 and job["stats"]["gate_counts"] == {"1q": 1, "2q": 1}
    assert job["results"]["probabilities"]["url"] == f"/v0.4/jobs/{job_id}/results/probabilities"
    probabilities = http.get(job["results"]["probabilities"]["url"].removeprefix("/v0.4"))
    assert assert_spec("getJobProbabilities", probabilities, 200) == {"0": 0.5, "3": 0.5}
    assert http.get(f"/jobs/{job_id}/results/probabilities", params={"sharpen": "true"}).json() == {
        "0": 0.5,
        "3": 0.5,
    }


def test_ghz_5(http: httpx.Client) -> None:
    job_id = submit(http, ghz(5))
    assert http.get(f"/jobs/{job_id}/results/probabilities").json() == {"0": 0.5, "31": 0.5}


def test_histogram_and_shots_agree_sum_to_shots_and_repeat_with_a_seed(http: httpx.Client) -> None:
    payload = bell(shots=500, noise={"model": "ideal", "seed": 42})
    first, second = submit(http, payload), submit(http, payload)
    histogram = assert_spec("getJobHistogram", http.get(f"/jobs/{first}/results/histogram"), 200)
    assert sum(histogram.values()) == 500 and set(histogram) <= {"0", "3"}
    assert http.get(f"/jobs/{second}/results/histogram").json() == histogram
    shots = assert_spec("getJobShots", http.get(f"/jobs/{first}/results/shots"), 200)
    assert len(shots) == 500 and Counter(shots) == histogram
    assert http.get(f"/jobs/{second}/results/shots").json() == shots
    unseeded = [submit(http, bell(shots=500)) for _ in range(2)]
    histograms = [http.get(f"/jobs/{j}/results/histogram").json() for j in unseeded]
    assert histograms[0] != histograms[1]  # seeds derive from the (distinct) job ids


def test_noisy_simulation_and_qpus_sample_their_noise_model(http: httpx.Client) -> None:
    for payload in (
        bell(shots=2000, noise={"model": "harmony", "seed": 1}),
        bell(shots=2000, backend="qpu.forte-1"),
    ):
        job_id = submit(http, payload)
        probabilities = http.get(f"/jobs/{job_id}/results/probabilities").json()
        histogram = http.get(f"/jobs/{job_id}/results/histogram").json()
        assert probabilities == {k: v / 2000 for k, v in histogram.items()}
        assert math.isclose(sum(probabilities.values()), 1.0)
        assert probabilities.get("1", 0) + probabilities.get("2", 0) > 0  # noise leaks
        assert probabilities["0"] + probabilities["3"] > 0.8
    qpu = get_job(http, job_id)
    # IonQ's noise is "only present when backend is simulator" (an object, never null).
    assert "noise" not in qpu and qpu["cost_model"] == "2QGE_operations"


def test_native_gates_and_qasm3(http: httpx.Client) -> None:
    native = {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "input": {
            "gateset": "native",
            "qubits": 2,
            "circuit": [{"gate": "ms", "targets": [0, 1], "phases": [0, 0], "angle": 0.25}],
        },
    }
    probabilities = http.get(f"/jobs/{submit(http, native)}/results/probabilities").json()
    assert probabilities == pytest.approx({"0": 0.5, "3": 0.5})
    source = """OPENQASM 3;
        include "stdgates.inc";
        qubit[3] q;  // a GHZ state, then a phase that changes no probability
        bit[3] c;
        h q[0];
        cx q[0], q[1];
        cx q[1], q[2];
        rz(pi/2) q[2];
        c = measure q;
    """
    qasm = {"type": "ionq.qasm3.v1", "backend": "simulator", "input": {"data": source}}
    job_id = submit(http, qasm)
    assert get_job(http, job_id)["type"] == "ionq.qasm3.v1"
    assert http.get(f"/jobs/{job_id}/results/probabilities").json() == {"0": 0.5, "7": 0.5}


def test_unparsable_qasm3_is_accepted_then_fails_compilation(http: httpx.Client) -> None:
    qasm = {
        "type": "ionq.qasm3.v1",
        "backend": "simulator",
        "input": {"data": "qubit[2] q;\nfoo q[0];"},
    }
    job = get_job(http, submit(http, qasm))
    assert job["status"] == "failed" and job["failure"]["code"] == "CompilationError"


# -------------------------------------------------------------- multi-circuit


@pytest.mark.parametrize("style", ["urls", "artifacts"])
def test_multi_circuit_parent_children_and_aggregate(serve: Serve, style: str) -> None:
    http = http_to(serve(results_style=style, **INSTANT))
    parent_id = submit(http, multi(shots=100))
    parent = get_job(http, parent_id)
    assert parent["type"] == "ionq.multi-circuit.v1" and len(parent["child_job_ids"]) == 2
    first, second = parent["child_job_ids"]
    children = [get_job(http, c) for c in parent["child_job_ids"]]
    assert [c["name"] for c in children] == ["bell", "flip"]
    assert all(c["parent_job_id"] == parent_id and c["type"] == "ionq.circuit.v1" for c in children)
    aggregated = assert_spec(
        "getJobAggregatedProbabilities",
        http.get(f"/jobs/{parent_id}/results/probabilities/aggregated"),
        200,
    )
    assert aggregated == {first: {"0": 0.5, "3": 0.5}, second: {"2": 1.0}}
    assert http.get(f"/jobs/{second}/results/probabilities").json() == {"2": 1.0}
    assert_error(http.get(f"/jobs/{parent_id}/results/probabilities"), 404)
    assert_error(http.get(f"/jobs/{first}/results/probabilities/aggregated"), 404)
    if style == "urls":
        assert parent["results"] == {
            "probabilities": {"url": f"/v0.4/jobs/{parent_id}/results/probabilities/aggregated"}
        }
    else:
        descriptor = parent["results"]["ionq.result.probabilities-aggregate.json.v1"]
        assert descriptor["id"] == "probabilities-aggregate"
        artifact = http.get(f"/jobs/{parent_id}/artifacts/{descriptor['id']}")
        assert assert_spec("getJobArtifact", artifact, 200) == aggregated
    listed = http.get("/jobs", params={"parent_job_id": parent_id}).json()["jobs"]
    assert {j["id"] for j in listed} == {first, second}
    assert [j["id"] for j in http.get("/jobs").json()["jobs"]] == [parent_id]


def test_single_job_artifacts(serve: Serve) -> None:
    http = http_to(serve(results_style="artifacts", **INSTANT))
    job_id = submit(http, bell(shots=64))
    results = get_job(http, job_id)["results"]
    assert set(results) == {
        "ionq.result.probabilities.json.v1",
        "ionq.result.histogram.json.v1",
        "ionq.result.shots.json.v1",
    }
    for fmt, descriptor in results.items():
        assert descriptor["format"] == fmt and descriptor["media_type"] == "application/json"
        served = http.get(f"/jobs/{job_id}/artifacts/{descriptor['id']}").json()
        direct = http.get(f"/jobs/{job_id}/results/{descriptor['id']}").json()
        assert served == direct
    assert_error(http.get(f"/jobs/{job_id}/artifacts/nope"), 404)
    assert_error(http.get(f"/jobs/{job_id}/artifacts/probabilities-aggregate"), 404)


# ----------------------------------------------------------------- failures


def test_too_many_qubits_for_the_backend_fails_with_not_enough_qubits(
    slow: RunningEmulator, clock: FakeClock
) -> None:
    http = http_to(slow)
    job_id = submit(http, ghz(30, backend="qpu.aria-1"))
    assert get_job(http, job_id)["status"] == "submitted"
    clock.advance(1.0)
    job = get_job(http, job_id)
    assert job["status"] == "failed" and job["failure"]["code"] == "NotEnoughQubits"
    assert job["started_at"] is None and job["results"] is None
    assert job["stats"]["qubits"] == 30
    assert_error(http.get(f"/jobs/{job_id}/results/probabilities"), 404)


def test_more_qubits_than_the_emulator_simulates_fails_with_simulation_error(
    http: httpx.Client,
) -> None:
    job = get_job(http, submit(http, ghz(30, backend="qpu.forte-1")))
    assert job["failure"] == {
        "code": "SimulationError",
        "message": "the emulator simulates at most 25 qubits",
    }


def test_a_gate_of_the_other_gate_set_fails_with_unsupported_gate(http: httpx.Client) -> None:
    payload = multi()
    payload["input"]["circuits"][1]["circuit"] = [{"gate": "gpi", "target": 0, "phase": 0.1}]
    job = get_job(http, submit(http, payload))
    assert job["status"] == "failed" and job["failure"]["code"] == "UnsupportedGate"


def test_dry_run_completes_without_results_and_is_only_priced(http: httpx.Client) -> None:
    job_id = submit(http, bell(backend="qpu.aria-1", dry_run=True))
    job = get_job(http, job_id)
    assert job["status"] == "completed" and job["dry_run"] is True and job["results"] is None
    cost = assert_spec("getJobCost", http.get(f"/jobs/{job_id}/cost"), 200)
    assert cost["dry_run"] is True and cost["estimated_cost"]["value"] == 97.5
    assert "cost" not in cost
    assert_error(http.get(f"/jobs/{job_id}/results/probabilities"), 404)


def test_cost_of_a_completed_job(http: httpx.Client) -> None:
    qpu = http.get(f"/jobs/{submit(http, bell(backend='qpu.aria-1'))}/cost").json()
    assert qpu["cost"] == qpu["estimated_cost"] == {"value": 97.5, "unit": "usd"}
    sim = http.get(f"/jobs/{submit(http, bell())}/cost").json()
    assert sim["cost"]["value"] == 0


# ------------------------------------------------------------ cancel, delete


def test_cancel_a_started_job(slow: RunningEmulator, clock: FakeClock) -> None:
    http = http_to(slow)
    job_id = submit(http, bell())
    clock.advance(2.5)
    assert get_job(http, job_id)["status"] == "started"
    canceled = assert_spec("cancelJob", http.put(f"/jobs/{job_id}/status/cancel"), 200)
    assert canceled == {"id": job_id, "status": "canceled"}
    clock.advance(10)
    job = get_job(http, job_id)
    assert job["status"] == "canceled" and job["results"] is None
    assert_error(http.get(f"/jobs/{job_id}/results/probabilities"), 404)


def test_cancel_a_completed_job_leaves_it_completed(http: httpx.Client) -> None:
    job_id = submit(http, bell())
    assert http.put(f"/jobs/{job_id}/status/cancel").json() == {"id": job_id, "status": "canceled"}
    assert get_job(http, job_id)["status"] == "completed"


def test_delete_then_404(http: httpx.Client) -> None:
    job_id = submit(http, bell())
    assert assert_spec("deleteJob", http.delete(f"/jobs/{job_id}"), 200) == {
        "id": job_id,
        "status": "deleted",
    }
    assert_error(http.get(f"/jobs/{job_id}"), 404)
    assert_error(http.delete(f"/jobs/{job_id}"), 404)


def test_bulk_cancel_and_delete_are_all_or_nothing(slow: RunningEmulator) -> None:
    http = http_to(slow)
    ids = [submit(http, bell()) for _ in range(3)]
    missing = http.put("/jobs/status/cancel", json={"ids": [*ids, "no-such-job"]})
    assert_error(missing, 404)
    assert {get_job(http, i)["status"] for i in ids} == {"submitted"}
    body = assert_spec("cancelJobs", http.put("/jobs/status/cancel", json={"ids": ids[:2]}), 200)
    assert body == {"ids": ids[:2], "status": "canceled"}
    assert [get_job(http, i)["status"] for i in ids] == ["canceled", "canceled", "submitted"]
    assert_error(http.request("DELETE", "/jobs", json={"ids": [ids[0], "nope"]}), 404)
    deleted = http.request("DELETE", "/jobs", json={"ids": ids})
    assert assert_spec("deleteJobs", deleted, 200) == {"ids": ids, "status": "deleted"}
    for i in ids:
        assert_error(http.get(f"/jobs/{i}"), 404)


def test_deleting_a_parent_deletes_its_children(http: httpx.Client) -> None:
    parent = get_job(http, submit(http, multi()))
    http.delete(f"/jobs/{parent['id']}")
    for child in parent["child_job_ids"]:
        assert_error(http.get(f"/jobs/{child}"), 404)


# ------------------------------------------------------------------- listing


def test_listing_250_jobs_in_pages_of_100(serve: Serve) -> None:
    http = http_to(serve(**INSTANT))
    created = [submit(http, bell(shots=1)) for _ in range(250)]
    pages, cursor = [], None
    while True:
        params: dict[str, Any] = {"limit": 100} | ({"next": cursor} if cursor else {})
        body = assert_spec("listJobs", http.get("/jobs", params=params), 200)
        pages.append([j["id"] for j in body["jobs"]])
        cursor = body["next"]
        if cursor is None:
            break
    assert [len(p) for p in pages] == [100, 100, 50]
    flat = [i for page in pages for i in page]
    assert flat == list(reversed(created))  # newest first, no duplicates, none missing
    assert http.get("/jobs").json()["next"] == flat[24]  # default limit 25


def test_listing_an_exact_multiple_ends_with_a_null_cursor(serve: Serve) -> None:
    http = http_to(serve(**INSTANT))
    for _ in range(4):
        submit(http, bell(shots=1))
    first = http.get("/jobs", params={"limit": 2}).json()
    second = http.get("/jobs", params={"limit": 2, "next": first["next"]}).json()
    assert len(second["jobs"]) == 2 and second["next"] is None


def test_list_filters(slow: RunningEmulator, clock: FakeClock) -> None:
    http = http_to(slow)
    old = submit(http, bell())
    clock.advance(10)
    aria = submit(http, bell(backend="qpu.aria-1"))
    forte = submit(http, bell(backend="qpu.forte-1"))

    def ids(**params: Any) -> list[str]:
        return [j["id"] for j in http.get("/jobs", params=params).json()["jobs"]]

    assert ids() == [forte, aria, old]
    assert ids(status="completed") == [old]
    assert ids(status="submitted") == [forte, aria]
    assert ids(target="qpu.aria-1,qpu.forte-1") == [forte, aria]
    assert ids(target="simulator") == [old]
    assert ids(ids=[old, forte]) == [forte, old]
    assert ids(ids=f"{old},{aria}") == [aria, old]
    who = get_job(http, old)["submitter_id"]
    assert ids(submitter_id=who) == [forte, aria, old]
    assert ids(submitter_id="someone-else") == []


def test_a_cursor_survives_the_deletion_of_its_job(http: httpx.Client) -> None:
    for _ in range(3):
        submit(http, bell(shots=1))
    first = http.get("/jobs", params={"limit": 1}).json()
    http.delete(f"/jobs/{first['next']}")
    assert http.get("/jobs", params={"limit": 1, "next": first["next"]}).status_code == 200


def test_another_keys_jobs_are_invisible(emulator: RunningEmulator) -> None:
    mine, theirs = http_to(emulator, KEYS[0]), http_to(emulator, KEYS[1])
    job_id = submit(mine, bell())
    assert_error(theirs.get(f"/jobs/{job_id}"), 404)
    assert_error(theirs.delete(f"/jobs/{job_id}"), 404)
    assert_error(theirs.put(f"/jobs/{job_id}/status/cancel"), 404)
    assert_error(theirs.get(f"/jobs/{job_id}/results/probabilities"), 404)
    assert job_id not in {
        j["id"] for j in theirs.get("/jobs", params={"limit": 1000}).json()["jobs"]
    }
    assert_error(theirs.get("/jobs", params={"next": job_id}), 404)  # names none of theirs
    assert get_job(mine, job_id)["status"] == "completed"


# -------------------------------------------------------------- clone, move


def test_clone_copies_with_overrides(http: httpx.Client) -> None:
    original = submit(http, bell(shots=10, name="original", metadata={"k": "v"}))
    clone = assert_spec("cloneJob", http.post(f"/jobs/{original}/clone", json={"shots": 20}), 201)
    copy = get_job(http, clone["id"])
    assert clone["id"] != original and copy["shots"] == 20
    assert copy["name"] == "original" and copy["metadata"] == {"k": "v"}
    assert get_job(http, original)["status"] == "completed"
    assert_error(http.post("/jobs/nope/clone", json={}), 404)
    assert_error(http.post(f"/jobs/{original}/clone", json={"shots": 0}), 400, "shots")


def test_move_resubmits_a_waiting_job_and_cancels_the_original(
    slow: RunningEmulator, clock: FakeClock
) -> None:
    http = http_to(slow)
    original = submit(http, bell(shots=10))
    moved = assert_spec(
        "moveJob", http.post(f"/jobs/{original}/move", json={"backend": "qpu.aria-1"}), 201
    )
    assert get_job(http, original)["status"] == "canceled"
    assert get_job(http, moved["id"])["backend"] == "qpu.aria-1"
    clock.advance(2.5)
    assert get_job(http, moved["id"])["status"] == "started"
    assert_error(http.post(f"/jobs/{moved['id']}/move", json={}), 409)


# ------------------------------------------------------------------ sessions


def test_session_lifecycle(slow: RunningEmulator, clock: FakeClock) -> None:
    http = http_to(slow)
    created = http.post(
        "/sessions",
        json={"backend": "simulator", "settings": {"job_count_limit": 2, "duration_limit_min": 5}},
    )
    session = assert_spec("createSession", created, 201)
    assert session["status"] == "created" and session["active"] is True
    assert session["settings"]["job_count_limit"] == 2 and session["settings"]["expires_at"]
    sid = session["id"]
    first = http.post("/jobs", json=bell(session_id=sid)).json()
    assert first["session_id"] == sid
    assert http.get(f"/sessions/{sid}").json()["status"] == "started"
    clock.advance(10)  # the first job completes
    second = submit(http, bell(session_id=sid))
    full = assert_error(http.post("/jobs", json=bell(session_id=sid)), 409)
    assert "job_count_limit" in full["message"]
    jobs = assert_spec("listSessionJobs", http.get(f"/sessions/{sid}/jobs"), 200)
    assert [j["id"] for j in jobs["jobs"]] == [second, first["id"]]
    ended = assert_spec("endSession", http.post(f"/sessions/{sid}/end"), 200)
    assert ended["status"] == "ended" and ended["active"] is False and ended["ended_at"]
    assert get_job(http, second)["status"] == "canceled"
    assert get_job(http, first["id"])["status"] == "completed"
    listed = assert_spec("listSessions", http.get("/sessions", params={"active": "false"}), 200)
    assert [s["id"] for s in listed["sessions"]] == [sid]
    assert http.get("/sessions", params={"active": "true"}).json()["sessions"] == []


def test_session_expires_after_its_duration(slow: RunningEmulator, clock: FakeClock) -> None:
    http = http_to(slow)
    sid = http.post(
        "/sessions", json={"backend": "simulator", "settings": {"duration_limit_min": 1}}
    ).json()["id"]
    clock.advance(61)
    session = http.get(f"/sessions/{sid}").json()
    assert session["active"] is False and session["status"] == "ended"
    assert "ended" in assert_error(http.post("/jobs", json=bell(session_id=sid)), 409)["message"]


def test_a_job_must_match_its_sessions_backend_and_key(emulator: RunningEmulator) -> None:
    mine, theirs = http_to(emulator, KEYS[0]), http_to(emulator, KEYS[1])
    sid = mine.post("/sessions", json={"backend": "qpu.aria-1"}).json()["id"]
    # Another backend is a conflict with the session's state; another key's session is
    # one this key cannot see, so it does not exist for it.
    conflict = assert_error(mine.post("/jobs", json=bell(session_id=sid)), 409)
    assert "qpu.aria-1" in conflict["message"]
    assert_error(theirs.post("/jobs", json=bell(backend="qpu.aria-1", session_id=sid)), 404)
    assert_error(theirs.get(f"/sessions/{sid}"), 404)
    assert_error(mine.post("/jobs", json=bell(session_id="no-such-session")), 404)
    assert submit(mine, bell(backend="qpu.aria-1", session_id=sid))


# ------------------------------------------------------ third-party payloads


QISKIT_QIS = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "shots": 200,
    "name": "test_name",
    "noise": {"model": "ideal", "seed": None},
    "input": {
        "gateset": "qis",
        "qubits": 2,
        "circuit": [{"gate": "x", "controls": [1], "targets": [0]}, {"gate": "h", "targets": [1]}],
    },
    "metadata": {"shots": "200", "sampler_seed": "42", "qiskit_header": "H4sI", "user_agent": "q"},
}
QISKIT_NATIVE = {
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "input": {
        "gateset": "native",
        "qubits": 3,
        "circuit": [
            {"gate": "gpi", "target": 0, "phase": 0.1},
            {"gate": "gpi2", "target": 1, "phase": 0.2},
            {"gate": "ms", "targets": [1, 2], "phases": [0.2, 0.3], "angle": 0.25},
            {"gate": "zz", "angle": 0.4, "targets": [0, 2]},
        ],
    },
}
CIRQ_LIKE = {  # cirq-ionq's shape, less its "lang" field (see the report on the spec)
    "type": "ionq.circuit.v1",
    "backend": "simulator",
    "shots": "100",
    "input": {
        "gateset": "native",
        "qubits": 2,
        "circuit": [{"gate": "zz", "phase": 0.25, "targets": [0, 1]}],
    },
    "metadata": {"measurement0": "m\x1f0,1"},
    "settings": {"error_mitigation": {"debiasing": False}},
}


@pytest.mark.parametrize(
    "payload", [QISKIT_QIS, QISKIT_NATIVE, CIRQ_LIKE], ids=["qiskit", "native", "cirq"]
)
def test_payloads_third_party_clients_send_run(http: httpx.Client, payload: dict[str, Any]) -> None:
    job = get_job(http, submit(http, payload))
    assert job["status"] == "completed", job["failure"]
    probabilities = http.get(f"/jobs/{job['id']}/results/probabilities").json()
    assert math.isclose(sum(probabilities.values()), 1.0)
