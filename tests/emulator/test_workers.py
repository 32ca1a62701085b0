"""Big jobs: simulated by a worker outside the store's lock, within bounded memory.

A job too big to simulate in the request's thread (``EmulatorConfig.inline_work``) is
accepted at once and left ``ready`` until a worker has simulated it. These tests hold
the worker at a gate (the simulator is patched to wait for the test's signal) so
that "the job is still being simulated" is a fact, not a race.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from ionq_emulator import _simulator

from .conftest import INSTANT, FakeClock, Serve, assert_error, assert_spec, bell, http_to

#: Qubits of the "big" job: 19 gates on 18 qubits is past the default inline work.
BIG = 18


def big_job(**extra: Any) -> dict[str, Any]:
    """h on every qubit, twice: a big simulation whose result is one outcome, |0...0>."""
    circuit = [{"gate": "h", "targets": list(range(BIG))}] * 2
    return {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "input": {"gateset": "qis", "qubits": BIG, "circuit": circuit},
        **extra,
    }


def uniform(qubits: int) -> dict[str, Any]:
    """h on every qubit: 2**qubits equally likely outcomes."""
    circuit = [{"gate": "h", "targets": list(range(qubits))}]
    return {
        "type": "ionq.circuit.v1",
        "backend": "simulator",
        "input": {"gateset": "qis", "qubits": qubits, "circuit": circuit},
    }


class Gate:
    """Holds every simulation of ``BIG`` or more qubits until :meth:`open`."""

    def __init__(self) -> None:
        self.opened = threading.Event()
        self.entered = threading.Semaphore(0)
        self.interrupted = 0

    def open(self) -> None:
        self.opened.set()


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    held = Gate()
    real = _simulator.simulate_statevector

    def gated(circuit: Any, qubits: int, *args: Any, **kwargs: Any) -> Any:
        if qubits >= BIG:
            held.entered.release()
            held.opened.wait(10)  # bounded: an emulator that blocks fails, not hangs
        try:
            return real(circuit, qubits, *args, **kwargs)
        except _simulator.SimulationInterrupted:
            held.interrupted += 1
            raise

    monkeypatch.setattr(_simulator, "simulate_statevector", gated)
    yield held
    held.open()


def submit(http: httpx.Client, payload: dict[str, Any]) -> str:
    return str(assert_spec("createJob", http.post("/jobs", json=payload), 201)["id"])


def status(http: httpx.Client, job_id: str) -> str:
    return str(assert_spec("getJob", http.get(f"/jobs/{job_id}"), 200)["status"])


def wait_until_done(http: httpx.Client, job_id: str) -> dict[str, Any]:
    """Poll (at most 10 s) until the job is finished; its body then."""
    for _ in range(200):
        job: dict[str, Any] = http.get(f"/jobs/{job_id}").json()
        if job["status"] in ("completed", "failed", "canceled"):
            return job
        time.sleep(0.05)
    raise AssertionError(f"job {job_id} still {job['status']}")


def test_a_big_job_is_accepted_at_once_and_others_are_served_while_it_runs(
    serve: Serve, gate: Gate
) -> None:
    emulator = serve(**INSTANT)
    with http_to(emulator) as http:
        http.timeout = httpx.Timeout(5)
        big = submit(http, big_job())  # the old emulator simulated here, lock held
        assert gate.entered.acquire(timeout=5), "no worker took the job"
        assert status(http, big) == "started"  # being simulated, not complete
        assert_error(http.get(f"/jobs/{big}/results/probabilities"), 404)
        # The store is free meanwhile: small jobs come and go, lists and reads answer.
        small = [submit(http, bell()) for _ in range(5)]
        assert [status(http, s) for s in small] == ["completed"] * 5
        listed = assert_spec("listJobs", http.get("/jobs", params={"limit": 10}), 200)
        assert {j["id"]: j["status"] for j in listed["jobs"]}[big] == "started"
        assert http.get("/backends").status_code == 200
        assert status(http, big) == "started"  # all of the above happened while it ran
        gate.open()
        job = wait_until_done(http, big)
        assert job["status"] == "completed"
        probabilities = http.get(f"/jobs/{big}/results/probabilities").json()
        assert probabilities == {"0": pytest.approx(1.0)}


def test_a_queue_past_its_bound_answers_429_and_small_jobs_still_run(
    serve: Serve, gate: Gate
) -> None:
    emulator = serve(max_queued_jobs=1, **INSTANT)
    with http_to(emulator) as http:
        first = submit(http, big_job())
        refused = http.post("/jobs", json=big_job())
        assert_error(refused, 429)
        assert refused.headers["retry-after"] == "1"
        assert status(http, submit(http, bell())) == "completed"  # inline: no queue
        ids = [j["id"] for j in http.get("/jobs").json()["jobs"]]
        assert len(ids) == 2 and first in ids  # the refused job left no record
        gate.open()
        assert wait_until_done(http, first)["status"] == "completed"
        assert status(http, submit(http, big_job())) in ("ready", "started", "completed")


def test_a_canceled_big_job_stops_simulating_and_frees_its_worker(serve: Serve, gate: Gate) -> None:
    emulator = serve(max_queued_jobs=1, **INSTANT)
    with http_to(emulator) as http:
        big = submit(http, big_job())
        assert gate.entered.acquire(timeout=5)
        assert http.put(f"/jobs/{big}/status/cancel").status_code == 200
        gate.open()
        assert wait_until_done(http, big)["status"] == "canceled"
        for _ in range(200):  # the worker slot frees once the simulation has stopped
            if http.post("/jobs", json=big_job()).status_code == 201:
                break
            time.sleep(0.05)
        else:
            raise AssertionError("the canceled job's worker slot never came free")
    assert gate.interrupted == 1


def test_a_pending_simulation_holds_the_job_whatever_the_clock_says(
    serve: Serve, gate: Gate
) -> None:
    clock = FakeClock()
    emulator = serve(clock=clock, ready_after=1.0, start_after=1.0, run_time=2.0)
    with http_to(emulator) as http:
        big = submit(http, big_job())
        assert gate.entered.acquire(timeout=5)
        assert status(http, big) == "submitted"
        clock.advance(1.0)
        assert status(http, big) == "ready"
        clock.advance(100.0)  # far past its run time: still being simulated
        job = assert_spec("getJob", http.get(f"/jobs/{big}"), 200)
        assert job["status"] == "started" and job["completed_at"] is None
        gate.open()
        job = wait_until_done(http, big)
        assert job["status"] == "completed"  # done the moment the worker finished
        assert job["completed_at"] >= job["started_at"]


def test_a_result_with_too_many_outcomes_fails_instead_of_filling_memory(serve: Serve) -> None:
    """17 qubits of h: 131,072 outcomes, past a limit of 65,536 kept per job (the
    default, 2^20, lets a 20-qubit result through; the rule is the same)."""
    emulator = serve(max_result_states=2**16, **INSTANT)
    with http_to(emulator) as http:
        job_id = submit(http, uniform(17))
        job = wait_until_done(http, job_id)
        assert job["status"] == "failed"
        assert job["failure"]["code"] == "SimulationError"
        assert "131072 non-zero outcomes" in job["failure"]["message"]
        assert_error(http.get(f"/jobs/{job_id}/results/probabilities"), 404)


def test_results_kept_across_jobs_are_capped_and_deleting_frees_room(serve: Serve) -> None:
    emulator = serve(max_retained_states=10, **INSTANT)  # a Bell result keeps 2 + 2
    with http_to(emulator) as http:
        kept = [submit(http, bell()) for _ in range(2)]
        full = http.get(f"/jobs/{submit(http, bell())}").json()
        assert full["status"] == "failed"
        assert full["failure"]["code"] == "QuotaExhaustedError"
        assert http.delete(f"/jobs/{kept[0]}").status_code == 200
        assert status(http, submit(http, bell())) == "completed"
        assert http.get(f"/jobs/{kept[1]}/results/probabilities").status_code == 200


def test_limits_are_checked_when_configured() -> None:
    from ionq_emulator import EmulatorConfig

    for bad in ({"workers": 0}, {"max_queued_jobs": 0}, {"max_result_states": 0}):
        with pytest.raises(ValueError):
            EmulatorConfig(**bad)  # type: ignore[arg-type]


def test_requests_are_answered_while_a_big_body_is_being_validated(
    serve: Serve, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Validating a 150,000-gate body takes seconds; it must not block the event loop
    (the old emulator did it there, and even keyless GET /backends waited)."""
    from ionq_emulator import _app

    entered, release = threading.Event(), threading.Event()
    real = _app.parse_body

    def held(*args: Any) -> Any:
        entered.set()
        release.wait(10)  # bounded: a blocked event loop fails the test, not hangs it
        return real(*args)

    monkeypatch.setattr(_app, "parse_body", held)
    emulator = serve(**INSTANT)
    answered: list[int] = []
    with http_to(emulator) as http:
        posting = threading.Thread(target=lambda: http.post("/jobs", json=bell()), daemon=True)
        posting.start()
        try:
            assert entered.wait(5), "the body was never validated"
            with httpx.Client(timeout=3) as other:
                for _ in range(5):
                    answered.append(other.get(f"{emulator.url}/backends").status_code)
        finally:
            release.set()
            posting.join(10)
    assert answered == [200] * 5
