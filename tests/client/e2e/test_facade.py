"""Every facade method against a running emulator, sync and async, responses spec-checked."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator

import pytest

from ionq_client import (
    Circuit,
    IonQAuthenticationError,
    IonQJob,
    IonQJobCanceledError,
    IonQJobFailedError,
    IonQNotFoundError,
    MultiResult,
    NativeCircuit,
    Noise,
    Result,
)
from ionq_emulator import EmulatorConfig, RunningEmulator, run_emulator
from tests.support.drivers import Driver
from tests.support.emulators import INSTANT, KEYS
from tests.support.spec_check import SpecCheck

Connect = Callable[..., Driver]
BELL = Circuit(2, name="bell").h(0).cx(0, 1)


def ghz(n: int) -> Circuit:
    circuit = Circuit(n, name=f"ghz-{n}").h(0)
    for target in range(1, n):
        circuit.cx(0, target)
    return circuit


def test_account_backends_and_calibrations(emulator: RunningEmulator, connect: Connect) -> None:
    client = connect(emulator)
    me = client.whoami()
    assert me.key_id and me.key_name
    names = {b.backend for b in client.get_backends()}
    assert {"simulator", "qpu.aria-1", "qpu.forte-1"} <= names
    assert client.get_backend("qpu.aria-1").qubits == 25
    latest = client.get_calibration_data("qpu.aria-1")
    assert latest is not None and latest.backend == "qpu.aria-1"
    snapshots = client.iter_characterizations("qpu.aria-1", limit=10)
    assert len(snapshots) == 30 and snapshots[0].id == latest.id
    assert client.get_characterization("qpu.aria-1", latest.id).to_dict() == latest.to_dict()
    assert client.get_calibration_data("simulator") is None


def test_backends_need_no_key(
    emulator: RunningEmulator, connect: Connect, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("IONQ_API_KEY", "QISKIT_IONQ_API_TOKEN", "IONQ_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    client = connect(emulator, key="")
    assert client.get_backends()


def test_wrong_key_is_an_authentication_error(emulator: RunningEmulator, connect: Connect) -> None:
    with pytest.raises(IonQAuthenticationError) as raised:
        connect(emulator, key="not-a-key").whoami()
    assert raised.value.status_code == 401 and "not-a-key" not in str(raised.value)


def test_run_bell_and_ghz(emulator: RunningEmulator, connect: Connect) -> None:
    client = connect(emulator)
    bell = client.run(IonQJob(circuit=BELL, shots=1000))
    assert isinstance(bell, Result) and bell.bitstring_counts() == {"00": 500, "11": 500}
    five = client.run(IonQJob(circuit=ghz(5), shots=200))
    assert five.bitstring_counts() == {"00000": 100, "11111": 100}


def test_native_gates_and_noise(emulator: RunningEmulator, connect: Connect) -> None:
    client = connect(emulator)
    # MS(0, 0, 1/4) entangles |00> into (|00> - i|11>)/sqrt(2).
    ms = client.run(IonQJob(circuit=NativeCircuit(2).ms(0, 1), shots=100))
    assert ms.probabilities == pytest.approx({0: 0.5, 3: 0.5})
    noisy = client.run(IonQJob(circuit=BELL, shots=2000, noise=Noise(model="aria-1", seed=3)))
    assert set(noisy.probabilities) > {0, 3}  # noise reaches states the ideal circuit never does
    assert sum(noisy.counts().values()) == 2000


def test_job_lifecycle_reads(emulator: RunningEmulator, connect: Connect) -> None:
    client = connect(emulator)
    created = client.submit_job(
        IonQJob(circuit=ghz(3), shots=64, name="reads", metadata={"k": "v"})
    )
    job = client.wait_for_job(created.id)
    assert job.status == "completed" and job.name == "reads"
    assert job.metadata["k"] == "v" and "ionq_client_submission" in job.metadata
    histogram = client.get_histogram(created.id)
    assert sum(histogram.values()) == 64 and set(histogram) <= {0, 7}
    shots = client.get_shots(created.id)
    assert len(shots) == 64 and {s: shots.count(s) for s in set(shots)} == histogram
    cost = client.get_job_cost(created.id)
    assert cost.estimated_cost.value >= 0
    assert client.estimate_job(
        "qpu.aria-1", qubits=3, shots=100, one_qubit_gates=1, two_qubit_gates=2
    )


def test_multi_circuit_job(emulator: RunningEmulator, connect: Connect) -> None:
    client = connect(emulator)
    result = client.run(IonQJob(circuits=[BELL, ghz(3)], shots=100))
    assert isinstance(result, MultiResult) and len(result) == 2
    by_width = sorted(result.values(), key=lambda r: r.qubits or 0)
    assert by_width[0].probabilities == pytest.approx({0: 0.5, 3: 0.5})
    assert by_width[1].probabilities == pytest.approx({0: 0.5, 7: 0.5})


def test_failed_job_carries_ionq_failure_code(emulator: RunningEmulator, connect: Connect) -> None:
    client = connect(emulator)
    created = client.submit_job(IonQJob(circuit=ghz(30), backend="qpu.aria-1"))
    with pytest.raises(IonQJobFailedError) as raised:
        client.wait_for_job(created.id)
    assert raised.value.code == "NotEnoughQubits" and raised.value.job_id == created.id
    with pytest.raises(IonQJobFailedError):
        client.get_results(created.id)


def test_bulk_cancel_and_delete(emulator: RunningEmulator, connect: Connect) -> None:
    client = connect(emulator)
    ids = [client.submit_job(IonQJob(circuit=BELL, dry_run=True)).id for _ in range(5)]
    assert [i for r in client.cancel_jobs(ids) for i in r.ids] == ids
    assert [i for r in client.delete_jobs(ids) for i in r.ids] == ids
    with pytest.raises(IonQNotFoundError):
        client.retrieve_job(ids[0])
    one = client.submit_job(IonQJob(circuit=BELL)).id
    assert client.delete_job(one).status == "deleted"


def test_keys_see_only_their_own_jobs(emulator: RunningEmulator, connect: Connect) -> None:
    mine = connect(emulator).submit_job(IonQJob(circuit=BELL)).id
    with pytest.raises(IonQNotFoundError):
        connect(emulator, key=KEYS[1]).retrieve_job(mine)


def test_sessions(emulator: RunningEmulator, connect: Connect) -> None:
    client = connect(emulator)
    session = client.create_session("simulator", job_count_limit=3)
    assert session.active and session.backend == "simulator"
    job = client.submit_job(IonQJob(circuit=BELL, session_id=session.id))
    assert [j.id for j in client.iter_session_jobs(session.id)] == [job.id]
    assert client.get_session(session.id).id == session.id
    listed = client.list_sessions(active=True)
    assert session.id in {s.id for s in listed.sessions}
    ended = client.end_session(session.id)
    assert not ended.active and ended.status == "ended"
    org = listed.organization_id
    today = datetime.date.today()
    usage = client.get_organization_usage(
        org,
        start_date=today - datetime.timedelta(days=7),
        end_date=today + datetime.timedelta(days=1),
    )
    assert usage.organization == org


def test_clone_and_format_schema(emulator: RunningEmulator, connect: Connect) -> None:
    client = connect(emulator)
    original = client.submit_job(IonQJob(circuit=BELL, shots=10)).id
    clone = client.clone_job(original, shots=20)
    assert clone.id != original and client.wait_for_job(clone.id).shots == 20
    schema = client.get_format_schema("ionq.circuit.v1")
    assert schema.to_dict()["$schema"].startswith("https://json-schema.org/")


# ------------------------------------------------------------ lifecycle with a clock
class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def slow() -> Iterator[RunningEmulator]:
    clock = FakeClock()
    config = EmulatorConfig(
        seed=5, ready_after=1, start_after=1, run_time=10, clock=clock, check_responses=True
    )
    with run_emulator(config) as running:
        yield running


def test_status_progression_and_cancel_of_a_running_job(
    slow: RunningEmulator, connect: Connect
) -> None:
    clock = slow.config.clock
    assert isinstance(clock, FakeClock)
    client = connect(slow)
    job_id = client.submit_job(IonQJob(circuit=BELL)).id
    seen = [str(client.retrieve_job(job_id).status)]
    for _ in range(2):
        clock.now += 1.0
        seen.append(str(client.retrieve_job(job_id).status))
    assert seen == ["submitted", "ready", "started"]
    client.cancel_job(job_id)
    assert client.retrieve_job(job_id).status == "canceled"
    with pytest.raises(IonQJobCanceledError):
        client.wait_for_job(job_id)


def test_move_a_queued_job(slow: RunningEmulator, connect: Connect) -> None:
    client = connect(slow)
    original = client.submit_job(IonQJob(circuit=BELL, backend="simulator")).id
    moved = client.move_job(original, backend="qpu.aria-1")
    assert client.retrieve_job(moved.id).backend == "qpu.aria-1"
    assert client.retrieve_job(original).status == "canceled"


# ------------------------------------------------------------------- paging
def test_pagination_over_250_jobs(connect: Connect, spec_check: SpecCheck) -> None:
    with run_emulator(EmulatorConfig(seed=3, **INSTANT)) as fresh:
        client = connect(fresh)
        ids = {client.submit_job(IonQJob(circuit=BELL, dry_run=True)).id for _ in range(250)}
        before = spec_check.responses
        listed = client.list_jobs(limit=100)
        assert len(listed) == 250 and {j.id for j in listed} == ids
        assert spec_check.responses - before == 3  # three pages, none read twice
        assert [j.id for j in listed] == sorted(ids, key=[j.id for j in listed].index)


# --------------------------------------------------------------- results shapes
def test_artifact_style_results(connect: Connect) -> None:
    config = EmulatorConfig(seed=4, results_style="artifacts", check_responses=True, **INSTANT)
    with run_emulator(config) as artifacts:
        client = connect(artifacts)
        single = client.run(IonQJob(circuit=BELL, shots=100))
        assert single.bitstring_counts() == {"00": 50, "11": 50}
        multi = client.run(IonQJob(circuits=[BELL, ghz(3)], shots=100))
        assert isinstance(multi, MultiResult) and len(multi) == 2
        job = client.list_jobs(max_jobs=1)[0]
        descriptor = job.results.additional_properties[
            "ionq.result.probabilities-aggregate.json.v1"
        ]
        assert len(client.get_artifact(job.id, descriptor.id)) == 2


def test_filters_paths_and_per_call_options(emulator: RunningEmulator, connect: Connect) -> None:
    client = connect(emulator, key=KEYS[1])
    done = client.run(IonQJob(circuit=BELL, shots=10))
    assert isinstance(done, Result)
    failed = client.submit_job(IonQJob(circuit=ghz(30), backend="qpu.aria-1")).id
    with pytest.raises(IonQJobFailedError):
        client.wait_for_job(failed)
    listed = client.iter_jobs(status="failed")
    assert failed in {j.id for j in listed} and {str(j.status) for j in listed} == {"failed"}
    assert client.make_path("jobs", failed) == f"{emulator.url}/jobs/{failed}"
    quick = client.with_options(timeout=5.0, max_retries=0)
    job = quick.retrieve_job(failed)
    if not hasattr(job, "id"):  # the async client's copy returns a coroutine
        job = client.loop.run_until_complete(job)
    assert job.id == failed


def test_every_public_method_is_exercised_here() -> None:
    """This module and its siblings call each facade method against the emulator."""
    import inspect
    import pathlib

    from ionq_client import IonQClient

    source = "".join(p.read_text() for p in pathlib.Path(__file__).parent.glob("test_*.py"))
    methods = [n for n, _ in inspect.getmembers(IonQClient, callable) if not n.startswith("_")]
    unused = [m for m in methods if f".{m}(" not in source and m not in ("close",)]
    assert unused == []
